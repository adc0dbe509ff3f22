-- Settled answer counts per day (issue 11, outcome evidence summary). A review round's summary
-- counted every answer of its period on each request: 18.7 s at 1,000,000 responses. Now the
-- counts of the responses that came in before a form's day line are kept here per day (UK time),
-- so a period is a sum over at most (days x choices) rows plus the responses since the line.
-- The rows are moved forward by form.AnswerCounts (the background settling job), never by
-- sending a form, and corrected when a response is left out or counted again.

-- One row per form whose days are settled, locked while they move. Its own line, so forms settled
-- before this table existed get their days on the settling job's next run, with no backfill here.
create table form_answer_day_settled (
    form_id uuid primary key references form (id),
    organisation_id uuid not null references organisation (id),
    settled_before timestamptz not null
);

-- Counted responses (not left out) that came in on `day` before the form's day line:
--   kind 'f': that answered field `name`;
--   kind 'v': that chose `value` in field `name` (a multiple choice counts each value chosen);
--   kind 'p': unnamed responses to before-and-after question `name` that answered (`value`, `value2`)
--             as (before, now); '' where that side was not answered. (Named members' answers are
--             paired across responses, so they are not settled per day.)
create table form_answer_day (
    form_id uuid not null references form_answer_day_settled (form_id),
    organisation_id uuid not null references organisation (id),
    day date not null,
    kind text not null check (kind in ('f', 'v', 'p')),
    name text not null,
    value text not null default '',
    value2 text not null default '',
    responses bigint not null,
    primary key (form_id, name, kind, day, value, value2)
);

create index form_answer_day_organisation on form_answer_day (organisation_id, form_id);
