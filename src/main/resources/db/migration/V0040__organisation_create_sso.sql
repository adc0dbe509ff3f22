-- Single sign-on with OpenID Connect, set up per organisation by its ADMIN (docs/sso.md).

create table sso_settings (
    organisation_id uuid primary key references organisation (id),
    issuer text not null check (length(issuer) between 1 and 500),
    client_id text not null check (length(client_id) between 1 and 200),
    -- Encrypted with APP_SSO_ENCRYPTION_KEY when it is set ("enc:" prefix); never shown again either way.
    client_secret text not null,
    -- false: the organisation's ADMINs and FACILITATORs must use their work account.
    passwords_for_staff boolean not null default true,
    -- The role a person gets the first time they sign in with their work account; null: none until an ADMIN approves.
    first_role text check (first_role in ('FACILITATOR', 'MEMBER', 'VIEWER')),
    version integer not null default 0,
    updated_at timestamptz not null default now()
);

-- The email domains whose people may sign in with the organisation's provider. One organisation per
-- domain, so no organisation can point another's staff at its own provider.
create table sso_domain (
    domain text primary key check (domain = lower(domain) and length(domain) between 3 and 253),
    organisation_id uuid not null references organisation (id)
);

create index sso_domain_organisation on sso_domain (organisation_id);

-- People who signed in with their work account for the first time and wait for an ADMIN to give them a role.
create table sso_waiting (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    email text not null check (length(email) <= 254),
    display_name text not null check (length(display_name) between 1 and 120),
    requested_at timestamptz not null default now()
);

create unique index sso_waiting_once on sso_waiting (organisation_id, lower(email));
