-- Who took part (issue 12). The "about you" answers (age, sex, gender identity, sexual orientation,
-- disability, carer, ethnicity, religion, services drawn on) are special-category personal data:
-- they are kept here, apart from the other answers of a response, and read only through
-- form.AboutYouAnswers, which writes every read to the audit log. A row comes from a form response
-- (form_response_id) or from a member's own profile (user_id without a response); a named
-- response carries its member too, so a person's answers are found for subject access.
create table about_you_answer (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisation (id),
    form_response_id uuid references form_response (id),
    user_id uuid references user_account (id),
    part text not null check (length(part) between 1 and 40),
    value text not null check (length(value) between 1 and 40),
    given_at timestamptz not null default clock_timestamp(),
    check (form_response_id is not null or user_id is not null),
    unique (form_response_id, part)
);

create index about_you_answer_organisation on about_you_answer (organisation_id, form_response_id);
-- One profile answer per member and part.
create unique index about_you_answer_profile on about_you_answer (organisation_id, user_id, part) where form_response_id is null;

-- Answers given before now move here from the responses. 'gender' (woman, man, another way) was
-- asked before the census categories; its answers move too, kept for subject access, and are not
-- compared (the census asks sex and gender identity instead).
insert into about_you_answer (organisation_id, form_response_id, user_id, part, value, given_at)
select r.organisation_id, r.id, r.member_user_id, split_part(e.key, '.', 2), e.value ->> 0, r.submitted_at
from form_response r
join form_version v on v.form_id = r.form_id and v.number = r.version_number
cross join lateral jsonb_array_elements(v.questions) q
cross join lateral jsonb_each(r.answers) e
where q ->> 'type' = 'ABOUT_YOU'
  and split_part(e.key, '.', 1) = q ->> 'key'
  and jsonb_typeof(e.value) = 'array' and jsonb_array_length(e.value) > 0;

update form_response r
set answers = r.answers - array(select a.key from jsonb_object_keys(r.answers) a(key)
                                join about_you_answer y on y.form_response_id = r.id
                                  and a.key like '%.' || y.part and split_part(a.key, '.', 2) = y.part)
where exists (select 1 from about_you_answer y where y.form_response_id = r.id);
