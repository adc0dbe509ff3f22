-- Fills one new organisation, "API paging bench (generated)", with a project, a measure of
-- :points data points (default in run.sh: 1,000,000) and a measure of 10, and an API token whose
-- secret is known (cpi_apipagingbench...; only its SHA-256 is kept, as the service keeps it).
-- Ids are fixed (prefix a9a9e...), so run.sh can find them. Run once on a migrated database:
--   psql ... -v ON_ERROR_STOP=1 -v points=1000000 -f bench/api-paging/generate.sql

begin;

insert into organisation (id, name) values ('a9a9e000-0000-0000-0000-000000000001', 'API paging bench (generated)');

insert into user_account (id, username, display_name, password_hash)
select 'a9a9e000-0000-0000-0000-000000000002', 'api-paging-bench', 'API Paging Bench', password_hash
from user_account where username = 'facilitator';

insert into membership (id, organisation_id, user_id, role)
values ('a9a9e000-0000-0000-0000-000000000003', 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-000000000002', 'ADMIN');

insert into project (id, organisation_id, name, summary, starts_on, facilitator_user_id)
values ('a9a9e000-0000-0000-0000-00000000a001', 'a9a9e000-0000-0000-0000-000000000001', 'Paging bench project',
        'A generated project for measuring the API at scale.', date '2025-01-01', 'a9a9e000-0000-0000-0000-000000000002');

insert into pathway (id, organisation_id, project_id, problem)
values (gen_random_uuid(), 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-00000000a001', 'People feel alone.');

insert into measure (id, organisation_id, project_id, name, kind, created_by)
values ('a9a9e000-0000-0000-0000-00000000c001', 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-00000000a001',
        'People coming (a million points)', 'COUNT', 'a9a9e000-0000-0000-0000-000000000002'),
       ('a9a9e000-0000-0000-0000-00000000c002', 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-00000000a001',
        'Groups held', 'COUNT', 'a9a9e000-0000-0000-0000-000000000002');

insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on, created_by)
select gen_random_uuid(), 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-00000000a001',
       'a9a9e000-0000-0000-0000-00000000c001', n % 40, date '2000-01-01' + (n % 9000), 'a9a9e000-0000-0000-0000-000000000002'
from generate_series(1, :points) n;

insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on, created_by)
select gen_random_uuid(), 'a9a9e000-0000-0000-0000-000000000001', 'a9a9e000-0000-0000-0000-00000000a001',
       'a9a9e000-0000-0000-0000-00000000c002', n, date '2026-01-01' + n, 'a9a9e000-0000-0000-0000-000000000002'
from generate_series(1, 10) n;

insert into api_token (id, organisation_id, name, prefix, token_hash, scopes, created_by)
values ('a9a9e000-0000-0000-0000-00000000d001', 'a9a9e000-0000-0000-0000-000000000001', 'Paging bench', 'cpi_apipag',
        sha256(convert_to('cpi_apipagingbench0000000000000000000000000000', 'UTF8')),
        array['read:projects', 'read:forms', 'read:results', 'read:measures', 'read:reports'], 'a9a9e000-0000-0000-0000-000000000002');

commit;

analyze data_point;
analyze measure;
