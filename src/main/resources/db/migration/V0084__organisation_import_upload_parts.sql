-- An organisation export waiting for the operator's check is kept in parts of at most 1 MiB, so that
-- neither the upload nor the preview nor the import holds the whole file in memory (issue #15).
-- Uploads waiting here are thrown away after a day anyway; any waiting now is forgotten (the operator
-- uploads the file again).
delete from organisation_import_upload;
alter table organisation_import_upload drop column file;

create table organisation_import_upload_part (
    upload_id uuid not null references organisation_import_upload (id) on delete cascade,
    part integer not null check (part >= 0),
    bytes bytea not null,
    primary key (upload_id, part)
);
