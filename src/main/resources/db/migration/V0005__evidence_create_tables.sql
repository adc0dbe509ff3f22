-- The organisation's own list of ways of collecting evidence, started from SCIE's table of types of
-- evidence, ways of collecting and examples; who agreed the list; and the review of what the
-- organisation already collects.

-- One row per organisation, made when its list is first seeded: who agreed the list and when.
create table evidence_list (
    organisation_id uuid primary key references organisation (id),
    who_agreed text check (length(who_agreed) <= 500),
    agreed_on date,
    version integer not null default 0,
    seeded_at timestamptz not null default now(),
    updated_at timestamptz,
    updated_by uuid references user_account (id)
);

-- A way of collecting evidence and the types of evidence it can give. Retired ways stay, so plans
-- that use them keep their meaning. seed_key names the starting way a row came from, so built-in
-- suggestions can find the organisation's version of it.
create table evidence_way (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    seed_key text check (length(seed_key) <= 60),
    name text not null check (length(name) between 1 and 120),
    description text check (length(description) <= 1000),
    examples text check (length(examples) <= 1000),
    types text[] not null check (cardinality(types) between 1 and 5),
    position integer not null,
    version integer not null default 0,
    retired_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    unique (organisation_id, seed_key)
);

create index evidence_way_organisation on evidence_way (organisation_id, position);

-- Something the organisation already collects (a feedback form, an attendance sheet, minutes...)
-- and the answers to the guidance's questions about it. A gap found can become a new way.
create table evidence_review (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    name text not null check (length(name) between 1 and 120),
    what_and_why text check (length(what_and_why) <= 1000),
    used_for text check (length(used_for) <= 1000),
    how_collected text check (length(how_collected) <= 1000),
    who_can_access text check (length(who_can_access) <= 1000),
    accessible text check (accessible in ('YES', 'PARTLY', 'NO', 'NOT_SURE')),
    accessible_notes text check (length(accessible_notes) <= 1000),
    relevant_and_easy text check (relevant_and_easy in ('YES', 'PARTLY', 'NO', 'NOT_SURE')),
    relevant_notes text check (length(relevant_notes) <= 1000),
    to_improve text check (length(to_improve) <= 1000),
    to_keep text check (length(to_keep) <= 1000),
    gap text check (length(gap) <= 1000),
    gap_way_id uuid references evidence_way (id),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id)
);

create index evidence_review_organisation on evidence_review (organisation_id, lower(name));

-- Every change to the list, the agreement or a review: who, when, what, and the name it had.
create table evidence_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    action text not null check (action in ('WAY_ADDED', 'WAY_CHANGED', 'WAY_RETIRED', 'WAY_RESTORED', 'LIST_AGREED',
                                           'REVIEW_ADDED', 'REVIEW_CHANGED')),
    subject text not null check (length(subject) <= 500),
    way_id uuid references evidence_way (id),
    review_id uuid references evidence_review (id),
    changed_at timestamptz not null default clock_timestamp(),
    changed_by uuid references user_account (id)
);

create index evidence_change_organisation on evidence_change (organisation_id, changed_at desc);
