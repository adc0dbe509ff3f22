-- Data points: numbers a project collects over time (people using a service, the share of positive
-- feedback), each for a named measure, entered by hand or imported from a CSV file.

create table measure (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('COUNT', 'PERCENTAGE', 'NUMBER')),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id)
);

-- The target of data_point's one foreign key that checks measure, project and organisation together.
create unique index measure_scope on measure (id, project_id, organisation_id);

-- One measure of a name in a project: typed points and imported rows find it by name, whatever the case.
create unique index measure_name on measure (organisation_id, project_id, lower(name));

-- The outcomes and plan rows a measure is evidence for.
create table measure_outcome (
    organisation_id uuid not null references organisation (id),
    measure_id uuid not null references measure (id),
    outcome_id uuid not null references outcome (id),
    primary key (measure_id, outcome_id)
);

create table measure_plan_row (
    organisation_id uuid not null references organisation (id),
    measure_id uuid not null references measure (id),
    plan_row_id uuid not null references plan_row (id),
    primary key (measure_id, plan_row_id)
);

-- A CSV file read for import. Its good rows wait in measure_import_row and its rejected ones in
-- measure_import_rejection until the facilitator confirms (or never). The id is the unguessable key
-- of the preview; confirmed_at makes a second confirmation import nothing.
create table measure_import (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    filename text not null check (length(filename) between 1 and 200),
    row_count integer not null,
    rejected_count integer not null,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    confirmed_at timestamptz,
    confirmed_by uuid references user_account (id),
    imported_count integer
);

create index measure_import_project on measure_import (organisation_id, project_id, created_at desc);

-- Staging rows are written in bulk and deleted once imported: they are checked through their import
-- (which names the organisation) rather than with a second foreign key per row.
create table measure_import_row (
    import_id uuid not null references measure_import (id),
    organisation_id uuid not null,
    line integer not null,
    measure_name text not null,
    observed_on date not null,
    value numeric not null,
    note text
);

create index measure_import_row_import on measure_import_row (import_id, organisation_id);

create table measure_import_rejection (
    import_id uuid not null references measure_import (id),
    organisation_id uuid not null,
    line integer not null,
    reason text not null,
    detail text
);

create index measure_import_rejection_import on measure_import_rejection (import_id, organisation_id, line);

-- A 100,000-row import inserts here in one statement: one composite foreign key (through the measure,
-- which references its project and organisation) keeps each row's checks to a single lookup.
create table data_point (
    id uuid primary key,
    organisation_id uuid not null,
    project_id uuid not null,
    measure_id uuid not null,
    value numeric not null,
    observed_on date not null,
    note text check (length(note) <= 1000),
    -- Null when entered by hand; otherwise the import it came from (whose file name is the source).
    import_id uuid references measure_import (id),
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    -- Removing a point archives it: it stops counting but is kept.
    archived_at timestamptz,
    archived_by uuid references user_account (id),
    foreign key (measure_id, project_id, organisation_id) references measure (id, project_id, organisation_id)
);

create index data_point_measure on data_point (organisation_id, measure_id, observed_on desc) where archived_at is null;
create index data_point_project on data_point (organisation_id, project_id) where archived_at is null;
