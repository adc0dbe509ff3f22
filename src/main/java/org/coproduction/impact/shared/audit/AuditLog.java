package org.coproduction.impact.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who did what to which record, and when. Written in the same transaction as the change it
 * records, so the log and the data cannot disagree.
 */
@Service
public class AuditLog {

    /** One line of the log, as an ADMIN sees it. */
    public record Entry(
            OffsetDateTime at,
            @Nullable String actorName,
            String action,
            String entityType,
            @Nullable String entityId,
            @Nullable String summary) {}

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            @Nullable OrganisationId organisation,
            @Nullable UserId actor,
            String action,
            String entityType,
            @Nullable Object entityId,
            @Nullable String summary) {
        jdbc.sql("""
                        insert into audit_event (organisation_id, actor_user_id, action, entity_type, entity_id, summary)
                        values (:org, :actor, :action, :type, :entity, :summary)
                        """)
                .param("org", organisation == null ? null : organisation.value())
                .param("actor", actor == null ? null : actor.value())
                .param("action", action)
                .param("type", entityType)
                .param("entity", entityId == null ? null : entityId.toString())
                .param("summary", summary)
                .update();
    }

    public List<Entry> recent(OrganisationId organisation, int limit) {
        return jdbc.sql("""
                        select e.at, u.display_name as actor_name, e.action, e.entity_type, e.entity_id, e.summary
                        from audit_event e
                        left join user_account u on u.id = e.actor_user_id
                        where e.organisation_id = :org
                        order by e.at desc, e.id desc
                        limit :limit
                        """)
                .param("org", organisation.value())
                .param("limit", limit)
                .query(Entry.class)
                .list();
    }

    /** Sign-ins are not about one organisation: they are logged against the person. */
    public long countFor(UserId actor, String action) {
        return jdbc.sql("select count(*) from audit_event where actor_user_id = :actor and action = :action")
                .param("actor", actor.value())
                .param("action", action)
                .query(Long.class)
                .single();
    }

}
