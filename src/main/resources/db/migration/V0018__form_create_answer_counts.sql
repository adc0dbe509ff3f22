-- Settled counts of a form's answers (issue 11, speed and scale). The analysis page used to count
-- every response on every request: 2.6 s at 100,000 responses, growing with each one. Now the
-- counts of the responses that came in before a moment ("settled before", an hour or more ago) are
-- kept here, and a request adds to them only the responses that came in since: its cost follows
-- the last hour's responses, not all of them. Sending a form writes nothing here, so the send
-- path (bench/README.md) is unchanged; the counts are moved forward by the analysis itself
-- (form.AnswerCounts), and marking a response as a test or duplicate, or counting it again,
-- corrects them in the same transaction.

-- One row per form whose counts have been settled, locked while they are moved forward or corrected.
create table form_answer_settled (
    form_id uuid primary key references form (id),
    organisation_id uuid not null references organisation (id),
    settled_before timestamptz not null,
    counted bigint not null,
    excluded bigint not null
);

-- The counts themselves, of counted responses that came in before settled_before:
--   kind 'q': responses that answered question `name` (any of its fields);
--   kind 'f': responses that answered field `name`;
--   kind 'v': responses that chose `value` in field `name` (choices, scales, yes/no, numbers; never free text);
--   kind 'm': before-and-after question `name`: responses whose answer moved `value` ('up', 'same', 'down').
create table form_answer_count (
    form_id uuid not null references form_answer_settled (form_id),
    organisation_id uuid not null references organisation (id),
    kind text not null check (kind in ('q', 'f', 'v', 'm')),
    name text not null,
    value text not null default '',
    responses bigint not null,
    primary key (form_id, kind, name, value)
);

create index form_answer_count_organisation on form_answer_count (organisation_id, form_id);
