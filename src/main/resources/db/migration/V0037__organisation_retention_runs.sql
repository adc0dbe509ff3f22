-- What each daily retention run deleted for an organisation, shown on its settings page.
create table retention_run (
    id bigserial primary key,
    organisation_id uuid not null references organisation (id),
    ran_at timestamptz not null default now(),
    drafts integer not null,
    responses integer not null,
    records integer not null,
    files integer not null,
    audit integer not null
);

create index retention_run_organisation on retention_run (organisation_id, ran_at desc);
