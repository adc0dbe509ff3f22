-- Whole-organisation exports brought in as new organisations (issue #15): each file once, known by
-- its SHA-256. Not a tenant table (it is the operator's record of which file made which organisation),
-- so it has no organisation_id and is not itself exported.
create table organisation_import (
    file_sha256 text primary key,
    imported_organisation uuid not null references organisation (id),
    source_name text not null,
    imported_at timestamptz not null default now()
);

-- An uploaded export waiting for the operator to check it and confirm: kept a day at most, and
-- removed once it is brought in. Nothing of it is loaded until then.
create table organisation_import_upload (
    id uuid primary key,
    file_sha256 text not null,
    file bytea not null,
    created_at timestamptz not null default now()
);
