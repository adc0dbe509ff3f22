-- Who took part compared with the area (issue 12).
-- The local population profile an ADMIN imports (census figures for the area), one row per group.
create table local_population (
    organisation_id uuid not null references organisation (id),
    part text not null check (length(part) between 1 and 40),
    choice text not null check (length(choice) between 1 and 40),
    people bigint not null check (people >= 0),
    primary key (organisation_id, part, choice)
);

create table local_population_area (
    organisation_id uuid primary key references organisation (id),
    area_name text not null check (length(area_name) between 1 and 200),
    source text check (length(source) <= 300),
    imported_at timestamptz not null default now(),
    imported_by uuid references user_account (id)
);
