package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Progress reports and what each names. Every query names the organisation and the project. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select r.id, r.project_id, r.title, r.period_from, r.period_to, r.audience, r.challenges, r.risks,
                   (select string_agg(x.outcome_id::text, ',') from progress_report_outcome x
                    where x.organisation_id = r.organisation_id and x.report_id = r.id) as outcome_ids,
                   r.version, r.updated_at, u.display_name as updated_by_name
            from progress_report r
            left join user_account u on u.id = r.updated_by
            """;

    private record Row(UUID id, UUID projectId, String title, LocalDate periodFrom, LocalDate periodTo, String audience,
            @Nullable String challenges, @Nullable String risks, @Nullable String outcomeIds, int version, OffsetDateTime updatedAt,
            @Nullable String updatedByName) {}

    private ProgressReport report(OrganisationId org, Row r) {
        List<UUID> milestones = jdbc.sql("""
                        select task_id from progress_report_milestone where organisation_id = :org and report_id = :report order by position
                        """)
                .param("org", org.value()).param("report", r.id()).query(UUID.class).list();
        List<ProgressReport.ItemRef> items = jdbc.sql("""
                        select source, item_id as id from progress_report_item where organisation_id = :org and report_id = :report
                        order by position
                        """)
                .param("org", org.value()).param("report", r.id()).query(ProgressReport.ItemRef.class).list();
        return new ProgressReport(r.id(), r.projectId(), r.title(), r.periodFrom(), r.periodTo(), ConsentUse.valueOf(r.audience()),
                r.challenges(), r.risks(), TaskRepository.ids(r.outcomeIds()), milestones, items, r.version(), r.updatedAt(),
                r.updatedByName());
    }

    /** The project's current reports, latest period first. */
    List<ProgressReport> list(OrganisationId org, UUID projectId) {
        return jdbc.sql(SELECT + """
                         where r.organisation_id = :org and r.project_id = :project and r.archived_at is null
                         order by r.period_to desc, r.id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(Row.class)
                .list()
                .stream()
                .map(r -> report(org, r))
                .toList();
    }

    /** The current reports of several projects, read together. */
    List<ProgressReport> list(OrganisationId org, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where r.organisation_id = :org and r.project_id in (:projects) and r.archived_at is null
                         order by r.period_to desc, r.id
                        """)
                .param("org", org.value())
                .param("projects", List.copyOf(projectIds))
                .query(Row.class)
                .list()
                .stream()
                .map(r -> report(org, r))
                .toList();
    }

    Optional<ProgressReport> find(OrganisationId org, UUID projectId, UUID id) {
        return jdbc.sql(SELECT + " where r.organisation_id = :org and r.project_id = :project and r.id = :id and r.archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(r -> report(org, r));
    }

    long countCurrent(OrganisationId org, UUID projectId) {
        return jdbc.sql("select count(*) from progress_report where organisation_id = :org and project_id = :project and archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    UUID add(OrganisationId org, UUID projectId, ReportDraft d, UserId by) {
        UUID id = UUID.randomUUID();
        bind(jdbc.sql("""
                        insert into progress_report (id, organisation_id, project_id, title, period_from, period_to, audience, challenges,
                               risks, created_by, updated_by)
                        values (:id, :org, :project, :title, :from, :to, :audience, :challenges, :risks, :by, :by)
                        """), d)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("by", by.value())
                .update();
        setChoices(org, id, d);
        return id;
    }

    boolean update(OrganisationId org, UUID projectId, UUID id, int version, ReportDraft d, UserId by) {
        boolean updated = bind(jdbc.sql("""
                                update progress_report set title = :title, period_from = :from, period_to = :to, audience = :audience,
                                       challenges = :challenges, risks = :risks, version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and project_id = :project and id = :id and version = :version
                                  and archived_at is null
                                """), d)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
        if (updated) {
            setChoices(org, id, d);
        }
        return updated;
    }

    /** Archives the report if it is still at this version: it leaves the list; its row stays. */
    boolean archive(OrganisationId org, UUID projectId, UUID id, int version, UserId by) {
        return jdbc.sql("""
                        update progress_report set archived_at = now(), archived_by = :by, version = version + 1, updated_at = now(),
                               updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and archived_at is null
                        """)
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    private void setChoices(OrganisationId org, UUID reportId, ReportDraft d) {
        for (String table : List.of("progress_report_outcome", "progress_report_milestone", "progress_report_item")) {
            jdbc.sql("delete from " + table + " where organisation_id = :org and report_id = :report")
                    .param("org", org.value()).param("report", reportId).update();
        }
        for (UUID outcome : d.outcomeIds()) {
            jdbc.sql("insert into progress_report_outcome (organisation_id, report_id, outcome_id) values (:org, :report, :outcome)")
                    .param("org", org.value()).param("report", reportId).param("outcome", outcome).update();
        }
        int position = 0;
        for (UUID task : d.milestoneIds()) {
            jdbc.sql("""
                            insert into progress_report_milestone (organisation_id, report_id, task_id, position)
                            values (:org, :report, :task, :position)
                            """)
                    .param("org", org.value()).param("report", reportId).param("task", task).param("position", position++).update();
        }
        position = 0;
        for (ProgressReport.ItemRef item : d.items()) {
            jdbc.sql("""
                            insert into progress_report_item (organisation_id, report_id, source, item_id, position)
                            values (:org, :report, :source, :item, :position)
                            """)
                    .param("org", org.value()).param("report", reportId).param("source", item.source()).param("item", item.id())
                    .param("position", position++).update();
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ReportDraft d) {
        return spec.param("title", d.title())
                .param("from", d.periodFrom())
                .param("to", d.periodTo())
                .param("audience", d.audience().name())
                .param("challenges", d.challenges())
                .param("risks", d.risks());
    }
}
