-- Responses brought in from another tool's export: Microsoft Forms, Google Forms or SurveyMonkey
-- (issue #13). An upload is kept (with its bytes) while the facilitator matches its columns to the
-- form's questions; then it is read into staged responses and refused rows; nothing is added to the
-- form's responses until the facilitator confirms. The id is the import's unguessable key.
alter table form_response drop constraint form_response_source_check;
alter table form_response add constraint form_response_source_check check (source in ('ONLINE', 'KIOSK', 'PAPER', 'IMPORT'));

create table form_response_import (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    form_id uuid not null references form (id),
    version_number integer not null,
    filename text not null check (length(filename) <= 300),
    file_sha256 text not null,
    tool text not null check (tool in ('MICROSOFT_FORMS', 'GOOGLE_FORMS', 'SURVEYMONKEY')),
    -- The file, kept only until it has been read (then null).
    file bytea,
    -- MAPPING while the facilitator matches columns; READING (rows_read says how far); READ; or REFUSED with the reason.
    status text not null check (status in ('MAPPING', 'READING', 'READ', 'REFUSED')),
    refused_key text,
    -- The export's questions (label and columns) and, once chosen, the answer field each goes to.
    layout jsonb not null,
    mapping jsonb,
    rows_read integer not null default 0,
    rows_expected integer,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    confirmed_at timestamptz,
    responses_created integer,
    foreign key (form_id, version_number) references form_version (form_id, number)
);

create index form_response_import_organisation on form_response_import (organisation_id, created_at);

-- A response the file will add. response_id and submission_token are chosen when read, so confirming
-- adds exactly these; the token is made from the form, the tool and the export's own row (its response
-- id, or its time and answers), so the same row brought in again, from this file or a later export of
-- the same survey, is added once (form_response is unique on form and submission token).
create table form_response_import_row (
    organisation_id uuid not null references organisation (id),
    import_id uuid not null references form_response_import (id),
    position integer not null,
    response_id uuid not null,
    submission_token text not null,
    submitted_at timestamptz not null,
    answers jsonb not null,
    primary key (import_id, position)
);

create index form_response_import_row_organisation on form_response_import_row (organisation_id, import_id);

-- A row of the file that will not be brought in, with its plain reason.
create table form_response_import_refusal (
    organisation_id uuid not null references organisation (id),
    import_id uuid not null references form_response_import (id),
    row_number integer not null,
    reason_key text not null,
    detail text not null,
    primary key (import_id, row_number)
);

create index form_response_import_refusal_organisation on form_response_import_refusal (organisation_id, import_id);
