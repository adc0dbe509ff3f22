package org.coproduction.impact.pathway;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments and suggestions on outcomes. Members of a project can add them while the facilitator
 * has comments open; facilitators and admins accept them or not. Comments never change the pathway
 * by themselves.
 */
@Service
public class CommentService {

    public static final int MAX_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final PathwayService pathways;
    private final ProjectService projects;
    private final AuditLog audit;

    CommentService(JdbcClient jdbc, PathwayService pathways, ProjectService projects, AuditLog audit) {
        this.jdbc = jdbc;
        this.pathways = pathways;
        this.projects = projects;
        this.audit = audit;
    }

    /** Whether this person may comment on the project's outcomes now. */
    public boolean canComment(Tenant tenant, Project project) {
        return tenant.is(Role.ADMIN, Role.FACILITATOR)
                || (tenant.is(Role.MEMBER) && project.commentsOpen() && project.involves(tenant.userId().value()));
    }

    public List<OutcomeComment> comments(Tenant tenant, UUID projectId, UUID outcomeId) {
        Pathway p = pathways.pathway(tenant, projectId);
        p.outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        return jdbc.sql("""
                        select c.id, c.outcome_id, c.author_user_id as author_id, u.display_name as author_name, c.text, c.status, c.created_at
                        from outcome_comment c
                        join user_account u on u.id = c.author_user_id
                        where c.organisation_id = :org and c.outcome_id = :outcome
                        order by c.created_at, c.id
                        """)
                .param("org", tenant.organisationId().value())
                .param("outcome", outcomeId)
                .query(OutcomeComment.class)
                .list();
    }

    /** An outcome with comments from members waiting for a decision, and how many. */
    public record Waiting(UUID outcomeId, long count) {}

    /** The outcomes with open comments, in the pathway's order of outcomes, so each can be linked. */
    public List<Waiting> waiting(Tenant tenant, Pathway pathway) {
        List<Waiting> all = jdbc.sql("""
                        select c.outcome_id, count(*) from outcome_comment c join outcome o on o.id = c.outcome_id
                        where c.organisation_id = :org and o.pathway_id = :pathway and c.status = 'OPEN'
                        group by c.outcome_id
                        """)
                .param("org", tenant.organisationId().value())
                .param("pathway", pathway.id())
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        List<UUID> order = pathway.currentOutcomes().stream().map(Outcome::id).toList();
        return all.stream().filter(w -> order.contains(w.outcomeId())).sorted(java.util.Comparator.comparingInt(w -> order.indexOf(w.outcomeId())))
                .toList();
    }

    /** Open comments across the pathway, for the facilitator's attention. */
    public long openCount(Tenant tenant, Pathway pathway) {
        return jdbc.sql("""
                        select count(*) from outcome_comment c join outcome o on o.id = c.outcome_id
                        where c.organisation_id = :org and o.pathway_id = :pathway and c.status = 'OPEN'
                        """)
                .param("org", tenant.organisationId().value())
                .param("pathway", pathway.id())
                .query(Long.class)
                .single();
    }

    @Transactional
    public boolean add(Tenant tenant, UUID projectId, UUID outcomeId, String text) {
        Project project = projects.project(tenant, projectId);
        Pathway p = pathways.pathway(tenant, projectId);
        p.outcome(outcomeId).filter(o -> !o.archived()).orElseThrow(() -> new NotFoundException("outcome"));
        if (!canComment(tenant, project)) {
            return false;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outcome_comment (id, organisation_id, outcome_id, author_user_id, text)
                        values (:id, :org, :outcome, :author, :text)
                        """)
                .param("id", id)
                .param("org", tenant.organisationId().value())
                .param("outcome", outcomeId)
                .param("author", tenant.userId().value())
                .param("text", text.strip())
                .update();
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "outcome_comment", id, null);
        return true;
    }

    @Transactional
    public void decide(Tenant tenant, UUID projectId, UUID commentId, boolean accepted) {
        ProjectService.requireEditor(tenant);
        Pathway p = pathways.pathway(tenant, projectId);
        int updated = jdbc.sql("""
                        update outcome_comment c set status = :status, decided_at = now(), decided_by = :by
                        from outcome o
                        where c.id = :id and c.organisation_id = :org and o.id = c.outcome_id and o.pathway_id = :pathway
                        """)
                .param("status", accepted ? "ACCEPTED" : "NOT_ACCEPTED")
                .param("by", tenant.userId().value())
                .param("id", commentId)
                .param("org", tenant.organisationId().value())
                .param("pathway", p.id())
                .update();
        if (updated != 1) {
            throw new NotFoundException("comment");
        }
        audit.record(tenant.organisationId(), tenant.userId(), accepted ? "ACCEPTED" : "NOT_ACCEPTED", "outcome_comment", commentId, null);
    }
}
