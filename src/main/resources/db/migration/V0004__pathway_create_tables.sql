-- Projects (co-production initiatives) and their pathways to impact.

create table project (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    name text not null check (length(name) between 1 and 200),
    summary text check (length(summary) <= 2000),
    starts_on date,
    ends_on date,
    groups_involved text check (length(groups_involved) <= 1000),
    facilitator_user_id uuid references user_account (id),
    comments_open boolean not null default false,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create index project_organisation on project (organisation_id, lower(name));

-- The people from the organisation who take part in the project.
create table project_member (
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    user_id uuid not null references user_account (id),
    primary key (project_id, user_id)
);

create index project_member_organisation on project_member (organisation_id, user_id);

-- One pathway per project: the problem, the two parts of the targeted impact, and a version
-- that every edit checks and bumps (optimistic locking).
create table pathway (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null unique references project (id),
    problem text check (length(problem) <= 2000),
    project_impact text check (length(project_impact) <= 2000),
    coproduction_impact text check (length(coproduction_impact) <= 2000),
    version integer not null default 0,
    updated_at timestamptz not null default now()
);

create index pathway_organisation on pathway (organisation_id);

-- Outcomes are archived, never deleted, so evidence linked to them later keeps its link.
create table outcome (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    pathway_id uuid not null references pathway (id),
    title text not null check (length(title) between 1 and 300),
    term text not null check (term in ('SHORT', 'MEDIUM', 'LONG')),
    leads_to_impact boolean not null default false,
    how_we_will_know text check (length(how_we_will_know) <= 1000),
    position integer not null,
    archived_at timestamptz,
    created_at timestamptz not null default now()
);

create index outcome_pathway on outcome (organisation_id, pathway_id, position);

-- "This outcome leads to that (later) outcome."
create table outcome_link (
    organisation_id uuid not null references organisation (id),
    pathway_id uuid not null references pathway (id),
    from_outcome_id uuid not null references outcome (id),
    to_outcome_id uuid not null references outcome (id),
    primary key (from_outcome_id, to_outcome_id),
    check (from_outcome_id <> to_outcome_id)
);

create index outcome_link_pathway on outcome_link (organisation_id, pathway_id);

create table activity (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    pathway_id uuid not null references pathway (id),
    title text not null check (length(title) between 1 and 300),
    kind text not null check (kind in ('MEETING', 'WORKSHOP', 'EVENT', 'MATERIALS', 'TRAINING', 'OTHER')),
    who_is_involved text check (length(who_is_involved) <= 500),
    position integer not null,
    archived_at timestamptz,
    created_at timestamptz not null default now()
);

create index activity_pathway on activity (organisation_id, pathway_id, position);

create table activity_outcome (
    organisation_id uuid not null references organisation (id),
    activity_id uuid not null references activity (id),
    outcome_id uuid not null references outcome (id),
    primary key (activity_id, outcome_id)
);

create index activity_outcome_outcome on activity_outcome (organisation_id, outcome_id);

-- 'I' statements (what people with lived experience expect) and 'We' statements (what staff and
-- partners will do), in the spirit of TLAP's "Make it real".
create table pathway_statement (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    pathway_id uuid not null references pathway (id),
    kind text not null check (kind in ('I', 'WE')),
    text text not null check (length(text) between 1 and 500),
    outcome_id uuid references outcome (id),
    position integer not null,
    archived_at timestamptz,
    created_at timestamptz not null default now()
);

create index pathway_statement_pathway on pathway_statement (organisation_id, pathway_id, position);

-- Every saved change: who, when, what, and the whole pathway as it was afterwards.
create table pathway_revision (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    pathway_id uuid not null references pathway (id),
    number integer not null,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    summary text not null,
    snapshot jsonb not null,
    unique (pathway_id, number)
);

create index pathway_revision_pathway on pathway_revision (organisation_id, pathway_id, number desc);

-- Members' comments and suggestions on an outcome, for the facilitator to accept or not.
create table outcome_comment (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    outcome_id uuid not null references outcome (id),
    author_user_id uuid not null references user_account (id),
    text text not null check (length(text) between 1 and 1000),
    status text not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'NOT_ACCEPTED')),
    created_at timestamptz not null default now(),
    decided_at timestamptz,
    decided_by uuid references user_account (id)
);

create index outcome_comment_outcome on outcome_comment (organisation_id, outcome_id, created_at);
