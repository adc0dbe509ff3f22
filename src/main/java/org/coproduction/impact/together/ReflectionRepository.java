package org.coproduction.impact.together;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reflections, their tags and their writers' consent; every query is scoped to one organisation. */
@Repository
class ReflectionRepository {

    private static final String SELECT = """
            select r.id, r.project_id, r.activity_id, r.face, r.went_well, r.not_well, r.would_change, r.happened_on, r.by_member,
                   r.created_by, u.display_name, r.version, r.created_at, r.archived_at is not null as archived, r.voice_media_id,
                   (select array_to_string(c.uses, ',') from reflection_consent c
                     where c.reflection_id = r.id and c.withdrawn_at is null) as uses
            from reflection r join user_account u on u.id = r.created_by
            """;

    private final JdbcClient jdbc;

    ReflectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(UUID id, UUID projectId, @Nullable UUID activityId, @Nullable Face face, @Nullable String wentWell,
            @Nullable String notWell, @Nullable String wouldChange, LocalDate happenedOn, boolean byMember, UUID writtenBy, String writer,
            int version, OffsetDateTime createdAt, boolean archived, Set<ConsentUse> uses, @Nullable UUID voiceMediaId) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        String face = rs.getString("face");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getObject("activity_id", UUID.class),
                face == null ? null : Face.valueOf(face), rs.getString("went_well"), rs.getString("not_well"), rs.getString("would_change"),
                rs.getObject("happened_on", LocalDate.class), rs.getBoolean("by_member"), rs.getObject("created_by", UUID.class),
                rs.getString("display_name"), rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("archived"),
                uses(rs.getString("uses")), rs.getObject("voice_media_id", UUID.class));
    }

    static Set<ConsentUse> uses(@Nullable String joined) {
        Set<ConsentUse> uses = EnumSet.noneOf(ConsentUse.class);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(String::strip).map(ConsentUse::valueOf).forEach(uses::add);
        }
        return uses;
    }

    /** The project's reflections, newest first, archived ones included (callers filter). */
    List<Reflection> list(OrganisationId org, UUID projectId) {
        List<Row> rows = jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id = :project order by r.happened_on desc, r.created_at desc")
                .param("org", org.value())
                .param("project", projectId)
                .query(ReflectionRepository::row)
                .list();
        return withTags(org, rows);
    }

    /** The reflections of several projects, read together. */
    List<Reflection> list(OrganisationId org, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id in (:projects) order by r.happened_on desc, r.created_at desc")
                .param("org", org.value())
                .param("projects", List.copyOf(projectIds))
                .query(ReflectionRepository::row)
                .list();
        return withTags(org, rows);
    }

    Optional<Reflection> find(OrganisationId org, UUID projectId, UUID id) {
        List<Row> rows = jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id = :project and r.id = :id")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .query(ReflectionRepository::row)
                .list();
        return withTags(org, rows).stream().findFirst();
    }

    private List<Reflection> withTags(OrganisationId org, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<UUID>> outcomes = new HashMap<>();
        Map<UUID, List<String>> themes = new HashMap<>();
        // By id, a bounded number at a time: a statement holds at most 32,767 values.
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<UUID> ids = rows.subList(from, Math.min(rows.size(), from + 5_000)).stream().map(Row::id).toList();
            jdbc.sql("select reflection_id, outcome_id from reflection_outcome where organisation_id = :org and reflection_id in (:ids)")
                    .param("org", org.value())
                    .param("ids", ids)
                    .query((rs, n) -> outcomes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class)))
                    .list();
            jdbc.sql("select reflection_id, theme from reflection_theme where organisation_id = :org and reflection_id in (:ids) order by theme")
                    .param("org", org.value())
                    .param("ids", ids)
                    .query((rs, n) -> themes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return rows.stream()
                .map(r -> new Reflection(r.id(), r.projectId(), r.activityId(), r.face(), r.wentWell(), r.notWell(), r.wouldChange(),
                        r.happenedOn(), r.byMember(), r.writtenBy(), r.writer(), outcomes.getOrDefault(r.id(), Set.of()),
                        themes.getOrDefault(r.id(), List.of()), r.uses(), r.version(), r.createdAt(), r.archived(), r.voiceMediaId()))
                .toList();
    }

    int countCurrent(OrganisationId org, UUID projectId) {
        return jdbc.sql("select count(*) from reflection where organisation_id = :org and project_id = :project and archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .query(Integer.class)
                .single();
    }

    UUID add(OrganisationId org, UUID projectId, ReflectionDraft d, @Nullable UUID voiceMediaId, LocalDate on, boolean byMember, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reflection (id, organisation_id, project_id, activity_id, face, went_well, not_well, would_change,
                                                happened_on, by_member, created_by, voice_media_id)
                        values (:id, :org, :project, :activity, :face, :well, :notWell, :change, :on, :member, :by, :voice)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("activity", d.activityId())
                .param("face", d.face() == null ? null : d.face().name())
                .param("well", blankToNull(d.wentWell()))
                .param("notWell", blankToNull(d.notWell()))
                .param("change", blankToNull(d.wouldChange()))
                .param("on", on)
                .param("member", byMember)
                .param("by", by.value())
                .param("voice", voiceMediaId)
                .update();
        for (UUID outcome : d.outcomeIds()) {
            jdbc.sql("insert into reflection_outcome (organisation_id, reflection_id, outcome_id) values (:org, :id, :outcome)")
                    .param("org", org.value())
                    .param("id", id)
                    .param("outcome", outcome)
                    .update();
        }
        for (String theme : d.themes()) {
            jdbc.sql("insert into reflection_theme (organisation_id, reflection_id, theme) values (:org, :id, :theme)")
                    .param("org", org.value())
                    .param("id", id)
                    .param("theme", theme)
                    .update();
        }
        return id;
    }

    /**
     * Replaces the consent in force with {@code uses} (none: withdrawn, and nothing new), if the
     * reflection is still at {@code version}; false when someone changed it first.
     */
    boolean changeConsent(OrganisationId org, UUID id, int version, Set<ConsentUse> uses, UserId by) {
        int claimed = jdbc.sql("""
                        update reflection set version = version + 1, updated_at = now()
                        where organisation_id = :org and id = :id and version = :version and archived_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("version", version)
                .update();
        if (claimed == 0) {
            return false;
        }
        jdbc.sql("""
                        update reflection_consent set withdrawn_at = now(), withdrawn_by = :by
                        where organisation_id = :org and reflection_id = :id and withdrawn_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("by", by.value())
                .update();
        addConsent(org, id, uses, by);
        return true;
    }

    void addConsent(OrganisationId org, UUID id, Set<ConsentUse> uses, UserId by) {
        if (uses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into reflection_consent (id, organisation_id, reflection_id, uses, recorded_by)
                        values (:cid, :org, :id, string_to_array(:uses, ','), :by)
                        """)
                .param("cid", UUID.randomUUID())
                .param("org", org.value())
                .param("id", id)
                .param("uses", String.join(",", uses.stream().sorted().map(Enum::name).toList()))
                .param("by", by.value())
                .update();
    }

    boolean archive(OrganisationId org, UUID id, int version, UserId by) {
        return jdbc.sql("""
                        update reflection set archived_at = now(), archived_by = :by, version = version + 1, updated_at = now()
                        where organisation_id = :org and id = :id and version = :version and archived_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("version", version)
                .param("by", by.value())
                .update() == 1;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
