-- The organisation's co-production impact framework, in SCIE's suggested sections, kept as
-- numbered versions for the yearly review. At most one draft at a time; publishing freezes a
-- version (nothing updates a published version's sections), and a new draft starts as a copy of
-- the last published one.

create table framework_version (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    number integer not null check (number > 0),
    status text not null check (status in ('DRAFT', 'PUBLISHED')),
    based_on_id uuid references framework_version (id),
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    published_at timestamptz,
    published_by uuid references user_account (id),
    next_review_on date,
    check ((status = 'PUBLISHED') = (published_at is not null)),
    unique (organisation_id, number)
);

-- One draft per organisation: two people starting the yearly review at once get the same draft.
create unique index framework_version_one_draft on framework_version (organisation_id) where status = 'DRAFT';

-- One row per section of a version. lock_version is checked and bumped by every save
-- (optimistic locking), so a stale save changes nothing.
create table framework_section (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    version_id uuid not null references framework_version (id),
    section_key text not null,
    body text not null check (length(body) between 1 and 20000),
    easy_read text not null default '' check (length(easy_read) <= 1500),
    lock_version integer not null default 0,
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    unique (organisation_id, version_id, section_key)
);
