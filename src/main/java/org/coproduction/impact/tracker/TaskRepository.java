package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks, their tags and their status history. Every query names the organisation and the project. */
@Repository
class TaskRepository {

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select t.id, t.project_id, t.title, t.owner_user_id, coalesce(o.display_name, t.owner_name) as owner_name, t.due_on,
                   t.status, t.milestone, t.done_on, t.done_note, t.done_media_id,
                   (select string_agg(x.outcome_id::text, ',') from tracker_task_outcome x
                    where x.organisation_id = t.organisation_id and x.task_id = t.id) as outcome_ids,
                   (select string_agg(x.plan_row_id::text, ',') from tracker_task_plan_row x
                    where x.organisation_id = t.organisation_id and x.task_id = t.id) as plan_row_ids,
                   t.version, t.archived_at, t.updated_at, u.display_name as updated_by_name
            from tracker_task t
            left join user_account o on o.id = t.owner_user_id
            left join user_account u on u.id = t.updated_by
            """;

    private record Row(UUID id, UUID projectId, String title, @Nullable UUID ownerUserId, @Nullable String ownerName,
            @Nullable LocalDate dueOn, String status, boolean milestone, @Nullable LocalDate doneOn, @Nullable String doneNote,
            @Nullable UUID doneMediaId, @Nullable String outcomeIds, @Nullable String planRowIds, int version,
            @Nullable OffsetDateTime archivedAt, OffsetDateTime updatedAt, @Nullable String updatedByName) {

        Task task() {
            return new Task(id, projectId, title, ownerUserId, ownerName, dueOn, TaskStatus.valueOf(status), milestone, doneOn, doneNote,
                    doneMediaId, ids(outcomeIds), ids(planRowIds), version, archivedAt != null, updatedAt, updatedByName);
        }
    }

    static Set<UUID> ids(@Nullable String joined) {
        return joined == null || joined.isBlank()
                ? Set.of()
                : Arrays.stream(joined.split(",")).map(UUID::fromString).collect(Collectors.toSet());
    }

    /** Every task of the project, removed ones too: open ones by due date first, then the rest in order. */
    List<Task> list(OrganisationId org, UUID projectId) {
        return jdbc.sql(SELECT + " where t.organisation_id = :org and t.project_id = :project order by t.position, t.id")
                .param("org", org.value())
                .param("project", projectId)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::task)
                .toList();
    }

    /** The tasks of several projects, read together. */
    List<Task> list(OrganisationId org, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where t.organisation_id = :org and t.project_id in (:projects) order by t.position, t.id")
                .param("org", org.value())
                .param("projects", List.copyOf(projectIds))
                .query(Row.class)
                .list()
                .stream()
                .map(Row::task)
                .toList();
    }

    Optional<Task> find(OrganisationId org, UUID projectId, UUID id) {
        return jdbc.sql(SELECT + " where t.organisation_id = :org and t.project_id = :project and t.id = :id")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(Row::task);
    }

    long countCurrent(OrganisationId org, UUID projectId) {
        return jdbc.sql("select count(*) from tracker_task where organisation_id = :org and project_id = :project and archived_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    UUID add(OrganisationId org, UUID projectId, TaskDraft d, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into tracker_task (id, organisation_id, project_id, title, owner_user_id, owner_name, due_on, status,
                               milestone, position, created_by, updated_by)
                        values (:id, :org, :project, :title, :ownerUser, :ownerName, :due, 'NOT_STARTED', :milestone,
                                (select coalesce(max(position), 0) + 1 from tracker_task where organisation_id = :org and project_id = :project),
                                :by, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("title", d.title())
                .param("ownerUser", d.ownerUserId())
                .param("ownerName", d.ownerName())
                .param("due", d.dueOn())
                .param("milestone", d.milestone())
                .param("by", by.value())
                .update();
        setTags(org, id, d.outcomeIds(), d.planRowIds());
        return id;
    }

    boolean update(OrganisationId org, UUID projectId, UUID id, int version, TaskDraft d, UserId by) {
        boolean updated = jdbc.sql("""
                                update tracker_task set title = :title, owner_user_id = :ownerUser, owner_name = :ownerName, due_on = :due,
                                       milestone = :milestone, version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and project_id = :project and id = :id and version = :version
                                  and archived_at is null
                                """)
                        .param("title", d.title())
                        .param("ownerUser", d.ownerUserId())
                        .param("ownerName", d.ownerName())
                        .param("due", d.dueOn())
                        .param("milestone", d.milestone())
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
        if (updated) {
            setTags(org, id, d.outcomeIds(), d.planRowIds());
        }
        return updated;
    }

    /** Sets the status; the evidence is kept when done and cleared otherwise (the history keeps the note). */
    boolean setStatus(OrganisationId org, UUID projectId, UUID id, int version, TaskStatus status, @Nullable LocalDate doneOn,
            @Nullable String doneNote, @Nullable UUID doneMediaId, UserId by) {
        boolean done = status == TaskStatus.DONE;
        return jdbc.sql("""
                                update tracker_task set status = :status, done_on = :doneOn, done_note = :doneNote, done_media_id = :media,
                                       version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and project_id = :project and id = :id and version = :version
                                  and archived_at is null
                                """)
                        .param("status", status.name())
                        .param("doneOn", done ? doneOn : null)
                        .param("doneNote", done ? doneNote : null)
                        .param("media", done ? doneMediaId : null)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean setArchived(OrganisationId org, UUID projectId, UUID id, int version, boolean archived, UserId by) {
        return jdbc.sql("""
                                update tracker_task set archived_at = case when :archived then now() end,
                                       archived_by = case when :archived then cast(:by as uuid) end,
                                       version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and project_id = :project and id = :id and version = :version
                                  and (archived_at is null) = :archived
                                """)
                        .param("archived", archived)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private void setTags(OrganisationId org, UUID taskId, Collection<UUID> outcomes, Collection<UUID> planRows) {
        jdbc.sql("delete from tracker_task_outcome where organisation_id = :org and task_id = :task")
                .param("org", org.value()).param("task", taskId).update();
        jdbc.sql("delete from tracker_task_plan_row where organisation_id = :org and task_id = :task")
                .param("org", org.value()).param("task", taskId).update();
        for (UUID outcome : outcomes) {
            jdbc.sql("insert into tracker_task_outcome (organisation_id, task_id, outcome_id) values (:org, :task, :outcome)")
                    .param("org", org.value()).param("task", taskId).param("outcome", outcome).update();
        }
        for (UUID row : planRows) {
            jdbc.sql("insert into tracker_task_plan_row (organisation_id, task_id, plan_row_id) values (:org, :task, :row)")
                    .param("org", org.value()).param("task", taskId).param("row", row).update();
        }
    }

    // Status history

    void addChange(OrganisationId org, UUID projectId, UUID taskId, @Nullable TaskStatus from, TaskStatus to, @Nullable String note,
            UserId by) {
        jdbc.sql("""
                        insert into tracker_task_change (id, organisation_id, project_id, task_id, from_status, to_status, note, changed_by)
                        values (:id, :org, :project, :task, :from, :to, :note, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("project", projectId)
                .param("task", taskId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("note", note)
                .param("by", by.value())
                .update();
    }

    private record ChangeRow(@Nullable String fromStatus, String toStatus, @Nullable String note, OffsetDateTime changedAt,
            @Nullable String changedByName) {

        TaskChange change() {
            return new TaskChange(fromStatus == null ? null : TaskStatus.valueOf(fromStatus), TaskStatus.valueOf(toStatus), note, changedAt,
                    changedByName);
        }
    }

    /** The task's status changes, newest first. */
    List<TaskChange> changes(OrganisationId org, UUID projectId, UUID taskId) {
        return jdbc.sql("""
                        select c.from_status, c.to_status, c.note, c.changed_at, u.display_name as changed_by_name
                        from tracker_task_change c
                        left join user_account u on u.id = c.changed_by
                        where c.organisation_id = :org and c.project_id = :project and c.task_id = :task
                        order by c.changed_at desc, c.id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("task", taskId)
                .query(ChangeRow.class)
                .list()
                .stream()
                .map(ChangeRow::change)
                .toList();
    }
}
