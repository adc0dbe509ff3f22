package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Measures, their data points and CSV imports. Every query names the organisation. */
@Repository
class MeasureRepository {

    /** Rows sent to the database in one statement when staging an import. */
    private static final int CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MeasureRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---------------------------------------------------------------------------------------
    // Measures

    List<Measure> measures(OrganisationId org, UUID projectId) {
        return measures(org, List.of(projectId), " order by lower(m.name)", null, 0);
    }

    /** The measures of several projects, read together (each project's in the order of {@link #measures(OrganisationId, UUID)}). */
    List<Measure> measures(OrganisationId org, Collection<UUID> projectIds) {
        return projectIds.isEmpty() ? List.of() : measures(org, List.copyOf(projectIds), " order by lower(m.name)", null, 0);
    }

    /**
     * The project's measures in the order of their id, after {@code after} (absent: from the
     * first), at most {@code limit}: the keyset is in the statement, so a page reads only its rows.
     */
    List<Measure> measuresById(OrganisationId org, UUID projectId, @Nullable UUID after, int limit) {
        return measures(org, List.of(projectId), (after == null ? "" : " and m.id > :after") + " order by m.id limit :limit", after, limit);
    }

    private List<Measure> measures(OrganisationId org, List<UUID> projectIds, String rest, @Nullable UUID after, int limit) {
        Map<UUID, Set<UUID>> outcomes = tags(org, projectIds, "measure_outcome", "outcome_id");
        Map<UUID, Set<UUID>> rows = tags(org, projectIds, "measure_plan_row", "plan_row_id");
        var spec = jdbc.sql("""
                        select m.id, m.project_id, m.name, m.kind, m.version,
                               coalesce(c.points, 0) as point_count,
                               l.value as latest_value, l.observed_on as latest_on
                        from measure m
                        left join measure_point_count c on c.measure_id = m.id
                        left join lateral (
                            select p.value, p.observed_on from data_point p
                            where p.organisation_id = :org and p.measure_id = m.id and p.archived_at is null
                            order by p.observed_on desc, p.created_at desc limit 1) l on true
                        where m.organisation_id = :org and m.project_id in (:projects)
                        """ + rest)
                .param("org", org.value())
                .param("projects", projectIds);
        if (rest.contains(":after")) {
            spec = spec.param("after", after);
        }
        if (rest.contains(":limit")) {
            spec = spec.param("limit", limit);
        }
        return spec.query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Measure(id, rs.getObject("project_id", UUID.class), rs.getString("name"),
                            MeasureKind.valueOf(rs.getString("kind")), rs.getInt("version"), rs.getLong("point_count"),
                            rs.getBigDecimal("latest_value"), rs.getObject("latest_on", LocalDate.class),
                            outcomes.getOrDefault(id, Set.of()), rows.getOrDefault(id, Set.of()));
                })
                .list();
    }

    /** Whether the project has this measure (one row read, not the project's measures and their counts). */
    boolean measureExists(OrganisationId org, UUID projectId, UUID measureId) {
        return jdbc.sql("select exists (select 1 from measure where organisation_id = :org and project_id = :project and id = :id)")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", measureId)
                .query(Boolean.class)
                .single();
    }

    private Map<UUID, Set<UUID>> tags(OrganisationId org, List<UUID> projectIds, String table, String column) {
        Map<UUID, Set<UUID>> byMeasure = new HashMap<>();
        jdbc.sql("select t.measure_id, t." + column + " from " + table + " t join measure m on m.id = t.measure_id"
                        + " where t.organisation_id = :org and m.organisation_id = :org and m.project_id in (:projects)")
                .param("org", org.value())
                .param("projects", projectIds)
                .query(rs -> {
                    byMeasure.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                });
        return byMeasure;
    }

    Optional<UUID> measureNamed(OrganisationId org, UUID projectId, String name) {
        return jdbc.sql("select id from measure where organisation_id = :org and project_id = :project and lower(name) = lower(:name)")
                .param("org", org.value())
                .param("project", projectId)
                .param("name", name.strip())
                .query(UUID.class)
                .optional();
    }

    UUID createMeasure(OrganisationId org, UUID projectId, String name, MeasureKind kind, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into measure (id, organisation_id, project_id, name, kind, created_by, updated_by)
                        values (:id, :org, :project, :name, :kind, :by, :by)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("name", name.strip())
                .param("kind", kind.name())
                .param("by", by.value())
                .update();
        return measureNamed(org, projectId, name).orElseThrow();
    }

    boolean updateMeasure(OrganisationId org, UUID projectId, UUID measureId, int version, String name, MeasureKind kind,
            Collection<UUID> outcomeIds, Collection<UUID> planRowIds, UserId by) {
        boolean claimed = jdbc.sql("""
                        update measure set name = :name, kind = :kind, version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                        """)
                .param("name", name.strip())
                .param("kind", kind.name())
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", measureId)
                .param("version", version)
                .update() == 1;
        if (!claimed) {
            return false;
        }
        jdbc.sql("delete from measure_outcome where organisation_id = :org and measure_id = :id")
                .param("org", org.value()).param("id", measureId).update();
        jdbc.sql("delete from measure_plan_row where organisation_id = :org and measure_id = :id")
                .param("org", org.value()).param("id", measureId).update();
        for (UUID outcome : outcomeIds) {
            jdbc.sql("insert into measure_outcome (organisation_id, measure_id, outcome_id) values (:org, :id, :tag)")
                    .param("org", org.value()).param("id", measureId).param("tag", outcome).update();
        }
        for (UUID row : planRowIds) {
            jdbc.sql("insert into measure_plan_row (organisation_id, measure_id, plan_row_id) values (:org, :id, :tag)")
                    .param("org", org.value()).param("id", measureId).param("tag", row).update();
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Data points

    private static final String POINTS = """
            select p.id, p.measure_id, p.value, p.observed_on, p.note, i.filename as imported_from, p.created_at,
                   u.display_name as created_by_name
            from data_point p
            left join measure_import i on i.id = p.import_id
            left join user_account u on u.id = p.created_by
            """;

    /** The measure's current points, latest first, at most {@code limit}. */
    List<DataPoint> points(OrganisationId org, UUID measureId, int limit) {
        return jdbc.sql(POINTS + """
                         where p.organisation_id = :org and p.measure_id = :measure and p.archived_at is null
                         order by p.observed_on desc, p.created_at desc limit :limit
                        """)
                .param("org", org.value())
                .param("measure", measureId)
                .param("limit", limit)
                .query(DataPoint.class)
                .list();
    }

    /**
     * The measure's current points in the order of their id, after {@code after} (absent: from the
     * first), at most {@code limit}. The keyset is the statement's own condition on the index
     * {@code data_point_measure_id} (V0065), so a page at a million points reads a page of rows.
     */
    List<DataPoint> pointsById(OrganisationId org, UUID measureId, @Nullable UUID after, int limit) {
        var spec = jdbc.sql(POINTS + """
                         where p.organisation_id = :org and p.measure_id = :measure and p.archived_at is null
                        """ + (after == null ? "" : " and p.id > :after") + " order by p.id limit :limit")
                .param("org", org.value())
                .param("measure", measureId)
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("after", after);
        }
        return spec.query(DataPoint.class).list();
    }

    Optional<DataPoint> point(OrganisationId org, UUID projectId, UUID pointId) {
        return jdbc.sql(POINTS + " where p.organisation_id = :org and p.project_id = :project and p.id = :id and p.archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", pointId)
                .query(DataPoint.class)
                .optional();
    }

    UUID addPoint(OrganisationId org, UUID projectId, UUID measureId, BigDecimal value, LocalDate on, @Nullable String note, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on, note, created_by)
                        values (:id, :org, :project, :measure, :value, :on, :note, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("measure", measureId)
                .param("value", value)
                .param("on", on)
                .param("note", note)
                .param("by", by.value())
                .update();
        return id;
    }

    boolean archivePoint(OrganisationId org, UUID projectId, UUID pointId, UserId by) {
        return jdbc.sql("""
                        update data_point set archived_at = now(), archived_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and archived_at is null
                        """)
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", pointId)
                .update() == 1;
    }

    /** What the project already has: every current point's key, and each measure's kind. */
    MeasureCsv.Existing existing(OrganisationId org, UUID projectId) {
        Set<String> keys = new HashSet<>();
        jdbc.sql("""
                        select m.name, p.observed_on, p.value from data_point p join measure m on m.id = p.measure_id
                        where p.organisation_id = :org and p.project_id = :project and p.archived_at is null and m.organisation_id = :org
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(rs -> {
                    keys.add(Values.key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
                });
        Map<String, MeasureKind> kinds = new HashMap<>();
        jdbc.sql("select lower(name), kind from measure where organisation_id = :org and project_id = :project")
                .param("org", org.value())
                .param("project", projectId)
                .query(rs -> {
                    kinds.put(rs.getString(1), MeasureKind.valueOf(rs.getString(2)));
                });
        return new MeasureCsv.Existing(keys, kinds);
    }

    // ---------------------------------------------------------------------------------------
    // Imports

    /** Keeps a read file's good rows and rejections under a new unguessable id, in a few large statements. */
    UUID stageImport(OrganisationId org, UUID projectId, String filename, List<MeasureCsv.Row> rows, List<MeasureCsv.Rejected> rejected,
            UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into measure_import (id, organisation_id, project_id, filename, row_count, rejected_count, created_by)
                        values (:id, :org, :project, :filename, :rows, :rejected, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("filename", filename)
                .param("rows", rows.size())
                .param("rejected", rejected.size())
                .param("by", by.value())
                .update();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<MeasureCsv.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            template.execute((Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into measure_import_row (import_id, organisation_id, line, measure_name, observed_on, value, note)
                        select ?, ?, * from unnest(?::integer[], ?::text[], ?::date[], ?::numeric[], ?::text[])
                        """)) {
                    ps.setObject(1, id);
                    ps.setObject(2, org.value());
                    ps.setArray(3, array(c, "integer", chunk.stream().map(MeasureCsv.Row::line).toArray()));
                    ps.setArray(4, array(c, "text", chunk.stream().map(MeasureCsv.Row::measure).toArray()));
                    ps.setArray(5, array(c, "date", chunk.stream().map(r -> java.sql.Date.valueOf(r.date())).toArray()));
                    ps.setArray(6, array(c, "numeric", chunk.stream().map(MeasureCsv.Row::value).toArray()));
                    ps.setArray(7, array(c, "text", chunk.stream().map(MeasureCsv.Row::note).toArray()));
                    return ps.executeUpdate();
                }
            });
        }
        for (int from = 0; from < rejected.size(); from += CHUNK) {
            List<MeasureCsv.Rejected> chunk = rejected.subList(from, Math.min(rejected.size(), from + CHUNK));
            template.execute((Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into measure_import_rejection (import_id, organisation_id, line, reason, detail)
                        select ?, ?, * from unnest(?::integer[], ?::text[], ?::text[])
                        """)) {
                    ps.setObject(1, id);
                    ps.setObject(2, org.value());
                    ps.setArray(3, array(c, "integer", chunk.stream().map(MeasureCsv.Rejected::line).toArray()));
                    ps.setArray(4, array(c, "text", chunk.stream().map(MeasureCsv.Rejected::reasonKey).toArray()));
                    ps.setArray(5, array(c, "text", chunk.stream().map(MeasureCsv.Rejected::detail).toArray()));
                    return ps.executeUpdate();
                }
            });
        }
        return id;
    }

    private static Array array(Connection c, String type, Object[] values) throws java.sql.SQLException {
        return c.createArrayOf(type, values);
    }

    /** Clears the organisation's previews that were never confirmed and are older than {@code before}. */
    void clearStalePreviews(OrganisationId org, java.time.OffsetDateTime before) {
        String stale = "select id from measure_import where organisation_id = :org and confirmed_at is null and created_at < :before";
        jdbc.sql("delete from measure_import_row where organisation_id = :org and import_id in (" + stale + ")")
                .param("org", org.value()).param("before", before).update();
        jdbc.sql("delete from measure_import_rejection where organisation_id = :org and import_id in (" + stale + ")")
                .param("org", org.value()).param("before", before).update();
        jdbc.sql("delete from measure_import where organisation_id = :org and confirmed_at is null and created_at < :before")
                .param("org", org.value()).param("before", before).update();
    }

    Optional<ImportPreview> preview(OrganisationId org, UUID projectId, UUID importId) {
        record Head(UUID id, UUID projectId, String filename, int rowCount, int rejectedCount,
                java.time.@Nullable OffsetDateTime confirmedAt) {}
        Optional<Head> head = jdbc.sql("""
                        select id, project_id, filename, row_count, rejected_count, confirmed_at from measure_import
                        where organisation_id = :org and project_id = :project and id = :id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", importId)
                .query(Head.class)
                .optional();
        return head.map(h -> {
            List<ImportPreview.MeasureRows> measures = jdbc.sql("""
                            select min(r.measure_name) as name, count(*) as rows,
                                   not exists (select 1 from measure m where m.organisation_id = :org and m.project_id = :project
                                               and lower(m.name) = lower(min(r.measure_name))) as is_new
                            from measure_import_row r
                            where r.organisation_id = :org and r.import_id = :id
                            group by lower(r.measure_name)
                            order by lower(r.measure_name)
                            """)
                    .param("org", org.value())
                    .param("project", projectId)
                    .param("id", importId)
                    .query(ImportPreview.MeasureRows.class)
                    .list();
            List<ImportPreview.RejectedRow> rejected = jdbc.sql("""
                            select line, reason as reason_key, detail from measure_import_rejection
                            where organisation_id = :org and import_id = :id order by line
                            """)
                    .param("org", org.value())
                    .param("id", importId)
                    .query(ImportPreview.RejectedRow.class)
                    .list();
            List<ImportPreview.FirstValue> firstValues = jdbc.sql("""
                            select measure, line, observed_on as on, value from (
                                select r.measure_name as measure, r.line, r.observed_on, r.value,
                                       row_number() over (partition by lower(r.measure_name) order by r.line) as n
                                from measure_import_row r
                                where r.organisation_id = :org and r.import_id = :id
                            ) first where n <= :first order by lower(measure), line
                            """)
                    .param("org", org.value())
                    .param("id", importId)
                    .param("first", ImportPreview.FIRST_VALUES)
                    .query((rs, n) -> new ImportPreview.FirstValue(rs.getString("measure"), rs.getInt("line"),
                            rs.getObject("on", java.time.LocalDate.class), rs.getBigDecimal("value")))
                    .list();
            return new ImportPreview(h.id(), h.projectId(), h.filename(), h.rowCount(), h.rejectedCount(), measures, rejected,
                    h.confirmedAt(), firstValues);
        });
    }

    /**
     * Imports the staged rows, once: the first statement claims the import (a second confirmation,
     * even at the same moment, finds it claimed and imports nothing). New measures are created as
     * "other number". Returns how many points were imported, or empty when it was already confirmed.
     */
    Optional<Integer> confirm(OrganisationId org, UUID projectId, UUID importId, UserId by) {
        boolean claimed = jdbc.sql("""
                        update measure_import set confirmed_at = now(), confirmed_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and confirmed_at is null
                        """)
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", importId)
                .update() == 1;
        if (!claimed) {
            return Optional.empty();
        }
        jdbc.sql("""
                        insert into measure (id, organisation_id, project_id, name, kind, created_by, updated_by)
                        select gen_random_uuid(), :org, :project, n.name, 'NUMBER', :by, :by
                        from (select min(measure_name) as name from measure_import_row
                              where organisation_id = :org and import_id = :id group by lower(measure_name)) n
                        on conflict do nothing
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", importId)
                .param("by", by.value())
                .update();
        int imported = jdbc.sql("""
                        insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on, note, import_id, created_by)
                        select gen_random_uuid(), :org, :project, m.id, r.value, r.observed_on, r.note, :id, :by
                        from measure_import_row r
                        join measure m on m.organisation_id = :org and m.project_id = :project and lower(m.name) = lower(r.measure_name)
                        where r.organisation_id = :org and r.import_id = :id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", importId)
                .param("by", by.value())
                .update();
        jdbc.sql("update measure_import set imported_count = :n where organisation_id = :org and id = :id")
                .param("n", imported).param("org", org.value()).param("id", importId).update();
        jdbc.sql("delete from measure_import_row where organisation_id = :org and import_id = :id")
                .param("org", org.value()).param("id", importId).update();
        return Optional.of(imported);
    }
}
