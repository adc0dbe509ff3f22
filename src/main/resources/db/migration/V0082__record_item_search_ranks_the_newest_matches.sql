-- The organisation search of recorded items (issue 14) ranks only the newest 1,000 matches.
--
-- Why: record_item_search (V0081) found matches through the GIN indexes quickly, but then worked out the
-- rank of every match, parsing each item's text twice more (to_tsvector for ts_rank). A word found in a
-- third of an organisation's 300,000 items took 1.2 s, all of it ranking (bench/README.md, "Search at
-- size"), and would grow with the organisation. Now the matches are found as before, the newest 1,000
-- of them (by the day they happened) are kept, reading only the date of each match, and only those are
-- ranked: at most 1,000 texts parsed, however large the organisation and however common the word. A word
-- found in fewer than 1,000 items is ranked exactly as before; for a more common one, the page shows the
-- best of the newest 1,000 (docs/search.md).
--
-- Where the function was given to another owner by hand (docs/search.md, the one-off step for an ordinary
-- service account), only that owner or a superuser may replace it: this migration then leaves V0081's
-- function in place (same results, the slower ranking) with a warning, rather than stopping the service.
--
-- Everything else is V0081's, unchanged: security definer, the organisation read only from the setting
-- app.organisation_id (nothing when it is not set), archived items left out, at most 51 rows, and the
-- text exactly the expression of V0061's indexes (change all three together).
do $migration$
begin
  execute $replace$
create or replace function record_item_search(q text, max_rows integer)
returns table (id uuid, organisation_id uuid, kind text, title text, happened_on date, project_id uuid,
               project_name text, rank real)
language sql stable security definer
as $body$
  with matches as (
    select i.id, i.organisation_id, i.kind, i.title, i.happened_on, i.project_id,
           i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
             || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, '') as words
    from record_item i
    where i.organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
      and i.archived_at is null
      and (to_tsvector('english', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
               || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, ''))
             @@ websearch_to_tsquery('english', q)
           or to_tsvector('simple', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
               || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, ''))
             @@ websearch_to_tsquery('simple', q))
    order by i.happened_on desc, i.id
    limit 1000
  )
  select m.id, m.organisation_id, m.kind, m.title, m.happened_on, p.id, p.name,
         (ts_rank(to_tsvector('english', m.words), websearch_to_tsquery('english', q))
          + ts_rank(to_tsvector('simple', m.words), websearch_to_tsquery('simple', q))) as rank
  from matches m
  join project p on p.id = m.project_id and p.organisation_id = m.organisation_id
  order by rank desc, m.happened_on desc
  limit least(greatest(coalesce(max_rows, 0), 0), 51)
$body$
$replace$;
  -- create or replace keeps the owner and who may call it, but not the fixed search path: set it again.
  execute format('alter function record_item_search(text, integer) set search_path = pg_catalog, %I, pg_temp', current_schema());
exception when insufficient_privilege then
  raise warning 'record_item_search was not replaced (its owner is another account): the search keeps ranking every match. See docs/search.md.';
end $migration$;
