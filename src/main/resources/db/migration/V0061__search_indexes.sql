-- The organisation search (issue 14): recorded items are the table that grows large, so their words get
-- GIN expression indexes, one per text search configuration the search uses: 'english' (stemmed, so
-- "meetings" finds "meeting") and 'simple' (exact words, for Welsh, which PostgreSQL cannot stem).
-- The expression is exactly the one RecordSearch queries with, so the planner can use these indexes.

create index record_item_search_english on record_item using gin (to_tsvector('english', title || ' ' || coalesce(body, '') || ' '
    || coalesce(situation, '') || ' ' || coalesce(what_happened, '') || ' ' || coalesce(what_changed, '') || ' ' || coalesce(own_words, '')));

create index record_item_search_simple on record_item using gin (to_tsvector('simple', title || ' ' || coalesce(body, '') || ' '
    || coalesce(situation, '') || ' ' || coalesce(what_happened, '') || ' ' || coalesce(what_changed, '') || ' ' || coalesce(own_words, '')));
