-- Impact and learning reports, made from a closed review round. The draft holds the words the
-- facilitator writes; each publication holds a frozen snapshot (figures, judgements, wording) as JSON,
-- so later evidence never changes a published report. Items about people are kept in the snapshot by
-- reference and checked for consent each time a publication is shown.

create table report_review_report (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    round_id uuid not null references review_round (id),
    kind text not null check (kind in ('IMPACT', 'LEARNING')),
    title text not null check (length(title) between 1 and 200),
    audience text not null check (audience in ('INTERNAL_LEARNING', 'FUNDER_REPORTS', 'PUBLIC')),
    -- The narrative assessment of the impact, drawing on the outcome judgements.
    project_impact text check (length(project_impact) <= 5000),
    coproduction_impact text check (length(coproduction_impact) <= 5000),
    what_worked text check (length(what_worked) <= 5000),
    what_did_not text check (length(what_did_not) <= 5000),
    next_steps text check (length(next_steps) <= 5000),
    easy_learned text check (length(easy_learned) <= 300),
    easy_next text check (length(easy_next) <= 300),
    -- Chosen stories: "source:id" of evidence items, in order.
    stories text[] not null default '{}',
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id)
);

create index report_review_report_project on report_review_report (organisation_id, project_id);

-- A published version: numbered 1, 2, ...; never changed once written.
create table report_publication (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    report_id uuid not null references report_review_report (id),
    number integer not null check (number >= 1),
    audience text not null check (audience in ('INTERNAL_LEARNING', 'FUNDER_REPORTS', 'PUBLIC')),
    snapshot jsonb not null,
    published_at timestamptz not null default clock_timestamp(),
    published_by uuid references user_account (id),
    unique (report_id, number)
);

create index report_publication_org on report_publication (organisation_id, report_id);
