-- Responses per month, settled (issue 11, organisation overview). The overview shows how many
-- answers came in each month across every project. Counting them from form_response on each
-- request grows with the responses; instead the months of the responses behind a form's settled
-- line (form_answer_settled.settled_before, see V0018) are kept here, moved forward with the
-- other settled counts by form.AnswerCounts in the same transaction, and corrected when a response
-- is left out or counted again. A request adds only the responses since the line.
create table form_response_month (
    form_id uuid not null references form_answer_settled (form_id),
    organisation_id uuid not null references organisation (id),
    -- The first day of the month, in UK time.
    month date not null check (extract(day from month) = 1),
    -- Counted responses (not left out as a test or duplicate) that came in that month.
    responses bigint not null,
    primary key (form_id, month)
);

create index form_response_month_organisation on form_response_month (organisation_id, month);

-- Forms already settled: their months up to the line, counted once now.
insert into form_response_month (form_id, organisation_id, month, responses)
select r.form_id, r.organisation_id, cast(date_trunc('month', r.submitted_at at time zone 'Europe/London') as date), count(*)
from form_response r
join form_answer_settled s on s.form_id = r.form_id
where r.excluded is null and r.submitted_at < s.settled_before
group by 1, 2, 3;
