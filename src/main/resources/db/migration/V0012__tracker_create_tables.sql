-- The action tracker: a project's tasks and milestones, who owns them, when they are due, and the
-- evidence that each is done. Plus progress reports for a period, which choose milestones and items of
-- the project's evidence (consent is checked when a report is shown, never stored here).

create table tracker_task (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    title text not null check (length(title) between 1 and 200),
    -- The owner is a person of the organisation or, for someone outside it, a name as typed.
    owner_user_id uuid references user_account (id),
    owner_name text check (length(owner_name) <= 120),
    due_on date,
    status text not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    milestone boolean not null default false,
    -- The evidence that it is done, asked for when it is marked done.
    done_on date,
    done_note text check (length(done_note) <= 2000),
    done_media_id uuid references media_file (id),
    position integer not null,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    -- Removing a task archives it: its history stays.
    archived_at timestamptz,
    archived_by uuid references user_account (id),
    check (status <> 'DONE' or (done_on is not null and done_note is not null))
);

create index tracker_task_project on tracker_task (organisation_id, project_id, position);

-- The outcomes and plan rows a task is evidence for.
create table tracker_task_outcome (
    organisation_id uuid not null references organisation (id),
    task_id uuid not null references tracker_task (id),
    outcome_id uuid not null references outcome (id),
    primary key (task_id, outcome_id)
);

create table tracker_task_plan_row (
    organisation_id uuid not null references organisation (id),
    task_id uuid not null references tracker_task (id),
    plan_row_id uuid not null references plan_row (id),
    primary key (task_id, plan_row_id)
);

-- Every change of a task's status: from what, to what, with the note given, who and when.
create table tracker_task_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    task_id uuid not null references tracker_task (id),
    from_status text check (from_status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    to_status text not null check (to_status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note text check (length(note) <= 2000),
    changed_at timestamptz not null default clock_timestamp(),
    changed_by uuid references user_account (id)
);

create index tracker_task_change_task on tracker_task_change (organisation_id, task_id, changed_at);

-- A progress report for a period, for one audience.
create table progress_report (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    title text not null check (length(title) between 1 and 200),
    period_from date not null,
    period_to date not null check (period_to >= period_from),
    audience text not null check (audience in ('INTERNAL_LEARNING', 'FUNDER_REPORTS', 'PUBLIC')),
    challenges text check (length(challenges) <= 5000),
    risks text check (length(risks) <= 5000),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    archived_at timestamptz,
    archived_by uuid references user_account (id)
);

create index progress_report_project on progress_report (organisation_id, project_id, period_to desc);

-- The outcomes a report shows progress on.
create table progress_report_outcome (
    organisation_id uuid not null references organisation (id),
    report_id uuid not null references progress_report (id),
    outcome_id uuid not null references outcome (id),
    primary key (report_id, outcome_id)
);

-- The milestones a report names as key milestones.
create table progress_report_milestone (
    organisation_id uuid not null references organisation (id),
    report_id uuid not null references progress_report (id),
    task_id uuid not null references tracker_task (id),
    position integer not null,
    primary key (report_id, task_id)
);

-- Items of the project's evidence chosen for a report (case studies, people's voices...), named by
-- the module that holds them and their id there. Whether each may be shown is decided when the
-- report is shown, from the consent given at that moment.
create table progress_report_item (
    organisation_id uuid not null references organisation (id),
    report_id uuid not null references progress_report (id),
    source text not null check (length(source) between 1 and 40),
    item_id uuid not null,
    position integer not null,
    primary key (report_id, source, item_id)
);
