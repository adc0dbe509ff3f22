-- The co-production self-assessment (issue 12): statements per principle (equality, diversity,
-- accessibility, reciprocity), the organisation's own set, copied from a starter set the first time
-- it is used; answered by members and by staff separately on a four-point scale with a comment, with
-- a place on the ladder of co-production and the reasons; repeated over time, and weak areas turned
-- into tracker tasks.

create table coproduction_statement (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    principle text not null check (principle in ('EQUALITY', 'DIVERSITY', 'ACCESSIBILITY', 'RECIPROCITY')),
    words text not null check (length(words) between 1 and 300),
    easy_read text not null check (length(easy_read) between 1 and 300),
    position integer not null,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    archived_at timestamptz
);

create index coproduction_statement_organisation on coproduction_statement (organisation_id, principle, position);

create table self_assessment (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    title text not null check (length(title) between 1 and 200),
    opened_on date not null,
    closed_at timestamptz,
    created_at timestamptz not null default now(),
    created_by uuid not null references user_account (id)
);

create index self_assessment_project on self_assessment (organisation_id, project_id, opened_on);

-- One answer per person per statement; the side (members or staff) is fixed when it is given.
create table self_assessment_answer (
    organisation_id uuid not null references organisation (id),
    assessment_id uuid not null references self_assessment (id),
    statement_id uuid not null references coproduction_statement (id),
    user_id uuid not null references user_account (id),
    side text not null check (side in ('MEMBERS', 'STAFF')),
    score integer check (score between 1 and 4),
    comment text check (length(comment) <= 2000),
    answered_at timestamptz not null default now(),
    primary key (assessment_id, statement_id, user_id)
);

create table self_assessment_ladder (
    organisation_id uuid not null references organisation (id),
    assessment_id uuid not null references self_assessment (id),
    user_id uuid not null references user_account (id),
    side text not null check (side in ('MEMBERS', 'STAFF')),
    rung text not null check (rung in ('COERCION', 'EDUCATING', 'INFORMING', 'CONSULTATION', 'ENGAGEMENT', 'CO_DESIGN',
                                       'CO_PRODUCTION')),
    reasons text check (length(reasons) <= 2000),
    answered_at timestamptz not null default now(),
    primary key (assessment_id, user_id)
);

-- A weak area turned into a task in the tracker (the task's id, as the tracker gave it).
create table self_assessment_action (
    organisation_id uuid not null references organisation (id),
    assessment_id uuid not null references self_assessment (id),
    principle text not null check (principle in ('EQUALITY', 'DIVERSITY', 'ACCESSIBILITY', 'RECIPROCITY')),
    task_id uuid not null,
    created_at timestamptz not null default now(),
    created_by uuid not null references user_account (id),
    primary key (assessment_id, principle)
);
