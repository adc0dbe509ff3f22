-- Past activity and attendance brought in from a spreadsheet (issue #13). A file is read into a
-- preview (record_import with its activities and refused rows); nothing is recorded until a
-- facilitator confirms it. The id is the preview's unguessable key. record_import_file remembers
-- each file (by its SHA-256) confirmed into each project, so the same file brought in again records
-- nothing new, whichever preview it came through.
create table record_import (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    filename text not null check (length(filename) <= 300),
    file_sha256 text not null,
    -- READING while the file is read (rows_read says how far), then READ, or REFUSED with the reason.
    status text not null check (status in ('READING', 'READ', 'REFUSED')),
    refused_key text,
    rows_read integer not null default 0,
    -- Lines in a CSV file, counted before reading, so the progress can be shown as a share (null for XLSX).
    rows_expected integer,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    confirmed_at timestamptz,
    activities_created integer
);

create index record_import_organisation on record_import (organisation_id, created_at);

-- An activity the file will record. item_id is chosen when read, so confirming makes exactly these
-- items. member_ids are the project's people whose names matched exactly; unmatched are the names
-- that did not (shown in the preview, then only counted); others_count is everyone not matched.
create table record_import_activity (
    organisation_id uuid not null references organisation (id),
    import_id uuid not null references record_import (id),
    position integer not null,
    item_id uuid not null,
    happened_on date not null,
    title text not null check (length(title) between 1 and 200),
    member_ids uuid[] not null,
    unmatched text[] not null,
    others_count integer not null check (others_count between 0 and 100000),
    primary key (import_id, position)
);

create index record_import_activity_organisation on record_import_activity (organisation_id, import_id);

-- A row of the file that will not be brought in, with its plain reason.
create table record_import_refusal (
    organisation_id uuid not null references organisation (id),
    import_id uuid not null references record_import (id),
    row_number integer not null,
    reason_key text not null,
    detail text not null,
    primary key (import_id, row_number)
);

create index record_import_refusal_organisation on record_import_refusal (organisation_id, import_id);

create table record_import_file (
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    file_sha256 text not null,
    import_id uuid not null references record_import (id),
    confirmed_at timestamptz not null default now(),
    primary key (organisation_id, project_id, file_sha256)
);
