-- Adds responses number :from to :to (inclusive) to the big form made by generate.sql, in one
-- statement. Response g came in g minutes before 1 December 2026 (so the highest numbers are the
-- oldest), one in a thousand is marked as a test, one in ten came in on paper. Every answer varies
-- with g; the free-text answers are 60 to 120 characters.
--   psql ... -v from=1 -v to=10000 -f bench/scale/responses.sql
insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, submitted_at, excluded)
select gen_random_uuid(), '5ca1e000-0000-0000-0000-000000000001', '5ca1e000-0000-0000-0000-00000000f001', 1,
       'scale-bench-' || lpad(g::text, 12, '0'),
       jsonb_build_object(
           'where', jsonb_build_array((array['The day centre', 'The park', 'The library', 'Online'])[1 + g % 4]),
           'easy', jsonb_build_array((1 + g % 4)::text),
           'fun', jsonb_build_array((1 + (g * 7) % 4)::text),
           'feel.before', jsonb_build_array((1 + g % 3)::text),
           'feel.after', jsonb_build_array((1 + (g * 5) % 3)::text),
           'visits', jsonb_build_array((g % 20)::text),
           'helped', jsonb_build_array('Answer ' || g || ': having the words and pictures together, and time to talk'
                                       || repeat(' with friends', (g % 5)::integer)),
           'again', jsonb_build_array(case when g % 5 = 0 then 'no' else 'yes' end))
       || case when g % 3 = 0 then jsonb_build_object('change', jsonb_build_array('More time for questions at the end, number ' || g))
               else '{}'::jsonb end,
       case when g % 10 = 0 then 'PAPER' else 'ONLINE' end,
       timestamptz '2026-12-01 12:00:00+00' - g * interval '1 minute',
       case when g % 1000 = 0 then 'TEST' end
from generate_series(:from::bigint, :to::bigint) g;
