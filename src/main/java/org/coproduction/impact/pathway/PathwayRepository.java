package org.coproduction.impact.pathway;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pathways and everything in them. Every statement is scoped by the organisation. */
@Repository
class PathwayRepository {

    private final JdbcClient jdbc;

    PathwayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID create(OrganisationId org, UUID projectId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into pathway (id, organisation_id, project_id) values (:id, :org, :project)")
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .update();
        return id;
    }

    Optional<Pathway> findByProject(OrganisationId org, UUID projectId) {
        return Optional.ofNullable(findByProjects(org, List.of(projectId)).get(projectId));
    }

    Optional<Pathway> load(OrganisationId org, UUID pathwayId) {
        return loadWhere(org, "id = :id", "id", pathwayId).values().stream().findFirst();
    }

    /**
     * The pathways of several projects, by project, read in four statements however many there are
     * (the overview shows a page of projects at once).
     */
    Map<UUID, Pathway> findByProjects(OrganisationId org, Collection<UUID> projectIds) {
        return projectIds.isEmpty() ? Map.of() : loadWhere(org, "project_id in (:projects)", "projects", List.copyOf(projectIds));
    }

    private Map<UUID, Pathway> loadWhere(OrganisationId org, String where, String name, Object value) {
        record Head(UUID id, UUID projectId, @Nullable String problem, @Nullable String projectImpact,
                @Nullable String coproductionImpact, int version) {}
        List<Head> heads = jdbc.sql("""
                        select id, project_id, problem, project_impact, coproduction_impact, version
                        from pathway
                        where organisation_id = :org and\s""" + where)
                .param("org", org.value())
                .param(name, value)
                .query(Head.class)
                .list();
        if (heads.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = heads.stream().map(Head::id).toList();
        Map<UUID, List<Outcome>> outcomes = outcomes(org, ids);
        Map<UUID, List<Activity>> activities = activities(org, ids);
        Map<UUID, List<Statement>> statements = statements(org, ids);
        Map<UUID, Pathway> byProject = new LinkedHashMap<>();
        for (Head h : heads) {
            byProject.put(h.projectId(), new Pathway(h.id(), h.projectId(), h.problem(), h.projectImpact(), h.coproductionImpact(),
                    h.version(), outcomes.getOrDefault(h.id(), List.of()), activities.getOrDefault(h.id(), List.of()),
                    statements.getOrDefault(h.id(), List.of())));
        }
        return byProject;
    }

    private Map<UUID, List<Outcome>> outcomes(OrganisationId org, List<UUID> pathwayIds) {
        Map<UUID, List<Outcome>> byPathway = new HashMap<>();
        jdbc.sql("""
                        select o.pathway_id, o.id, o.title, o.term, o.leads_to_impact, o.how_we_will_know, o.position,
                               o.archived_at is not null as archived,
                               coalesce(array_agg(l.to_outcome_id order by l.to_outcome_id) filter (where l.to_outcome_id is not null), '{}') as leads_to
                        from outcome o
                        left join outcome_link l on l.from_outcome_id = o.id and l.organisation_id = o.organisation_id
                                                and l.pathway_id = o.pathway_id
                        where o.organisation_id = :org and o.pathway_id in (:pathways)
                        group by o.id
                        order by o.position, o.created_at
                        """)
                .param("org", org.value())
                .param("pathways", pathwayIds)
                .query(rs -> {
                    byPathway.computeIfAbsent(rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>()).add(new Outcome(
                            rs.getObject("id", UUID.class),
                            rs.getString("title"),
                            Term.valueOf(rs.getString("term")),
                            rs.getBoolean("leads_to_impact"),
                            uuids(rs.getArray("leads_to")),
                            rs.getString("how_we_will_know"),
                            rs.getInt("position"),
                            rs.getBoolean("archived")));
                });
        return byPathway;
    }

    private Map<UUID, List<Activity>> activities(OrganisationId org, List<UUID> pathwayIds) {
        Map<UUID, List<Activity>> byPathway = new HashMap<>();
        jdbc.sql("""
                        select a.pathway_id, a.id, a.title, a.kind, a.who_is_involved, a.position, a.archived_at is not null as archived,
                               coalesce(array_agg(ao.outcome_id order by ao.outcome_id) filter (where ao.outcome_id is not null), '{}') as outcomes
                        from activity a
                        left join activity_outcome ao on ao.activity_id = a.id and ao.organisation_id = a.organisation_id
                        where a.organisation_id = :org and a.pathway_id in (:pathways)
                        group by a.id
                        order by a.position, a.created_at
                        """)
                .param("org", org.value())
                .param("pathways", pathwayIds)
                .query(rs -> {
                    byPathway.computeIfAbsent(rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>()).add(new Activity(
                            rs.getObject("id", UUID.class),
                            rs.getString("title"),
                            ActivityKind.valueOf(rs.getString("kind")),
                            rs.getString("who_is_involved"),
                            uuids(rs.getArray("outcomes")),
                            rs.getInt("position"),
                            rs.getBoolean("archived")));
                });
        return byPathway;
    }

    private Map<UUID, List<Statement>> statements(OrganisationId org, List<UUID> pathwayIds) {
        Map<UUID, List<Statement>> byPathway = new HashMap<>();
        jdbc.sql("""
                        select pathway_id, id, kind, text, outcome_id, position, archived_at is not null as archived
                        from pathway_statement
                        where organisation_id = :org and pathway_id in (:pathways)
                        order by position, created_at
                        """)
                .param("org", org.value())
                .param("pathways", pathwayIds)
                .query(rs -> {
                    byPathway.computeIfAbsent(rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>()).add(new Statement(
                            rs.getObject("id", UUID.class),
                            StatementKind.valueOf(rs.getString("kind")),
                            rs.getString("text"),
                            rs.getObject("outcome_id", UUID.class),
                            rs.getInt("position"),
                            rs.getBoolean("archived")));
                });
        return byPathway;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> (UUID) v).toList();
    }

    /** Claims the next version: false when someone else saved since {@code expected} was read. */
    boolean bumpVersion(OrganisationId org, UUID pathwayId, int expected) {
        return jdbc.sql("""
                        update pathway set version = version + 1, updated_at = now()
                        where organisation_id = :org and id = :id and version = :expected
                        """)
                        .param("org", org.value())
                        .param("id", pathwayId)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    void setProblemAndImpact(OrganisationId org, UUID pathwayId, @Nullable String problem,
            @Nullable String projectImpact, @Nullable String coproductionImpact) {
        jdbc.sql("""
                        update pathway set problem = :problem, project_impact = :pi, coproduction_impact = :ci
                        where organisation_id = :org and id = :id
                        """)
                .param("problem", problem)
                .param("pi", projectImpact)
                .param("ci", coproductionImpact)
                .param("org", org.value())
                .param("id", pathwayId)
                .update();
    }

    UUID addOutcome(OrganisationId org, UUID pathwayId, String title, Term term, boolean leadsToImpact, @Nullable String howWeWillKnow) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outcome (id, organisation_id, pathway_id, title, term, leads_to_impact, how_we_will_know, position)
                        values (:id, :org, :pathway, :title, :term, :impact, :know,
                                (select coalesce(max(position), 0) + 1 from outcome where pathway_id = :pathway))
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("title", title)
                .param("term", term.name())
                .param("impact", leadsToImpact)
                .param("know", howWeWillKnow)
                .update();
        return id;
    }

    void updateOutcome(OrganisationId org, UUID outcomeId, String title, Term term, boolean leadsToImpact, @Nullable String howWeWillKnow) {
        jdbc.sql("""
                        update outcome set title = :title, term = :term, leads_to_impact = :impact, how_we_will_know = :know
                        where organisation_id = :org and id = :id
                        """)
                .param("title", title)
                .param("term", term.name())
                .param("impact", leadsToImpact)
                .param("know", howWeWillKnow)
                .param("org", org.value())
                .param("id", outcomeId)
                .update();
    }

    void setLinks(OrganisationId org, UUID pathwayId, UUID fromOutcome, Collection<UUID> to) {
        jdbc.sql("delete from outcome_link where organisation_id = :org and from_outcome_id = :from")
                .param("org", org.value())
                .param("from", fromOutcome)
                .update();
        for (UUID target : to) {
            addLink(org, pathwayId, fromOutcome, target);
        }
    }

    void addLink(OrganisationId org, UUID pathwayId, UUID from, UUID to) {
        jdbc.sql("""
                        insert into outcome_link (organisation_id, pathway_id, from_outcome_id, to_outcome_id)
                        values (:org, :pathway, :from, :to)
                        on conflict do nothing
                        """)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("from", from)
                .param("to", to)
                .update();
    }

    /** The three tables of pathway items; the name is spliced into SQL, so it must be one of them. */
    private static void checkItemTable(String table) {
        if (!List.of("outcome", "activity", "pathway_statement").contains(table)) {
            throw new IllegalArgumentException(table);
        }
    }

    void archive(OrganisationId org, String table, UUID id) {
        checkItemTable(table);
        jdbc.sql("update " + table + " set archived_at = now() where organisation_id = :org and id = :id and archived_at is null")
                .param("org", org.value())
                .param("id", id)
                .update();
    }

    void restore(OrganisationId org, String table, UUID id) {
        checkItemTable(table);
        jdbc.sql("update " + table + " set archived_at = null where organisation_id = :org and id = :id")
                .param("org", org.value())
                .param("id", id)
                .update();
    }

    /** Writes positions 1..n in the given order. */
    void reorder(OrganisationId org, String table, List<UUID> ids) {
        checkItemTable(table);
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("update " + table + " set position = :position where organisation_id = :org and id = :id")
                    .param("position", i + 1)
                    .param("org", org.value())
                    .param("id", ids.get(i))
                    .update();
        }
    }

    UUID addActivity(OrganisationId org, UUID pathwayId, String title, ActivityKind kind, @Nullable String who) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into activity (id, organisation_id, pathway_id, title, kind, who_is_involved, position)
                        values (:id, :org, :pathway, :title, :kind, :who,
                                (select coalesce(max(position), 0) + 1 from activity where pathway_id = :pathway))
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("title", title)
                .param("kind", kind.name())
                .param("who", who)
                .update();
        return id;
    }

    void updateActivity(OrganisationId org, UUID activityId, String title, ActivityKind kind, @Nullable String who) {
        jdbc.sql("""
                        update activity set title = :title, kind = :kind, who_is_involved = :who
                        where organisation_id = :org and id = :id
                        """)
                .param("title", title)
                .param("kind", kind.name())
                .param("who", who)
                .param("org", org.value())
                .param("id", activityId)
                .update();
    }

    void setActivityOutcomes(OrganisationId org, UUID activityId, Collection<UUID> outcomes) {
        jdbc.sql("delete from activity_outcome where organisation_id = :org and activity_id = :id")
                .param("org", org.value())
                .param("id", activityId)
                .update();
        for (UUID outcome : outcomes) {
            jdbc.sql("""
                            insert into activity_outcome (organisation_id, activity_id, outcome_id)
                            values (:org, :activity, :outcome) on conflict do nothing
                            """)
                    .param("org", org.value())
                    .param("activity", activityId)
                    .param("outcome", outcome)
                    .update();
        }
    }

    UUID addStatement(OrganisationId org, UUID pathwayId, StatementKind kind, String text, @Nullable UUID outcomeId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into pathway_statement (id, organisation_id, pathway_id, kind, text, outcome_id, position)
                        values (:id, :org, :pathway, :kind, :text, :outcome,
                                (select coalesce(max(position), 0) + 1 from pathway_statement where pathway_id = :pathway))
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("kind", kind.name())
                .param("text", text)
                .param("outcome", outcomeId)
                .update();
        return id;
    }

    void updateStatement(OrganisationId org, UUID statementId, StatementKind kind, String text, @Nullable UUID outcomeId) {
        jdbc.sql("""
                        update pathway_statement set kind = :kind, text = :text, outcome_id = :outcome
                        where organisation_id = :org and id = :id
                        """)
                .param("kind", kind.name())
                .param("text", text)
                .param("outcome", outcomeId)
                .param("org", org.value())
                .param("id", statementId)
                .update();
    }
}
