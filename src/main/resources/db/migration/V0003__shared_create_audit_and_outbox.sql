-- Who did what to which record and when.
create table audit_event (
    id bigserial primary key,
    organisation_id uuid references organisation (id),
    actor_user_id uuid references user_account (id),
    action text not null,
    entity_type text not null,
    entity_id text,
    summary text,
    at timestamptz not null default now()
);

create index audit_event_organisation on audit_event (organisation_id, at desc);
create index audit_event_actor on audit_event (actor_user_id, at desc);

-- Emails: sent through the mail server, or, with none configured, kept here for an ADMIN to read.
create table outbound_email (
    id uuid primary key,
    organisation_id uuid references organisation (id),
    recipient text not null,
    subject text not null,
    body text,
    sent boolean not null,
    created_at timestamptz not null default now()
);

create index outbound_email_organisation on outbound_email (organisation_id, created_at desc);
