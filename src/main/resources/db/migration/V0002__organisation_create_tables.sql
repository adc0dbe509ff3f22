-- Organisations (tenants), accounts, memberships with a role in each, invitations and resets.

create table organisation (
    id uuid primary key,
    name text not null check (length(name) between 1 and 200),
    suspended_at timestamptz,
    created_at timestamptz not null default now()
);

-- A person's account. Not a tenant table: one person can belong to several organisations.
create table user_account (
    id uuid primary key,
    username text not null check (length(username) between 3 and 60),
    email text check (email is null or length(email) <= 254),
    display_name text not null check (length(display_name) between 1 and 120),
    password_hash text not null,
    easy_read boolean not null default false,
    created_at timestamptz not null default now()
);

create unique index user_account_username_key on user_account (lower(username));
create unique index user_account_email_key on user_account (lower(email)) where email is not null;

create table membership (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    user_id uuid not null references user_account (id),
    role text not null check (role in ('ADMIN', 'FACILITATOR', 'MEMBER', 'VIEWER')),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    constraint membership_once unique (organisation_id, user_id)
);

create index membership_user on membership (user_id);

create table invitation (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    role text not null check (role in ('ADMIN', 'FACILITATOR', 'MEMBER', 'VIEWER')),
    kind text not null check (kind in ('EMAIL', 'PRINTED')),
    email text,
    invitee_name text not null,
    -- The link token (in emails and QR codes) and the short code (typed from paper).
    token text not null unique,
    code text not null unique,
    created_by uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid references user_account (id),
    withdrawn_at timestamptz,
    check (kind = 'PRINTED' or email is not null)
);

create index invitation_organisation on invitation (organisation_id, created_at desc);

-- Single-use, expiring password reset links. Only a hash of the token is kept.
create table password_reset (
    id uuid primary key,
    user_id uuid not null references user_account (id),
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
);

create index password_reset_user on password_reset (user_id);

-- Failed sign-ins (and invitation code guesses), counted per account and per address to rate limit.
create table sign_in_failure (
    id bigserial primary key,
    account_key text,
    remote_address text not null,
    at timestamptz not null default now()
);

create index sign_in_failure_account on sign_in_failure (account_key, at);
create index sign_in_failure_address on sign_in_failure (remote_address, at);
