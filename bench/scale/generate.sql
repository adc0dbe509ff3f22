-- Fills one new organisation, "Scale bench (generated)", with 50 projects, 2,000 outcomes (40 a
-- project, with links and activities), 10,000 recorded items, 200 measures with 73,000 data
-- points, and 50 forms: one of them, "Scale bench: activity feedback", is the big form that
-- responses.sql fills. Everything is made with generate_series in a few set-based statements.
--
-- Sign-in: the user "scale-bench", with the demo facilitator's password (its hash is copied), is
-- a FACILITATOR of this organisation only. Run once on a database the application has migrated:
--   psql ... -v ON_ERROR_STOP=1 -f bench/scale/generate.sql
-- Ids are fixed (prefix 5ca1e...), so the other scripts can find the organisation and the big form.

begin;

insert into organisation (id, name) values ('5ca1e000-0000-0000-0000-000000000001', 'Scale bench (generated)');

insert into user_account (id, username, display_name, password_hash)
select '5ca1e000-0000-0000-0000-000000000002', 'scale-bench', 'Scale Bench', password_hash
from user_account where username = 'facilitator';

insert into membership (id, organisation_id, user_id, role)
values ('5ca1e000-0000-0000-0000-000000000003', '5ca1e000-0000-0000-0000-000000000001', '5ca1e000-0000-0000-0000-000000000002', 'FACILITATOR');

-- 50 projects, each with its pathway.
create temporary table bench_project on commit drop as
select p, case when p = 1 then '5ca1e000-0000-0000-0000-00000000a001'::uuid else gen_random_uuid() end as id,
       gen_random_uuid() as pathway_id
from generate_series(1, 50) p;

insert into project (id, organisation_id, name, summary, starts_on, facilitator_user_id)
select id, '5ca1e000-0000-0000-0000-000000000001', 'Bench project ' || lpad(p::text, 2, '0'),
       'A generated project for measuring the service at scale.', date '2025-01-01' + p, '5ca1e000-0000-0000-0000-000000000002'
from bench_project;

insert into pathway (id, organisation_id, project_id, problem)
select pathway_id, '5ca1e000-0000-0000-0000-000000000001', id, 'People feel alone and unheard (project ' || p || ').' from bench_project;

-- 40 outcomes a project: 2,000. Each short- and medium-term outcome leads to the next one.
create temporary table bench_outcome on commit drop as
select bp.p, o, case when bp.p = 1 and o = 1 then '5ca1e000-0000-0000-0000-00000000b001'::uuid else gen_random_uuid() end as id,
       bp.pathway_id
from bench_project bp, generate_series(1, 40) o;

insert into outcome (id, organisation_id, pathway_id, title, term, leads_to_impact, position)
select id, '5ca1e000-0000-0000-0000-000000000001', pathway_id, 'Outcome ' || o || ' of project ' || p || ': people feel more confident',
       case when o <= 20 then 'SHORT' when o <= 32 then 'MEDIUM' else 'LONG' end, o > 32, o
from bench_outcome;

insert into outcome_link (organisation_id, pathway_id, from_outcome_id, to_outcome_id)
select '5ca1e000-0000-0000-0000-000000000001', a.pathway_id, a.id, b.id
from bench_outcome a join bench_outcome b on b.pathway_id = a.pathway_id and b.o = a.o + 1
where a.o < 40;

insert into activity (id, organisation_id, pathway_id, title, kind, position)
select gen_random_uuid(), '5ca1e000-0000-0000-0000-000000000001', bp.pathway_id, 'Weekly group ' || a, 'MEETING', a
from bench_project bp, generate_series(1, 10) a;

-- 200 recorded items a project: 10,000 quotes, comments and activities over a year.
insert into record_item (id, organisation_id, project_id, kind, title, happened_on, body, speaker, created_by)
select gen_random_uuid(), '5ca1e000-0000-0000-0000-000000000001', bp.id,
       (array['QUOTE', 'COMMENT', 'ACTIVITY', 'DIARY'])[1 + i % 4], 'Record ' || i || ' of project ' || bp.p,
       date '2025-01-01' + (i % 365), 'Something a member said about the group, number ' || i || '.',
       case when i % 4 in (0, 1) then 'ANONYMOUS' end, '5ca1e000-0000-0000-0000-000000000002'
from bench_project bp, generate_series(1, 200) i;

-- 4 measures a project (200), each with a point a day for a year less a day: 73,000 data points.
create temporary table bench_measure on commit drop as
select bp.p, bp.id as project_id, m, gen_random_uuid() as id from bench_project bp, generate_series(1, 4) m;

insert into measure (id, organisation_id, project_id, name, kind, created_by)
select id, '5ca1e000-0000-0000-0000-000000000001', project_id, 'Measure ' || m, 'COUNT', '5ca1e000-0000-0000-0000-000000000002'
from bench_measure;

insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on)
select gen_random_uuid(), '5ca1e000-0000-0000-0000-000000000001', bm.project_id, bm.id, (d * 7 + bm.m) % 50, date '2025-01-01' + d
from bench_measure bm, generate_series(0, 364) d;

-- 50 forms, one a project, open, all with the activity feedback questions (eight, a before-and-after
-- pair and a number among them). The first project's form is the big one.
insert into form (id, organisation_id, project_id, title, token, paper_code, status, created_by)
select case when p = 1 then '5ca1e000-0000-0000-0000-00000000f001'::uuid else gen_random_uuid() end,
       '5ca1e000-0000-0000-0000-000000000001', id,
       case when p = 1 then 'Scale bench: activity feedback' else 'Feedback ' || p end,
       'scalebench' || translate(lpad(p::text, 4, '0'), '01', 'zy') || 'kkkk', 'SB-' || p, 'OPEN', '5ca1e000-0000-0000-0000-000000000002'
from bench_project;

insert into form_version (organisation_id, form_id, number, questions)
select organisation_id, id, 1, '[
 {"key":"where","type":"SHORT_TEXT","text":"Where was the activity?","hint":null,"easyReadText":"Where was it?","picture":"map","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"easy","type":"RATING","text":"Was it easy to understand?","hint":null,"easyReadText":"Was it easy?","picture":"check","required":true,"options":["Poor","Fair","Good","Excellent"],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"fun","type":"RATING","text":"Was it fun?","hint":null,"easyReadText":"Was it fun?","picture":"star","required":true,"options":["Poor","Fair","Good","Excellent"],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"feel","type":"BEFORE_AFTER","text":"How did you feel before?","hint":null,"easyReadText":"Before","picture":"face-happy","required":true,"options":["Sad","OK","Happy"],"scale":"FACES","afterText":"How do you feel now?","easyReadAfterText":"Now","outcomeId":null,"planRowId":null},
 {"key":"visits","type":"NUMBER","text":"How many times have you come?","hint":null,"easyReadText":"How many times?","picture":"calendar","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"helped","type":"LONG_TEXT","text":"What helped?","hint":null,"easyReadText":"What helped?","picture":"thumbs-up","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"change","type":"LONG_TEXT","text":"What would you change?","hint":null,"easyReadText":"What would you change?","picture":"change","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},
 {"key":"again","type":"YES_NO","text":"Would you come again?","hint":null,"easyReadText":"Come again?","picture":"calendar","required":true,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null}
]'::jsonb
from form where organisation_id = '5ca1e000-0000-0000-0000-000000000001';

-- Assessment plans: a row of people's ratings for each project's first four outcomes (200 rows);
-- the big form's two ratings and its before-and-after pair are evidence for the first project's
-- first outcome and its row (fixed ids, for the outcome summary page).
insert into plan_row (id, organisation_id, project_id, outcome_id, evidence_type, form_of_evidence, success_looks_like, target,
                      baseline, position, created_by)
select case when bo.p = 1 and bo.o = 1 then '5ca1e000-0000-0000-0000-00000000d001'::uuid else gen_random_uuid() end,
       '5ca1e000-0000-0000-0000-000000000001', bp.id, bo.id, 'PEOPLES_RATINGS', 'Feedback after each activity',
       'Most people say it was easy and fun', '80 people', '40 people', 1, '5ca1e000-0000-0000-0000-000000000002'
from bench_outcome bo join bench_project bp on bp.p = bo.p
where bo.o <= 4;

update form_version set questions = (
    select jsonb_agg(case when q->>'key' in ('easy', 'fun', 'feel')
                          then q || '{"outcomeId": "5ca1e000-0000-0000-0000-00000000b001", "planRowId": "5ca1e000-0000-0000-0000-00000000d001"}'::jsonb
                          else q end order by n)
    from jsonb_array_elements(questions) with ordinality as x(q, n))
where form_id = '5ca1e000-0000-0000-0000-00000000f001';

-- Reviews: every project has a closed round (June 2026) judging its first four outcomes, one of each
-- judgement; the first project also has an open round (fixed id) looking at its first outcome, with
-- evidence from the start, so its summary reads every response of the big form's period.
create temporary table bench_round on commit drop as
select bp.p, bp.id as project_id, gen_random_uuid() as id from bench_project bp;

insert into review_round (id, organisation_id, project_id, title, review_on, status, created_by, closed_at, closed_by)
select id, '5ca1e000-0000-0000-0000-000000000001', project_id, 'Review, June 2026', date '2026-06-30', 'CLOSED',
       '5ca1e000-0000-0000-0000-000000000002', timestamptz '2026-06-30 12:00:00+00', '5ca1e000-0000-0000-0000-000000000002'
from bench_round;

insert into review_round_outcome (organisation_id, round_id, outcome_id, position)
select '5ca1e000-0000-0000-0000-000000000001', br.id, bo.id, bo.o
from bench_round br join bench_outcome bo on bo.p = br.p
where bo.o <= 4;

insert into review_judgement (id, organisation_id, round_id, outcome_id, judgement, reasons, recorded_by)
select gen_random_uuid(), '5ca1e000-0000-0000-0000-000000000001', br.id, bo.id,
       (array['ACHIEVED', 'PARTLY', 'NOT_YET', 'NOT_ACHIEVED'])[bo.o], 'Generated: what the group agreed.',
       '5ca1e000-0000-0000-0000-000000000002'
from bench_round br join bench_outcome bo on bo.p = br.p
where bo.o <= 4;

insert into review_round (id, organisation_id, project_id, title, review_on, status, created_by)
values ('5ca1e000-0000-0000-0000-00000000c001', '5ca1e000-0000-0000-0000-000000000001', '5ca1e000-0000-0000-0000-00000000a001',
        'Review, December 2026', date '2026-12-31', 'OPEN', '5ca1e000-0000-0000-0000-000000000002');

insert into review_round_outcome (organisation_id, round_id, outcome_id, position)
values ('5ca1e000-0000-0000-0000-000000000001', '5ca1e000-0000-0000-0000-00000000c001', '5ca1e000-0000-0000-0000-00000000b001', 1);

commit;
