-- Outcomes assessment plans: for each outcome in a project's pathway, one or more rows saying which
-- evidence will show it, how it will be collected, and what the group says success will look like.

create table plan_row (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    outcome_id uuid not null references outcome (id),
    evidence_type text not null check (evidence_type in ('QUANTITATIVE', 'PEOPLES_VOICES', 'PEOPLES_RATINGS', 'TASKS_COMPLETED',
                                                         'PROGRESS_REPORTS')),
    form_of_evidence text not null check (length(form_of_evidence) between 1 and 1000),
    success_looks_like text not null check (length(success_looks_like) between 1 and 1000),
    how_we_will_know text check (length(how_we_will_know) <= 1000),
    target text check (length(target) <= 200),
    baseline text check (length(baseline) <= 200),
    when_collected text check (length(when_collected) <= 300),
    who_collects text check (length(who_collects) <= 300),
    -- The built-in suggestion this row was adopted from, if any.
    suggestion_key text check (length(suggestion_key) <= 60),
    position integer not null,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    -- Removing a row archives it: the history and anything collected against it keep their meaning.
    archived_at timestamptz,
    archived_by uuid references user_account (id)
);

create index plan_row_project on plan_row (organisation_id, project_id, outcome_id, position);

-- The ways of collecting (from the organisation's list) that a row uses, in the order chosen.
create table plan_row_way (
    organisation_id uuid not null references organisation (id),
    plan_row_id uuid not null references plan_row (id),
    way_id uuid not null references evidence_way (id),
    position integer not null,
    primary key (plan_row_id, way_id)
);

create index plan_row_way_organisation on plan_row_way (organisation_id, way_id);

-- Every saved change to a row: who, when, what, and the row as it was afterwards.
create table plan_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    plan_row_id uuid not null references plan_row (id),
    action text not null check (action in ('ADDED', 'CHANGED', 'REMOVED', 'RESTORED')),
    changed_at timestamptz not null default clock_timestamp(),
    changed_by uuid references user_account (id),
    snapshot jsonb not null
);

create index plan_change_project on plan_change (organisation_id, project_id, changed_at desc);

-- Comments on a project's plan from the people taking part.
create table plan_comment (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    author_user_id uuid not null references user_account (id),
    text text not null check (length(text) between 1 and 1000),
    created_at timestamptz not null default clock_timestamp()
);

create index plan_comment_project on plan_comment (organisation_id, project_id, created_at);
