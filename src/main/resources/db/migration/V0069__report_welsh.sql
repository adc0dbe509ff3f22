-- A report's own words in Welsh too (issue #13): the title and the words of the draft (ReportWords as
-- JSON: the narrative, what worked and did not, next steps and the two easy-read sentences). Each is
-- optional; a reader in Welsh gets the Welsh where it is given and the English otherwise. Publishing
-- freezes both languages into the snapshot.
alter table report_review_report add column title_cy text check (length(title_cy) between 1 and 200);
alter table report_review_report add column words_cy jsonb;
