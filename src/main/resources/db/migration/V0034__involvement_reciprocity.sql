-- The reciprocity ledger (issue 12): what each co-producer received for their time, when it was
-- offered and when it was given, so the days between can be seen; and whether advice about
-- benefits was offered (payments and vouchers can affect some benefits).
create table reciprocity_entry (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    user_id uuid not null references user_account (id),
    kind text not null check (kind in ('PAYMENT', 'VOUCHER', 'EXPENSES', 'TRAINING', 'CERTIFICATE', 'REFERENCE')),
    description text check (length(description) <= 300),
    amount_pence bigint check (amount_pence between 0 and 100000000),
    offered_on date not null,
    given_on date,
    benefits_advice_offered boolean not null default false,
    recorded_by uuid references user_account (id),
    created_at timestamptz not null default now(),
    check (given_on is null or given_on >= offered_on)
);

create index reciprocity_entry_project on reciprocity_entry (organisation_id, project_id, offered_on);
