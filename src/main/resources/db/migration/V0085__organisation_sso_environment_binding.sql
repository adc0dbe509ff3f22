-- Which organisation each slug of the operator's environment settings (app.sso.organisations[n].slug,
-- docs/sso.md) was applied to the first time. A slug made from a name is read once: afterwards the
-- organisation keeps the settings when its ADMIN renames it, and a new organisation given the same
-- name neither takes them nor stops the service starting. Not an organisation's data (no
-- organisation_id column, so neither exported nor limited by row-level security): the operator's.
create table sso_environment_binding (
    slug text primary key check (length(slug) between 1 and 200),
    bound_organisation_id uuid not null references organisation (id) on delete cascade,
    bound_at timestamptz not null default now()
);
