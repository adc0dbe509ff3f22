package org.coproduction.impact.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The kept history of a plan's rows, and the comments on the plan. */
@Repository
class PlanHistoryRepository {

    static final int SHOWN = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PlanHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(OrganisationId org, UUID projectId, UUID rowId, PlanChange.Action action, PlanChange.Snapshot snapshot, UserId by) {
        jdbc.sql("""
                        insert into plan_change (id, organisation_id, project_id, plan_row_id, action, changed_by, snapshot)
                        values (:id, :org, :project, :row, :action, :by, cast(:snapshot as jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("project", projectId)
                .param("row", rowId)
                .param("action", action.name())
                .param("by", by.value())
                .param("snapshot", JSON.writeValueAsString(snapshot))
                .update();
    }

    private record Row(UUID planRowId, PlanChange.Action action, OffsetDateTime changedAt, @Nullable String changedByName, String snapshot) {}

    /** The latest changes, newest first. */
    List<PlanChange> list(OrganisationId org, UUID projectId) {
        return jdbc.sql("""
                        select c.plan_row_id, c.action, c.changed_at, u.display_name as changed_by_name, c.snapshot::text as snapshot
                        from plan_change c
                        left join user_account u on u.id = c.changed_by
                        where c.organisation_id = :org and c.project_id = :project
                        order by c.changed_at desc, c.id desc
                        limit :limit
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("limit", SHOWN)
                .query(Row.class)
                .list()
                .stream()
                .map(r -> new PlanChange(r.planRowId(), r.action(), r.changedAt(), r.changedByName(),
                        JSON.readValue(r.snapshot(), PlanChange.Snapshot.class)))
                .toList();
    }

    void addComment(OrganisationId org, UUID projectId, UserId author, String text) {
        jdbc.sql("""
                        insert into plan_comment (id, organisation_id, project_id, author_user_id, text)
                        values (:id, :org, :project, :author, :text)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("project", projectId)
                .param("author", author.value())
                .param("text", text)
                .update();
    }

    List<PlanComment> comments(OrganisationId org, UUID projectId) {
        return jdbc.sql("""
                        select c.id, u.display_name as author_name, c.text, c.created_at
                        from plan_comment c
                        join user_account u on u.id = c.author_user_id
                        where c.organisation_id = :org and c.project_id = :project
                        order by c.created_at, c.id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(PlanComment.class)
                .list();
    }
}
