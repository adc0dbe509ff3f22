package org.coproduction.impact.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plan rows and the ways each uses. Every query names the organisation and the project. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select r.id, r.outcome_id, r.evidence_type, r.form_of_evidence, r.success_looks_like, r.how_we_will_know, r.target,
                   r.baseline, r.when_collected, r.who_collects, r.suggestion_key, r.version, r.archived_at, r.updated_at,
                   u.display_name as updated_by_name, r.project_id
            from plan_row r
            left join user_account u on u.id = r.updated_by
            """;

    private record Row(UUID id, UUID outcomeId, EvidenceType evidenceType, String formOfEvidence, String successLooksLike,
            @Nullable String howWeWillKnow, @Nullable String target, @Nullable String baseline, @Nullable String whenCollected,
            @Nullable String whoCollects, @Nullable String suggestionKey, int version, @Nullable OffsetDateTime archivedAt,
            OffsetDateTime updatedAt, @Nullable String updatedByName, UUID projectId) {

        PlanRow row(List<UUID> ways) {
            return new PlanRow(id, outcomeId, evidenceType, formOfEvidence, ways, successLooksLike, howWeWillKnow, target, baseline,
                    whenCollected, whoCollects, suggestionKey, version, archivedAt != null, updatedAt, updatedByName);
        }
    }

    /** Every row of the project's plan, removed ones too, in order. */
    List<PlanRow> rows(OrganisationId org, UUID projectId) {
        Map<UUID, List<UUID>> ways = ways(org, projectId);
        return jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id = :project order by r.position, r.id")
                .param("org", org.value())
                .param("project", projectId)
                .query(Row.class)
                .list()
                .stream()
                .map(r -> r.row(ways.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** Every row of several projects' plans, by project, in two statements however many projects. */
    Map<UUID, List<PlanRow>> rows(OrganisationId org, Collection<UUID> projectIds) {
        Map<UUID, List<PlanRow>> byProject = new LinkedHashMap<>();
        projectIds.forEach(id -> byProject.put(id, new ArrayList<>()));
        if (projectIds.isEmpty()) {
            return byProject;
        }
        Map<UUID, List<UUID>> ways = ways(org, "r.project_id in (:projects)", "projects", List.copyOf(projectIds));
        jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id in (:projects) order by r.position, r.id")
                .param("org", org.value())
                .param("projects", List.copyOf(projectIds))
                .query(Row.class)
                .list()
                .forEach(r -> byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r.row(ways.getOrDefault(r.id(), List.of()))));
        return byProject;
    }

    Optional<PlanRow> row(OrganisationId org, UUID projectId, UUID rowId) {
        return rows(org, projectId).stream().filter(r -> r.id().equals(rowId)).findFirst();
    }

    private Map<UUID, List<UUID>> ways(OrganisationId org, UUID projectId) {
        return ways(org, "r.project_id = :project", "project", projectId);
    }

    private Map<UUID, List<UUID>> ways(OrganisationId org, String projects, String name, Object value) {
        Map<UUID, List<UUID>> byRow = new HashMap<>();
        jdbc.sql("""
                        select w.plan_row_id, w.way_id
                        from plan_row_way w
                        join plan_row r on r.id = w.plan_row_id
                        where w.organisation_id = :org and r.organisation_id = :org and\s""" + projects + """

                        order by w.plan_row_id, w.position
                        """)
                .param("org", org.value())
                .param(name, value)
                .query(rs -> {
                    byRow.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        return byRow;
    }

    /** Outcomes of the project that have at least one current plan row. */
    Set<UUID> plannedOutcomes(OrganisationId org, UUID projectId) {
        return jdbc.sql("""
                        select distinct outcome_id from plan_row
                        where organisation_id = :org and project_id = :project and archived_at is null
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(UUID.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    UUID add(OrganisationId org, UUID projectId, UUID outcomeId, PlanRowDraft d, UserId by) {
        UUID id = UUID.randomUUID();
        bind(jdbc.sql("""
                        insert into plan_row (id, organisation_id, project_id, outcome_id, evidence_type, form_of_evidence, success_looks_like,
                               how_we_will_know, target, baseline, when_collected, who_collects, suggestion_key, position, created_by, updated_by)
                        values (:id, :org, :project, :outcome, :type, :form, :success, :how, :target, :baseline, :when, :who, :suggestion,
                                (select coalesce(max(position), 0) + 1 from plan_row where organisation_id = :org and project_id = :project),
                                :by, :by)
                        """), d)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("outcome", outcomeId)
                .param("suggestion", d.suggestionKey())
                .param("by", by.value())
                .update();
        setWays(org, id, d.wayIds());
        return id;
    }

    boolean update(OrganisationId org, UUID projectId, UUID rowId, int version, PlanRowDraft d, UserId by) {
        boolean updated = bind(jdbc.sql("""
                                update plan_row set evidence_type = :type, form_of_evidence = :form, success_looks_like = :success,
                                       how_we_will_know = :how, target = :target, baseline = :baseline, when_collected = :when,
                                       who_collects = :who, version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and project_id = :project and id = :id and version = :version
                                  and archived_at is null
                                """), d)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", rowId)
                        .param("version", version)
                        .update()
                == 1;
        if (updated) {
            setWays(org, rowId, d.wayIds());
        }
        return updated;
    }

    boolean setArchived(OrganisationId org, UUID projectId, UUID rowId, int version, boolean archived, UserId by) {
        return jdbc.sql("""
                        update plan_row set archived_at = case when :archived then now() end,
                               archived_by = case when :archived then cast(:by as uuid) end,
                               version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                          and (archived_at is null) = :archived
                        """)
                        .param("archived", archived)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", rowId)
                        .param("version", version)
                        .update()
                == 1;
    }

    private void setWays(OrganisationId org, UUID rowId, List<UUID> wayIds) {
        jdbc.sql("delete from plan_row_way where organisation_id = :org and plan_row_id = :row")
                .param("org", org.value())
                .param("row", rowId)
                .update();
        int position = 0;
        for (UUID way : wayIds) {
            jdbc.sql("""
                            insert into plan_row_way (organisation_id, plan_row_id, way_id, position)
                            values (:org, :row, :way, :position)
                            on conflict do nothing
                            """)
                    .param("org", org.value())
                    .param("row", rowId)
                    .param("way", way)
                    .param("position", position++)
                    .update();
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PlanRowDraft d) {
        return spec.param("type", d.type().name())
                .param("form", d.formOfEvidence())
                .param("success", d.successLooksLike())
                .param("how", d.howWeWillKnow())
                .param("target", d.target())
                .param("baseline", d.baseline())
                .param("when", d.whenCollected())
                .param("who", d.whoCollects());
    }
}
