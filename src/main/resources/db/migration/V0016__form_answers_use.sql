-- How a form's answers will be used, chosen by the facilitator and told to respondents on the form's
-- first page: learning inside the organisation (the default: what every form so far has said nothing
-- beyond), reports to funders, or published. Reports treat it as the respondents' consent for
-- what they wrote.
alter table form add column answers_use text not null default 'INTERNAL_LEARNING'
    check (answers_use in ('INTERNAL_LEARNING', 'FUNDER_REPORTS', 'PUBLIC'));
