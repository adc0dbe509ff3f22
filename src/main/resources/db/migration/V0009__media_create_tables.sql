-- Photographs, sound recordings and documents attached to evidence. What is known about a file is
-- kept apart from its bytes, so lists of files never read the content.

create table media_file (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    filename text not null check (length(filename) between 1 and 200),
    kind text not null check (kind in ('PHOTO', 'AUDIO', 'DOCUMENT')),
    content_type text not null check (length(content_type) <= 120),
    size bigint not null check (size between 1 and 10485760 * 2),
    -- A text description of an image (its alt text), required before the image is used in a report.
    description text check (length(description) <= 500),
    -- Shown to VIEWERs (partners and funders) only once the item it belongs to is published.
    published boolean not null default false,
    uploaded_at timestamptz not null default now(),
    uploaded_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id)
);

create index media_file_project on media_file (organisation_id, project_id, uploaded_at);

create table media_content (
    media_id uuid primary key references media_file (id),
    organisation_id uuid not null references organisation (id),
    content bytea not null
);

-- Every change to a file's description or publication, so nothing is lost.
create table media_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    media_id uuid not null references media_file (id),
    action text not null check (action in ('STORED', 'DESCRIBED', 'PUBLISHED', 'UNPUBLISHED')),
    description text,
    changed_at timestamptz not null default clock_timestamp(),
    changed_by uuid references user_account (id)
);

create index media_change_file on media_change (organisation_id, media_id, changed_at);
