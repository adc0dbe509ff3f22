-- Fills one new organisation, "Search bench (generated)", with a project and :items recorded items
-- (default in run.sh: 300,000) whose words are drawn from a list of 40 everyday words, so a common
-- word ("group") is in about a third of them; the word "kingfisher" is in one in 10,000 and
-- "glas" (Welsh) in one in 1,000. Ids are fixed (prefix 5ea2c...). Run once on a migrated database:
--   psql ... -v ON_ERROR_STOP=1 -v items=300000 -f bench/search/generate.sql

begin;

insert into organisation (id, name) values ('5ea2c000-0000-0000-0000-000000000001', 'Search bench (generated)');

insert into user_account (id, username, display_name, password_hash)
select '5ea2c000-0000-0000-0000-000000000002', 'search-bench', 'Search Bench', password_hash
from user_account where username = 'facilitator';

insert into membership (id, organisation_id, user_id, role)
values ('5ea2c000-0000-0000-0000-000000000003', '5ea2c000-0000-0000-0000-000000000001', '5ea2c000-0000-0000-0000-000000000002', 'FACILITATOR');

insert into project (id, organisation_id, name, summary, starts_on, facilitator_user_id)
values ('5ea2c000-0000-0000-0000-00000000a001', '5ea2c000-0000-0000-0000-000000000001', 'Search bench project',
        'A generated project for measuring search at scale.', date '2025-01-01', '5ea2c000-0000-0000-0000-000000000002');

insert into record_item (id, organisation_id, project_id, kind, title, happened_on, body, speaker, created_by)
select gen_random_uuid(), '5ea2c000-0000-0000-0000-000000000001', '5ea2c000-0000-0000-0000-00000000a001',
       (array['QUOTE', 'COMMENT', 'ACTIVITY', 'DIARY'])[1 + n % 4],
       'Record ' || n || ' ' || w[1 + n % 40] || ' ' || w[1 + (n / 40) % 40],
       date '2020-01-01' + (n % 2000),
       w[1 + (n * 7) % 40] || ' ' || w[1 + (n * 13) % 40] || ' ' || w[1 + (n * 17) % 40] || ' ' || w[1 + (n * 29) % 40]
           || ' people felt the ' || w[1 + (n / 7) % 40] || ' made a difference'
           || case when n % 3 = 0 then ' in the group' else '' end
           || case when n % 10000 = 5 then ' and we saw a kingfisher' else '' end
           || case when n % 1000 = 7 then ', roedd yr awyr yn las ac yn glas' else '' end,
       'ANONYMOUS', '5ea2c000-0000-0000-0000-000000000002'
from generate_series(1, :items) n,
     (select array['meeting', 'garden', 'walk', 'cooking', 'music', 'art', 'lunch', 'planning', 'training', 'bus', 'library',
                   'football', 'singing', 'reading', 'cafe', 'market', 'council', 'housing', 'money', 'health', 'doctor',
                   'friends', 'family', 'volunteer', 'carer', 'phone', 'computer', 'park', 'swimming', 'dance', 'theatre',
                   'museum', 'beach', 'holiday', 'shop', 'college', 'work', 'interview', 'sport', 'craft'] as w) words;

commit;

analyze record_item;
