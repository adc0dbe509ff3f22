package org.coproduction.impact.pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Details(String name, @Nullable String summary, @Nullable String nameCy, @Nullable String summaryCy, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String groupsInvolved, @Nullable UUID facilitatorId, boolean commentsOpen) {}

    UUID create(OrganisationId org, Details d) {
        UUID id = UUID.randomUUID();
        withDetails(jdbc.sql("""
                        insert into project (id, organisation_id, name, summary, name_cy, summary_cy, starts_on, ends_on, groups_involved,
                                             facilitator_user_id, comments_open)
                        values (:id, :org, :name, :summary, :nameCy, :summaryCy, :starts, :ends, :groups, :facilitator, :comments)
                        """), d)
                .param("id", id)
                .param("org", org.value())
                .update();
        return id;
    }

    boolean update(OrganisationId org, UUID id, int version, Details d) {
        return withDetails(jdbc.sql("""
                        update project set name = :name, summary = :summary, name_cy = :nameCy, summary_cy = :summaryCy, starts_on = :starts, ends_on = :ends,
                               groups_involved = :groups, facilitator_user_id = :facilitator, comments_open = :comments,
                               version = version + 1
                        where organisation_id = :org and id = :id and version = :version
                        """), d)
                        .param("org", org.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec withDetails(JdbcClient.StatementSpec statement, Details d) {
        return statement
                .param("name", d.name())
                .param("summary", d.summary())
                .param("nameCy", d.nameCy())
                .param("summaryCy", d.summaryCy())
                .param("starts", d.startsOn())
                .param("ends", d.endsOn())
                .param("groups", d.groupsInvolved())
                .param("facilitator", d.facilitatorId())
                .param("comments", d.commentsOpen());
    }

    void setMembers(OrganisationId org, UUID projectId, Collection<UUID> userIds) {
        jdbc.sql("delete from project_member where organisation_id = :org and project_id = :project")
                .param("org", org.value())
                .param("project", projectId)
                .update();
        for (UUID user : userIds) {
            jdbc.sql("""
                            insert into project_member (organisation_id, project_id, user_id)
                            select :org, :project, m.user_id from membership m
                            where m.organisation_id = :org and m.user_id = :user
                            on conflict do nothing
                            """)
                    .param("org", org.value())
                    .param("project", projectId)
                    .param("user", user)
                    .update();
        }
    }

    private static final String SELECT = """
            select p.id, p.name, p.summary, p.name_cy, p.summary_cy, p.starts_on, p.ends_on, p.groups_involved, p.facilitator_user_id,
                   f.display_name as facilitator_name, p.comments_open, p.version
            from project p
            left join user_account f on f.id = p.facilitator_user_id
            """;

    private record Row(UUID id, String name, @Nullable String summary, @Nullable String nameCy, @Nullable String summaryCy,
            @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String groupsInvolved, @Nullable UUID facilitatorUserId, @Nullable String facilitatorName,
            boolean commentsOpen, int version) {}

    Optional<Project> find(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT + " where p.organisation_id = :org and p.id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(r -> project(org, r));
    }

    /** All the organisation's projects, or only those the person takes part in. */
    List<Project> list(OrganisationId org, @Nullable UUID onlyInvolving) {
        String where = onlyInvolving == null
                ? " where p.organisation_id = :org"
                : " where p.organisation_id = :org and (p.facilitator_user_id = :user or exists ("
                        + "select 1 from project_member pm where pm.project_id = p.id and pm.user_id = :user))";
        var spec = jdbc.sql(SELECT + where + " order by lower(p.name), p.id").param("org", org.value());
        if (onlyInvolving != null) {
            spec = spec.param("user", onlyInvolving);
        }
        return projects(org, spec.query(Row.class).list());
    }

    /**
     * The organisation's projects in the order of their id, after {@code after} (absent: from the
     * first), at most {@code limit} (the API's keyset paging; the keyset is in the statement).
     */
    List<Project> listById(OrganisationId org, @Nullable UUID onlyInvolving, @Nullable UUID after, int limit) {
        String where = onlyInvolving == null
                ? " where p.organisation_id = :org"
                : " where p.organisation_id = :org and (p.facilitator_user_id = :user or exists ("
                        + "select 1 from project_member pm where pm.project_id = p.id and pm.user_id = :user))";
        var spec = jdbc.sql(SELECT + where + (after == null ? "" : " and p.id > :after") + " order by p.id limit :limit")
                .param("org", org.value())
                .param("limit", limit);
        if (onlyInvolving != null) {
            spec = spec.param("user", onlyInvolving);
        }
        if (after != null) {
            spec = spec.param("after", after);
        }
        return projects(org, spec.query(Row.class).list());
    }

    Optional<UUID> findByName(OrganisationId org, String name) {
        return jdbc.sql("select id from project where organisation_id = :org and name = :name limit 1")
                .param("org", org.value())
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    private Project project(OrganisationId org, Row r) {
        return projects(org, List.of(r)).getFirst();
    }

    /** The projects of these rows, with their members read in one statement for all of them. */
    private List<Project> projects(OrganisationId org, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Project.Member>> members = new HashMap<>();
        jdbc.sql("""
                        select pm.project_id, u.id, u.display_name from project_member pm
                        join user_account u on u.id = pm.user_id
                        where pm.organisation_id = :org and pm.project_id in (:projects)
                        order by lower(u.display_name)
                        """)
                .param("org", org.value())
                .param("projects", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Project.Member(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        return rows.stream().map(r -> project(r, members.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Project project(Row r, List<Project.Member> members) {
        return Project.shown(r.id(), new Project.Words(r.name(), r.summary(), r.nameCy(), r.summaryCy()), r.startsOn(),
                r.endsOn(), r.groupsInvolved(), r.facilitatorUserId(), r.facilitatorName(), r.commentsOpen(), r.version(), members);
    }

    /** How many current (not removed) outcomes each project's pathway has, for projects with any. */
    Map<UUID, Integer> outcomeCounts(OrganisationId org) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select p.project_id, count(*) as outcomes
                        from outcome o join pathway p on p.id = o.pathway_id and p.organisation_id = o.organisation_id
                        where o.organisation_id = :org and o.archived_at is null
                        group by p.project_id
                        """)
                .param("org", org.value())
                .query((rs, n) -> counts.put(rs.getObject("project_id", UUID.class), rs.getInt("outcomes")))
                .list();
        return counts;
    }
}
