-- Erasure (issue 15): a person who invited others can be erased without erasing the invitations
-- of the people they invited, so who sent an invitation may be unknown.
alter table invitation alter column created_by drop not null;

-- What the organisation chose about its data: whether an erased person's form answers are kept as
-- anonymous figures (their free text removed) or deleted, and how long each kind of data is kept
-- (in months; null keeps it until someone deletes it).
create table data_protection_setting (
    organisation_id uuid primary key references organisation (id),
    keep_answers_as_figures boolean not null default false,
    drafts_months integer check (drafts_months between 1 and 600),
    responses_months integer check (responses_months between 1 and 600),
    records_months integer check (records_months between 1 and 600),
    files_months integer check (files_months between 1 and 600),
    audit_months integer check (audit_months between 1 and 600),
    version integer not null default 0,
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id)
);
