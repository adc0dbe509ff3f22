package org.coproduction.impact.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past activity and attendance brought in from a spreadsheet (issue #13). An upload is read, row by
 * row, into a preview; nothing is recorded until a facilitator confirms it. Confirming records each
 * activity once: a preview confirmed again, or the same file (by its SHA-256) brought into the same
 * project again, records nothing new. Names become attendance only where they match one of the
 * project's people exactly (case and surrounding spaces ignored); every other name is only counted.
 */
@Service
public class AttendanceImports {

    private static final Logger log = LoggerFactory.getLogger(AttendanceImports.class);

    /** Rows written to the database at a time, and how often the progress is noted. */
    static final int BATCH = 1000;

    static final int PROGRESS_EVERY = 2000;

    /** How much of a preview the page lists; the rest is counted. */
    public static final int SHOWN = 50;

    public enum Status { READING, READ, REFUSED }

    public record Activity(LocalDate on, String title, int people, List<String> members, List<String> unmatched) {}

    public record Refusal(int row, String reasonKey, String detail) {}

    public record NameCount(String name, int times) {}

    /** What a file will record, or how far reading it has gone. */
    public record Preview(UUID id, UUID projectId, String filename, Status status, @Nullable String refusedKey, int rowsRead,
            @Nullable Integer rowsExpected,
            int activities, long people, long attendances, List<Activity> firstActivities, int unmatchedNames, List<NameCount> unmatched,
            int refusals, List<Refusal> firstRefusals, boolean confirmed, @Nullable Integer created, @Nullable OffsetDateTime importedBefore) {

        /** How far reading has gone, as a percentage, when the file's length is known. */
        public int percent() {
            return rowsExpected == null || rowsExpected == 0 ? 0 : (int) Math.min(99, 100L * rowsRead / rowsExpected);
        }
    }

    public sealed interface Confirmed {
        record Recorded(int activities) implements Confirmed {}

        record AlreadyImported() implements Confirmed {}
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ProjectService projects;
    private final AuditLog audit;
    private final AsyncTaskExecutor executor;

    AttendanceImports(JdbcClient jdbc, JdbcTemplate template, ProjectService projects, AuditLog audit,
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.jdbc = jdbc;
        this.template = template;
        this.projects = projects;
        this.audit = audit;
        this.executor = executor;
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("attendance import");
        }
    }


    /** Names as matched, to the one person each names; a name two people share matches no one. */
    static Map<String, UUID> byName(List<Project.Member> people) {
        Map<String, UUID> found = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Project.Member m : people) {
            String key = AttendanceSheet.matchKey(m.name());
            if (found.putIfAbsent(key, m.userId()) != null && !found.get(key).equals(m.userId())) {
                shared.add(key);
            }
        }
        shared.forEach(found::remove);
        return found;
    }

    /** Starts reading an upload in the background and returns the preview's id at once. */
    public UUID start(Tenant tenant, UUID projectId, String filename, byte[] bytes) {
        UUID id = begin(tenant, projectId, filename, bytes);
        Map<String, UUID> names = byName(projects.project(tenant, projectId).people());
        LocalDate today = RecordService.today();
        executor.execute(() -> readInto(id, bytes, names, today));
        return id;
    }

    /** Reads an upload to the end before returning (tests, the bench). */
    public UUID read(Tenant tenant, UUID projectId, String filename, byte[] bytes) {
        UUID id = begin(tenant, projectId, filename, bytes);
        readInto(id, bytes, byName(projects.project(tenant, projectId).people()), RecordService.today());
        return id;
    }

    private UUID begin(Tenant tenant, UUID projectId, String filename, byte[] bytes) {
        requireManager(tenant);
        projects.project(tenant, projectId);
        forgetOldPreviews(tenant.organisationId().value());
        String name = filename.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into record_import (id, organisation_id, project_id, filename, file_sha256, status)
                        values (:id, :org, :project, :filename, :hash, 'READING')
                        """)
                .param("id", id)
                .param("org", tenant.organisationId().value())
                .param("project", projectId)
                .param("filename", name)
                .param("hash", sha256(bytes))
                .update();
        return id;
    }

    /**
     * A preview holds the names read from a file (matched members and names that matched nobody). They
     * are kept a day, no longer: unconfirmed previews older than that go, and confirmed ones keep only
     * their head and the file's hash (so the same file is still known). Done whenever the organisation
     * starts another import, so no job is needed for it.
     */
    private void forgetOldPreviews(UUID org) {
        String old = "select id from record_import where organisation_id = :org and created_at < now() - interval '1 day'";
        jdbc.sql("delete from record_import_activity where organisation_id = :org and import_id in (" + old + ")").param("org", org).update();
        jdbc.sql("delete from record_import_refusal where organisation_id = :org and import_id in (" + old + ")").param("org", org).update();
        jdbc.sql("delete from record_import where organisation_id = :org and confirmed_at is null and created_at < now() - interval '1 day'"
                        + " and not exists (select 1 from record_import_file f where f.import_id = record_import.id)")
                .param("org", org).update();
    }

    /** One activity as it gathers its rows: the same date and activity name are one activity. */
    private static final class Gathered {
        final LocalDate on;
        final String title;
        final Set<UUID> members = new LinkedHashSet<>();
        final Map<String, String> unmatched = new LinkedHashMap<>();
        final Set<String> names = new HashSet<>();
        int count;

        Gathered(LocalDate on, String title) {
            this.on = on;
            this.title = title;
        }

        int others() {
            int people = Math.max(count, names.size());
            return Math.min(Math.max(people - members.size(), 0), RecordLimits.MAX_OTHERS);
        }
    }

    private record Key(LocalDate on, String activity) {}

    /**
     * Reads the file into the preview's rows: refused rows written as they come, activities in
     * batches at the end (rows of one activity may be anywhere in the file), progress noted as it goes.
     * Not one transaction, so the progress can be seen; a file that fails part way is marked refused.
     */
    void readInto(UUID id, byte[] bytes, Map<String, UUID> names, LocalDate today) {
        UUID org = jdbc.sql("select organisation_id from record_import where id = :id").param("id", id).query(UUID.class).single();
        Map<Key, Gathered> activities = new LinkedHashMap<>();
        List<AttendanceSheet.Refused> refused = new ArrayList<>();
        int[] seen = {0};
        if (bytes.length > 1 && bytes[0] != 'P') {
            int lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            jdbc.sql("update record_import set rows_expected = :n where id = :id").param("n", Math.max(lines - 1, 1)).param("id", id).update();
        }
        try {
            AttendanceSheet.Outcome outcome = AttendanceSheet.read(filenameOf(id), bytes, today, line -> {
                switch (line) {
                    case AttendanceSheet.Taken t -> {
                        Gathered g = activities.computeIfAbsent(new Key(t.on(), AttendanceSheet.matchKey(t.activity())),
                                k -> new Gathered(t.on(), t.activity()));
                        if (t.count() != null) {
                            g.count = Math.max(g.count, t.count());
                        }
                        for (String n : t.names()) {
                            String key = AttendanceSheet.matchKey(n);
                            g.names.add(key);
                            UUID person = names.get(key);
                            if (person != null) {
                                g.members.add(person);
                            } else {
                                g.unmatched.putIfAbsent(key, n.strip());
                            }
                        }
                    }
                    case AttendanceSheet.Refused r -> {
                        refused.add(r);
                        if (refused.size() >= BATCH) {
                            writeRefusals(org, id, refused);
                            refused.clear();
                        }
                    }
                }
                if (++seen[0] % PROGRESS_EVERY == 0) {
                    jdbc.sql("update record_import set rows_read = :n where id = :id").param("n", seen[0]).param("id", id).update();
                }
            });
            if (outcome.refused()) {
                jdbc.sql("delete from record_import_refusal where import_id = :id").param("id", id).update();
                jdbc.sql("update record_import set status = 'REFUSED', refused_key = :key, read_at = now() where id = :id")
                        .param("key", outcome.refusedKey()).param("id", id).update();
                return;
            }
            writeRefusals(org, id, refused);
            writeActivities(org, id, new ArrayList<>(activities.values()));
            jdbc.sql("update record_import set status = 'READ', rows_read = :n, read_at = now() where id = :id")
                    .param("n", outcome.rows()).param("id", id).update();
        } catch (RuntimeException e) {
            log.warn("Reading attendance import {} failed", id, e);
            jdbc.sql("delete from record_import_activity where import_id = :id").param("id", id).update();
            jdbc.sql("delete from record_import_refusal where import_id = :id").param("id", id).update();
            jdbc.sql("update record_import set status = 'REFUSED', refused_key = 'record.import.file.unreadable', read_at = now() where id = :id")
                    .param("id", id).update();
        }
    }

    private String filenameOf(UUID id) {
        return jdbc.sql("select filename from record_import where id = :id").param("id", id).query(String.class).single();
    }

    private void writeRefusals(UUID org, UUID id, List<AttendanceSheet.Refused> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into record_import_refusal (organisation_id, import_id, row_number, reason_key, detail) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                AttendanceSheet.Refused r = rows.get(i);
                ps.setObject(1, org);
                ps.setObject(2, id);
                ps.setInt(3, r.row());
                ps.setString(4, r.reasonKey());
                ps.setString(5, r.detail().length() > 200 ? r.detail().substring(0, 200) : r.detail());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void writeActivities(UUID org, UUID id, List<Gathered> all) {
        for (int from = 0; from < all.size(); from += BATCH) {
            int start = from;
            List<Gathered> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            template.batchUpdate("""
                    insert into record_import_activity (organisation_id, import_id, position, item_id, happened_on, title, member_ids,
                                                        unmatched, others_count)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Gathered g = batch.get(i);
                    ps.setObject(1, org);
                    ps.setObject(2, id);
                    ps.setInt(3, start + i);
                    ps.setObject(4, UUID.randomUUID());
                    ps.setDate(5, Date.valueOf(g.on));
                    ps.setString(6, g.title);
                    ps.setArray(7, ps.getConnection().createArrayOf("uuid", g.members.toArray()));
                    ps.setArray(8, ps.getConnection().createArrayOf("text", g.unmatched.values().toArray()));
                    ps.setInt(9, g.others());
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }

    private record Head(UUID id, UUID projectId, String filename, String fileSha256, String status, @Nullable String refusedKey, int rowsRead,
            @Nullable Integer rowsExpected, @Nullable OffsetDateTime confirmedAt, @Nullable Integer activitiesCreated) {}

    private Optional<Head> head(Tenant tenant, UUID projectId, UUID importId) {
        return jdbc.sql("""
                        select id, project_id, filename, file_sha256, status, refused_key, rows_read, rows_expected, confirmed_at, activities_created
                        from record_import where organisation_id = :org and project_id = :project and id = :id
                        """)
                .param("org", tenant.organisationId().value())
                .param("project", projectId)
                .param("id", importId)
                .query(Head.class)
                .optional();
    }

    /** A preview of this organisation's, for this project; anything else is not found. */
    @Transactional(readOnly = true)
    public Preview preview(Tenant tenant, UUID projectId, UUID importId) {
        requireManager(tenant);
        Project project = projects.project(tenant, projectId);
        Head h = head(tenant, projectId, importId).orElseThrow(() -> new NotFoundException("attendance import"));
        Status status = Status.valueOf(h.status());
        if (status != Status.READ) {
            return new Preview(h.id(), projectId, h.filename(), status, h.refusedKey(), h.rowsRead(), h.rowsExpected(), 0, 0, 0, List.of(), 0, List.of(), 0,
                    List.of(), h.confirmedAt() != null, h.activitiesCreated(), null);
        }
        Map<UUID, String> names = new HashMap<>();
        project.people().forEach(m -> names.put(m.userId(), m.name()));
        var org = tenant.organisationId().value();
        var totals = jdbc.sql("""
                        select count(*) as activities, coalesce(sum(cardinality(member_ids) + others_count), 0) as people,
                               coalesce(sum(cardinality(member_ids)), 0) as attendances
                        from record_import_activity where organisation_id = :org and import_id = :id
                        """)
                .param("org", org).param("id", importId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        List<Activity> first = jdbc.sql("""
                        select happened_on, title, member_ids, unmatched, others_count from record_import_activity
                        where organisation_id = :org and import_id = :id order by happened_on, position limit :n
                        """)
                .param("org", org).param("id", importId).param("n", SHOWN)
                .query((rs, n) -> {
                    UUID[] members = (UUID[]) rs.getArray("member_ids").getArray();
                    String[] unmatched = (String[]) rs.getArray("unmatched").getArray();
                    List<String> named = new ArrayList<>();
                    for (UUID m : members) {
                        named.add(names.getOrDefault(m, ""));
                    }
                    return new Activity(rs.getObject("happened_on", LocalDate.class), rs.getString("title"),
                            members.length + rs.getInt("others_count"), named, List.of(unmatched));
                })
                .list();
        int unmatchedNames = jdbc.sql("""
                        select count(distinct lower(n)) from record_import_activity, unnest(unmatched) n
                        where organisation_id = :org and import_id = :id
                        """).param("org", org).param("id", importId).query(Integer.class).single();
        List<NameCount> unmatched = jdbc.sql("""
                        select min(n) as name, count(*) as times from record_import_activity, unnest(unmatched) n
                        where organisation_id = :org and import_id = :id group by lower(n) order by lower(n) limit :n
                        """).param("org", org).param("id", importId).param("n", SHOWN)
                .query((rs, n) -> new NameCount(rs.getString("name"), rs.getInt("times"))).list();
        int refusals = jdbc.sql("select count(*) from record_import_refusal where organisation_id = :org and import_id = :id")
                .param("org", org).param("id", importId).query(Integer.class).single();
        List<Refusal> firstRefusals = jdbc.sql("""
                        select row_number, reason_key, detail from record_import_refusal
                        where organisation_id = :org and import_id = :id order by row_number limit :n
                        """).param("org", org).param("id", importId).param("n", SHOWN)
                .query((rs, n) -> new Refusal(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        OffsetDateTime before = jdbc.sql("""
                        select confirmed_at from record_import_file
                        where organisation_id = :org and project_id = :project and file_sha256 = :hash and import_id <> :id
                        """).param("org", org).param("project", projectId).param("hash", h.fileSha256()).param("id", importId)
                .query(OffsetDateTime.class).optional().orElse(null);
        return new Preview(h.id(), projectId, h.filename(), status, null, h.rowsRead(), h.rowsExpected(), (int) totals[0], totals[1], totals[2], first,
                unmatchedNames, unmatched, refusals, firstRefusals, h.confirmedAt() != null, h.activitiesCreated(), before);
    }

    /**
     * Records the preview's activities with their attendance, once. A preview confirmed before, or a
     * file already brought into this project, records nothing. Two confirmations at once queue on the
     * preview's row and on the file's.
     */
    @Transactional
    public Confirmed confirm(Tenant tenant, UUID projectId, UUID importId) {
        requireManager(tenant);
        Project project = projects.project(tenant, projectId);
        Head h = head(tenant, projectId, importId).filter(x -> x.status().equals("READ"))
                .orElseThrow(() -> new NotFoundException("attendance import"));
        var org = tenant.organisationId().value();
        boolean first = jdbc.sql("update record_import set confirmed_at = now() where organisation_id = :org and id = :id and confirmed_at is null")
                .param("org", org).param("id", importId).update() == 1;
        if (!first) {
            return new Confirmed.AlreadyImported();
        }
        boolean newFile = jdbc.sql("""
                        insert into record_import_file (organisation_id, project_id, file_sha256, import_id) values (:org, :project, :hash, :id)
                        on conflict do nothing
                        """).param("org", org).param("project", projectId).param("hash", h.fileSha256()).param("id", importId).update() == 1;
        if (!newFile) {
            jdbc.sql("update record_import set activities_created = 0 where id = :id").param("id", importId).update();
            return new Confirmed.AlreadyImported();
        }
        int made = jdbc.sql("""
                        insert into record_item (id, organisation_id, project_id, kind, title, happened_on, activity_kind, others_count,
                                                 created_by, updated_by)
                        select item_id, organisation_id, :project, 'ACTIVITY', title, happened_on, 'OTHER', others_count, :by, :by
                        from record_import_activity where organisation_id = :org and import_id = :id
                        """).param("project", projectId).param("by", tenant.userId().value()).param("org", org).param("id", importId).update();
        List<UUID> people = project.people().stream().map(Project.Member::userId).toList();
        if (!people.isEmpty()) {
            jdbc.sql("""
                            insert into record_attendance (organisation_id, item_id, user_id)
                            select a.organisation_id, a.item_id, m from record_import_activity a, unnest(a.member_ids) m
                            where a.organisation_id = :org and a.import_id = :id and m in (:people)
                            on conflict do nothing
                            """).param("org", org).param("id", importId).param("people", people).update();
        }
        jdbc.sql("update record_import set activities_created = :n where id = :id").param("n", made).param("id", importId).update();
        audit.record(tenant.organisationId(), tenant.userId(), "ATTENDANCE_IMPORTED", "record_import", importId,
                h.filename() + ": " + made + " activities");
        return new Confirmed.Recorded(made);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
