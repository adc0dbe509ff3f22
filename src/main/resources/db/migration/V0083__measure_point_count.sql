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

create function measure_point_counted() returns trigger
language plpgsql
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.archived_at is null then
    update measure_point_count set points = points - 1 where measure_id = old.measure_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.archived_at is null then
    insert into measure_point_count (measure_id, points) values (new.measure_id, 1)
    on conflict (measure_id) do update set points = measure_point_count.points + 1;
  end if;
  return null;
end $$;

-- Only the changes that move a count: a new point, a point removed or brought back or moved, a point deleted.
create trigger data_point_counted
after insert or delete or update of archived_at, measure_id on data_point
for each row execute function measure_point_counted();

insert into measure_point_count (measure_id, points)
select measure_id, count(*) from data_point where archived_at is null group by measure_id;
