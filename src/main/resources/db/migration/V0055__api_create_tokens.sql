-- Tokens for the read-only API (docs/api.md), made and revoked by an organisation's ADMIN. The
-- token itself is shown once and never kept: only its SHA-256 (it is 256 random bits, so a slow
-- password hash adds nothing) and its first characters, so an ADMIN can tell tokens apart.

create table api_token (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    name text not null check (length(name) between 1 and 100),
    prefix text not null check (length(prefix) between 4 and 20),
    token_hash bytea not null unique,
    scopes text[] not null,
    expires_at timestamptz,
    created_by uuid references user_account (id),
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    revoked_by uuid references user_account (id)
);

create index api_token_organisation on api_token (organisation_id, created_at);
