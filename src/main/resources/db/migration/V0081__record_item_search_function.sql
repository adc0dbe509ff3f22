-- The organisation search of recorded items (issue 14), in a function so the GIN indexes of V0061 are used.
--
-- Why: under row-level security the text match @@ is not leakproof, so the planner will not make it an index
-- condition ahead of the organisation_scope policy, and for the application's role every search scanned all
-- of the organisation's recorded items (7 s at 300,000; bench/README.md, "Search at size").
--
-- How it keeps the second wall: the function runs as its owner (security definer), the role that ran this
-- migration. When that role bypasses row-level security (a superuser, as with the embedded database) the
-- planner is free to use the indexes, so the function itself does what the policy does, with the same
-- test: it reads the organisation ONLY from the setting app.organisation_id that the service sets on every
-- connection for one organisation's pages and that the policy reads. It takes no organisation argument, so
-- a caller that forgot its organisation still sees only the organisation of its connection, and with no
-- organisation set it returns nothing (the policy would show everything to an unscoped connection; this is
-- stricter). It also applies the search's own rules (archived items left out, the item's project in the
-- same organisation) and never returns more than 51 rows (the page shows 50 and says when there are more).
-- When the owner does not bypass row-level security (an ordinary owner, forced policies) the policy still
-- applies inside the function: the results are the same, only not faster.
--
-- The text is exactly the expression of V0061's indexes (change all three together).
create function record_item_search(q text, max_rows integer)
returns table (id uuid, organisation_id uuid, kind text, title text, happened_on date, project_id uuid,
               project_name text, rank real)
language sql stable security definer
as $$
  select i.id, i.organisation_id, i.kind, i.title, i.happened_on, p.id, p.name,
         (ts_rank(to_tsvector('english', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
                      || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, '')),
                  websearch_to_tsquery('english', q))
          + ts_rank(to_tsvector('simple', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
                      || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, '')),
                  websearch_to_tsquery('simple', q))) as rank
  from record_item i
  join project p on p.id = i.project_id and p.organisation_id = i.organisation_id
  where i.organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    and i.archived_at is null
    and (to_tsvector('english', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
             || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, ''))
           @@ websearch_to_tsquery('english', q)
         or to_tsvector('simple', i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '
             || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, ''))
           @@ websearch_to_tsquery('simple', q))
  order by rank desc, i.happened_on desc
  limit least(greatest(coalesce(max_rows, 0), 0), 51)
$$;

-- Security definer hygiene: a fixed search path (system catalogue first, this schema, temporary objects
-- last), so no one can slip in a table or operator of their own; and only the application may call it.
do $$
declare
  bypass boolean;
begin
  execute format('alter function record_item_search(text, integer) set search_path = pg_catalog, %I, pg_temp', current_schema());
  revoke all on function record_item_search(text, integer) from public;
  -- The application's plain role (see shared/db/RowLevelSecurity) is made after the migrations; on a new
  -- database it does not exist yet, so it is made here the same way, when this role may.
  select rolsuper or rolbypassrls into bypass from pg_roles where rolname = current_user;
  if bypass and not exists (select from pg_roles where rolname = 'coproduction_app') then
    begin
      create role coproduction_app nologin nosuperuser nobypassrls;
    exception when duplicate_object or insufficient_privilege then null;
    end;
  end if;
  if exists (select from pg_roles where rolname = 'coproduction_app') then
    grant execute on function record_item_search(text, integer) to coproduction_app;
  end if;
end $$;
