# Shared by the benchmarks that send forms (sourced, not run): a form like the activity feedback
# form (eight questions) in the demo organisation, open, and drafts: half-done forms with every
# question answered, as if that many people were about to press send. Needs PSQL (a psql command
# line as an array) set by the caller.
#
# Public tokens use letters and digits that cannot be misread (no i, l, o, 0 or 1): anything else is
# refused as "not found" before the database is asked. Draft n's token is 'bench' and n with 0 and 1
# written z and y, padded with 'k' to 32 characters (submit.lua and respondents.py make the same).
FORM_TOKEN=benchsendbenchsend

# prepare_drafts N: the form, and N drafts numbered 0 to N-1.
prepare_drafts() {
    local DRAFTS=$1
    "${PSQL[@]}" <<SQL
    \set questions '[{"key":"where","type":"SHORT_TEXT","text":"Where was the activity?","hint":null,"easyReadText":"Where was it?","picture":"map","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},{"key":"easy","type":"RATING","text":"Was it easy to understand?","hint":null,"easyReadText":"Was it easy?","picture":"check","required":true,"options":["Poor","Fair","Good","Excellent"],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},{"key":"fun","type":"RATING","text":"Was it fun?","hint":null,"easyReadText":"Was it fun?","picture":"star","required":true,"options":["Poor","Fair","Good","Excellent"],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},{"key":"feel","type":"BEFORE_AFTER","text":"How did you feel before?","hint":null,"easyReadText":"Before","picture":"face-happy","required":true,"options":["Sad","OK","Happy"],"scale":"FACES","afterText":"How do you feel now?","easyReadAfterText":"Now","outcomeId":null,"planRowId":null},{"key":"helped","type":"LONG_TEXT","text":"What helped?","hint":null,"easyReadText":"What helped?","picture":"thumbs-up","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},{"key":"change","type":"LONG_TEXT","text":"What would you change?","hint":null,"easyReadText":"What would you change?","picture":"change","required":false,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null},{"key":"again","type":"YES_NO","text":"Would you come again?","hint":null,"easyReadText":"Come again?","picture":"calendar","required":true,"options":[],"scale":"WORDS","afterText":null,"easyReadAfterText":null,"outcomeId":null,"planRowId":null}]'
    \set answers '{"where":["The day centre"],"easy":["3"],"fun":["4"],"feel.before":["1"],"feel.after":["3"],"helped":["Having the words and pictures together, and time to talk"],"change":["More time for questions at the end"],"again":["yes"]}'
    with org as (select id from organisation order by created_at limit 1)
    insert into form (id, organisation_id, title, token, paper_code, status)
    select 'b0000000-0000-0000-0000-000000000001', id, 'Benchmark feedback', '$FORM_TOKEN', 'F-BENCH', 'OPEN' from org;
    insert into form_version (organisation_id, form_id, number, questions)
    select organisation_id, id, 1, :'questions'::jsonb from form where id = 'b0000000-0000-0000-0000-000000000001';
    insert into form_draft (token, organisation_id, form_id, version_number, answers)
    select rpad('bench' || translate(n::text, '01', 'zy'), 32, 'k'), f.organisation_id, f.id, 1, :'answers'::jsonb
    from form f, generate_series(0, $DRAFTS - 1) n where f.id = 'b0000000-0000-0000-0000-000000000001';
    vacuum analyze form_draft;
SQL
}

# A CSRF pair: the cookie holds the raw token; the form field holds it masked (Spring's XOR
# handler) — with an all-zero mask the masked value is base64url(zeros || token).
CSRF_COOKIE=5b6f9a3e-2c41-4d8e-9f17-0a3b5c7d9e21
CSRF_PARAM=$(python3 -c "import base64,sys; t=sys.argv[1].encode(); print(base64.urlsafe_b64encode(bytes(len(t))+t).decode())" "$CSRF_COOKIE")

