-- The API pages a measure's data points in the order of their id, with the keyset in the statement
-- ("where p.id > :after order by p.id limit :n"): this index lets a page read only its rows, however
-- many points the measure has (bench/api-paging). The existing data_point_measure index is in date
-- order, for the pages and charts.
create index data_point_measure_id on data_point (organisation_id, measure_id, id) where archived_at is null;
