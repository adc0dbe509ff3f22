-- Outgoing email becomes a real outbox: an email is written here in the same transaction as what
-- caused it (so a rolled-back invitation sends nothing), then a scheduled sender delivers it,
-- retrying with growing delays while the mail server is down, and marks it sent. One row per email:
-- the organisations whose ADMINs may read it are a list, so an email that concerns two
-- organisations is still sent once.
alter table outbound_email
    add column organisation_ids uuid[] not null default '{}',
    add column attempts integer not null default 0,
    add column next_attempt_at timestamptz,
    add column last_error text,
    add column sent_at timestamptz;

update outbound_email set organisation_ids = array[organisation_id] where organisation_id is not null;

-- Emails still to deliver, soonest first (kept emails of the demo, with no mail server, have none).
create index outbound_email_due on outbound_email (next_attempt_at) where not sent and next_attempt_at is not null;
create index outbound_email_organisations on outbound_email using gin (organisation_ids);
