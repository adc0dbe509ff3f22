-- What the operator's check page shows of an export waiting to be brought in, worked out once while
-- it is uploaded, so the page need not read the whole file again each time it is shown (issue #15).
-- The emails of the file's accounts are kept (lower case) to count, when the page is shown, how many
-- already have an account here. Uploads waiting now are forgotten: the operator uploads the file again.
delete from organisation_import_upload;
alter table organisation_import_upload
    add column source_organisation text not null default '',
    add column app_version text not null default '',
    add column table_rows bigint not null default 0,
    add column tables integer not null default 0,
    add column files integer not null default 0,
    add column accounts integer not null default 0,
    add column account_emails text[] not null default '{}';
