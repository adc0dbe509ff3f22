-- A project's name and summary in Welsh as well (issue #13). Pages in Welsh show the Welsh words where
-- they are given and the organisation's own words otherwise; nothing else about a project is doubled.
alter table project
    add column name_cy text check (length(name_cy) between 1 and 200),
    add column summary_cy text check (length(summary_cy) <= 2000);
