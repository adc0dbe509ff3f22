package org.coproduction.impact.together;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lessons learned, their themes and the reflections behind them; every query is scoped to one organisation. */
@Repository
class LessonRepository {

    private static final String SELECT = """
            select l.id, l.project_id, p.name as project_name, l.lesson, l.evidence, l.change, l.change_made, l.learned_on, l.version
            from lesson l join project p on p.id = l.project_id
            """;

    /** Words (full text, English stemming) or a theme starting with them; then a chosen theme. */
    private static final String SEARCH = """
            where l.organisation_id = :org and l.archived_at is null
              and (:q = '' or l.search @@ websearch_to_tsquery('english', :q)
                   or exists (select 1 from lesson_theme t where t.lesson_id = l.id and t.theme like :prefix escape '\\'))
              and (:theme = '' or exists (select 1 from lesson_theme t where t.lesson_id = l.id and t.theme = :theme))
            """;

    private final JdbcClient jdbc;

    LessonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(UUID id, UUID projectId, String projectName, String lesson, @Nullable String evidence, @Nullable String change,
            boolean changeMade, LocalDate learnedOn, int version) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("project_name"),
                rs.getString("lesson"), rs.getString("evidence"), rs.getString("change"), rs.getBoolean("change_made"),
                rs.getObject("learned_on", LocalDate.class), rs.getInt("version"));
    }

    List<Lesson> list(OrganisationId org, UUID projectId) {
        return withTags(org, jdbc.sql(SELECT + " where l.organisation_id = :org and l.project_id = :project and l.archived_at is null"
                        + " order by l.learned_on desc, l.created_at desc")
                .param("org", org.value())
                .param("project", projectId)
                .query(LessonRepository::row)
                .list());
    }

    Optional<Lesson> find(OrganisationId org, UUID projectId, UUID id) {
        return withTags(org, jdbc.sql(SELECT + " where l.organisation_id = :org and l.project_id = :project and l.id = :id and l.archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .query(LessonRepository::row)
                .list()).stream().findFirst();
    }

    long count(OrganisationId org, String q, String theme) {
        return jdbc.sql("select count(*) from lesson l " + SEARCH)
                .param("org", org.value())
                .param("q", q)
                .param("prefix", likePrefix(q))
                .param("theme", theme)
                .query(Long.class)
                .single();
    }

    List<Lesson> search(OrganisationId org, String q, String theme, int offset, int limit) {
        return withTags(org, jdbc.sql(SELECT + SEARCH + """
                         order by case when :q = '' then 0 else ts_rank(l.search, websearch_to_tsquery('english', :q)) end desc,
                                  l.learned_on desc, l.id
                         offset :offset limit :limit
                        """)
                .param("org", org.value())
                .param("q", q)
                .param("prefix", likePrefix(q))
                .param("theme", theme)
                .param("offset", offset)
                .param("limit", limit)
                .query(LessonRepository::row)
                .list());
    }

    /** Themes used on lessons anywhere in the organisation, most used first, to choose from when searching. */
    List<String> themes(OrganisationId org) {
        return jdbc.sql("""
                        select t.theme from lesson_theme t join lesson l on l.id = t.lesson_id
                        where t.organisation_id = :org and l.archived_at is null
                        group by t.theme order by count(*) desc, t.theme limit 50
                        """)
                .param("org", org.value())
                .query(String.class)
                .list();
    }

    List<Lesson> between(OrganisationId org, UUID projectId, LocalDate from, LocalDate to) {
        return withTags(org, jdbc.sql(SELECT + """
                         where l.organisation_id = :org and l.project_id = :project and l.archived_at is null
                           and l.learned_on between :from and :to
                         order by l.learned_on, l.created_at
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("from", from)
                .param("to", to)
                .query(LessonRepository::row)
                .list());
    }

    private static String likePrefix(String q) {
        return q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<Lesson> withTags(OrganisationId org, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> themes = new HashMap<>();
        jdbc.sql("select lesson_id, theme from lesson_theme where organisation_id = :org and lesson_id in (:ids) order by theme")
                .param("org", org.value())
                .param("ids", ids)
                .query((rs, n) -> themes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<UUID, List<UUID>> reflections = new HashMap<>();
        jdbc.sql("select lesson_id, reflection_id from lesson_reflection where organisation_id = :org and lesson_id in (:ids)")
                .param("org", org.value())
                .param("ids", ids)
                .query((rs, n) -> reflections.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class)))
                .list();
        return rows.stream()
                .map(r -> new Lesson(r.id(), r.projectId(), r.projectName(), r.lesson(), r.evidence(), r.change(), r.changeMade(), r.learnedOn(),
                        themes.getOrDefault(r.id(), List.of()), reflections.getOrDefault(r.id(), List.of()), r.version()))
                .toList();
    }

    UUID add(OrganisationId org, UUID projectId, LessonDraft d, LocalDate on, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into lesson (id, organisation_id, project_id, lesson, evidence, change, change_made, learned_on, created_by)
                        values (:id, :org, :project, :lesson, :evidence, :change, :made, :on, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("lesson", d.lesson().strip())
                .param("evidence", blankToNull(d.evidence()))
                .param("change", blankToNull(d.change()))
                .param("made", d.changeMade())
                .param("on", on)
                .param("by", by.value())
                .update();
        setTags(org, id, d);
        return id;
    }

    boolean update(OrganisationId org, UUID projectId, UUID id, int version, LessonDraft d, UserId by) {
        int n = jdbc.sql("""
                        update lesson set lesson = :lesson, evidence = :evidence, change = :change, change_made = :made,
                                          version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and archived_at is null
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .param("version", version)
                .param("lesson", d.lesson().strip())
                .param("evidence", blankToNull(d.evidence()))
                .param("change", blankToNull(d.change()))
                .param("made", d.changeMade())
                .param("by", by.value())
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("delete from lesson_theme where organisation_id = :org and lesson_id = :id").param("org", org.value()).param("id", id).update();
        jdbc.sql("delete from lesson_reflection where organisation_id = :org and lesson_id = :id").param("org", org.value()).param("id", id).update();
        setTags(org, id, d);
        return true;
    }

    private void setTags(OrganisationId org, UUID id, LessonDraft d) {
        for (String theme : d.themes()) {
            jdbc.sql("insert into lesson_theme (organisation_id, lesson_id, theme) values (:org, :id, :theme)")
                    .param("org", org.value())
                    .param("id", id)
                    .param("theme", theme)
                    .update();
        }
        for (UUID reflection : d.reflectionIds()) {
            jdbc.sql("insert into lesson_reflection (organisation_id, lesson_id, reflection_id) values (:org, :id, :reflection)")
                    .param("org", org.value())
                    .param("id", id)
                    .param("reflection", reflection)
                    .update();
        }
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
