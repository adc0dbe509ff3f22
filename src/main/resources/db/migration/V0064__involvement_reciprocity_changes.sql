-- Reciprocity entries can be changed and removed (issue 12), with their history kept: each change
-- or removal first copies the entry as it was into reciprocity_entry_change, with who did it and
-- when. A removed entry stays (removed_at set) so its history can still be read, but it leaves the
-- ledger and its summaries. version guards against two people changing the same entry at once.

alter table reciprocity_entry
    add column version integer not null default 0,
    add column removed_at timestamptz,
    add column removed_by uuid references user_account (id);

create table reciprocity_entry_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    entry_id uuid not null references reciprocity_entry (id),
    action text not null check (action in ('CHANGED', 'REMOVED')),
    changed_by uuid references user_account (id),
    changed_at timestamptz not null default clock_timestamp(),
    -- The entry as it was before this change.
    user_id uuid not null references user_account (id),
    kind text not null,
    description text,
    amount_pence bigint,
    offered_on date not null,
    given_on date,
    benefits_advice_offered boolean not null
);

create index reciprocity_entry_change_entry on reciprocity_entry_change (organisation_id, entry_id, changed_at);
