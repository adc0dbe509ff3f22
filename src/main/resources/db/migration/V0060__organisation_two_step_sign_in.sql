-- Two-step sign-in (TOTP, RFC 6238) for accounts, and an organisation's rule that its ADMINs and
-- FACILITATORs must use it. Account-level like user_account: not tenant data.
create table account_two_step (
    user_id uuid primary key references user_account (id) on delete cascade,
    -- The shared key (20 random bytes). It must be readable to check codes; see docs/security.md.
    secret bytea not null check (length(secret) = 20),
    confirmed_at timestamptz,
    -- The last 30-second step a code was accepted for: a code is never accepted twice.
    last_step bigint not null default 0,
    created_at timestamptz not null default now()
);

-- One-time recovery codes for a lost phone, kept only as hashes.
create table account_recovery_code (
    user_id uuid not null references user_account (id) on delete cascade,
    code_hash text not null,
    used_at timestamptz,
    primary key (user_id, code_hash)
);

alter table organisation add column two_step_for_staff boolean not null default false;
