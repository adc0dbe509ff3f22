-- How many current data points each measure has, kept as points are added, removed and brought back
-- (issue 14, "measures list at a million points").
--
-- Why: the measures list (the project's page, the API's list, the evidence coverage) counted every
-- current point of every measure on each request: 0.6 to 1.1 s for one measure of 1,000,000 points
-- (bench/README.md, "API paging"). Now the count is read from one row per measure.
--
-- How it stays right: a trigger on data_point changes the count in the same transaction as the point,
-- whoever writes it (the service, an import, the retention job, an erasure, a whole-organisation
-- import). The table has no organisation_id of its own on purpose: it is read only joined to measure,
-- which row-level security limits, and a whole-organisation export (every table with organisation_id)
-- leaves it out, so an import starts it from nothing and its points count themselves in. It goes with
-- its measure.
create table measure_point_count (
    measure_id uuid primary key references measure (id) on delete cascade,
    points bigint not null default 0 check (points >= 0)
);

-- Statement-level triggers with transition tables: an import of 100,000 points changes each count once,
-- not 100,000 times. One function for the three kinds of change: what a statement took away from each
-- measure (its old rows that were current) and what it gave (its new rows that are current).
create function measure_points_changed() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    insert into measure_point_count (measure_id, points)
    select measure_id, count(*) from new_points where archived_at is null group by measure_id
    on conflict (measure_id) do update set points = measure_point_count.points + excluded.points;
  elsif tg_op = 'DELETE' then
    update measure_point_count c set points = c.points - d.n
    from (select measure_id, count(*) as n from old_points where archived_at is null group by measure_id) d
    where c.measure_id = d.measure_id;
  else
    -- A count that goes down is changed in place (a proposed row of -1 would fail the check before any
    -- conflict is seen); a measure with no count yet gets its first.
    with changes as (
      select measure_id, sum(n)::bigint as n from (
          select measure_id, count(*) as n from new_points where archived_at is null group by measure_id
          union all
          select measure_id, -count(*) from old_points where archived_at is null group by measure_id) moved
      group by measure_id
      having sum(n) <> 0),
    changed as (
      update measure_point_count c set points = c.points + changes.n from changes
      where c.measure_id = changes.measure_id
      returning c.measure_id)
    insert into measure_point_count (measure_id, points)
    select measure_id, n from changes where measure_id not in (select measure_id from changed)
    on conflict (measure_id) do update set points = measure_point_count.points + excluded.points;
  end if;
  return null;
end $$;

create trigger data_point_added after insert on data_point
referencing new table as new_points for each statement execute function measure_points_changed();
create trigger data_point_deleted after delete on data_point
referencing old table as old_points for each statement execute function measure_points_changed();
create trigger data_point_updated after update on data_point
referencing old table as old_points new table as new_points for each statement execute function measure_points_changed();

insert into measure_point_count (measure_id, points)
select measure_id, count(*) from data_point where archived_at is null group by measure_id;
