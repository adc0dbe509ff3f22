-- Outcome reviews: a project's review rounds, the outcomes each looks at, members' own views of each
-- outcome and the judgement agreed with the group. Figures are never stored here: the evidence
-- summary is read from the modules that hold the evidence, each time it is shown.

create table review_round (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    title text not null check (length(title) between 1 and 200),
    -- The day of the review: evidence up to this day is read for it.
    review_on date not null,
    -- Evidence from this day (the day after the project's previous round); null: from the start.
    period_from date check (period_from is null or period_from <= review_on),
    status text not null check (status in ('OPEN', 'CLOSED')),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    closed_at timestamptz,
    closed_by uuid references user_account (id),
    check ((status = 'CLOSED') = (closed_at is not null))
);

create index review_round_project on review_round (organisation_id, project_id, review_on);

-- The outcomes under review in a round, in the pathway's order when it was made.
create table review_round_outcome (
    organisation_id uuid not null references organisation (id),
    round_id uuid not null references review_round (id),
    outcome_id uuid not null references outcome (id),
    position integer not null,
    primary key (round_id, outcome_id)
);

-- A member's own view of one outcome in one round: one per member, changeable while the round is open.
create table review_member_view (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    round_id uuid not null references review_round (id),
    outcome_id uuid not null references outcome (id),
    user_id uuid not null references user_account (id),
    view text not null check (view in ('YES', 'A_BIT', 'NOT_YET')),
    sentence text check (length(sentence) <= 500),
    given_at timestamptz not null default clock_timestamp(),
    updated_at timestamptz not null default clock_timestamp(),
    unique (round_id, outcome_id, user_id)
);

create index review_member_view_round on review_member_view (organisation_id, round_id, outcome_id);

-- The judgement agreed with the group for one outcome in one round, with its reasons and what happens next.
create table review_judgement (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    round_id uuid not null references review_round (id),
    outcome_id uuid not null references outcome (id),
    judgement text not null check (judgement in ('ACHIEVED', 'PARTLY', 'NOT_YET', 'NOT_ACHIEVED')),
    reasons text not null check (length(reasons) between 1 and 3000),
    next_steps text check (length(next_steps) <= 3000),
    version integer not null default 0,
    recorded_at timestamptz not null default clock_timestamp(),
    recorded_by uuid references user_account (id),
    unique (round_id, outcome_id)
);
