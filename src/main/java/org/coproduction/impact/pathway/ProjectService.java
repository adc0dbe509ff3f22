package org.coproduction.impact.pathway;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: co-production initiatives in an organisation. Facilitators and admins see and run all
 * of them; a member sees the projects they take part in; a viewer sees none (only published reports).
 */
@Service
public class ProjectService {

    /** What a facilitator enters about a project. */
    public record ProjectDetails(String name, @Nullable String summary,
            @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String groupsInvolved, @Nullable UUID facilitatorId, boolean commentsOpen, Collection<UUID> members,
            @Nullable String nameCy, @Nullable String summaryCy) {

        /** A project given in one language only. */
        public ProjectDetails(String name, @Nullable String summary, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
                @Nullable String groupsInvolved, @Nullable UUID facilitatorId, boolean commentsOpen, Collection<UUID> members) {
            this(name, summary, startsOn, endsOn, groupsInvolved, facilitatorId, commentsOpen, members, null, null);
        }
    }

    private final ProjectRepository projects;
    private final PathwayRepository pathways;
    private final AuditLog audit;

    ProjectService(ProjectRepository projects, PathwayRepository pathways, AuditLog audit) {
        this.projects = projects;
        this.pathways = pathways;
        this.audit = audit;
    }

    public List<Project> projects(Tenant tenant) {
        return switch (tenant.role()) {
            case ADMIN, FACILITATOR -> projects.list(tenant.organisationId(), null);
            case MEMBER -> projects.list(tenant.organisationId(), tenant.userId().value());
            case VIEWER -> List.of();
        };
    }

    /**
     * A page of the projects this person may see, in the order of their id (for the API's keyset
     * paging): after {@code after} (absent: from the first), at most {@code limit}.
     */
    public List<Project> projectsById(Tenant tenant, @Nullable UUID after, int limit) {
        return switch (tenant.role()) {
            case ADMIN, FACILITATOR -> projects.listById(tenant.organisationId(), null, after, limit);
            case MEMBER -> projects.listById(tenant.organisationId(), tenant.userId().value(), after, limit);
            case VIEWER -> List.of();
        };
    }

    /** How many current outcomes each project's pathway has (absent: none), for facilitators and admins. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Integer> outcomeCounts(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("project");
        }
        return projects.outcomeCounts(tenant.organisationId());
    }

    /** The project, if this person may see it; otherwise "not found", as for an id that does not exist. */
    public Project project(Tenant tenant, UUID projectId) {
        Project project = projects.find(tenant.organisationId(), projectId).orElseThrow(() -> new NotFoundException("project"));
        boolean visible = tenant.is(Role.ADMIN, Role.FACILITATOR)
                || (tenant.is(Role.MEMBER) && project.involves(tenant.userId().value()));
        if (!visible) {
            throw new NotFoundException("project");
        }
        return project;
    }

    @Transactional
    public UUID create(Tenant tenant, ProjectDetails d) {
        requireEditor(tenant);
        UUID id = projects.create(tenant.organisationId(), details(d));
        projects.setMembers(tenant.organisationId(), id, d.members());
        pathways.create(tenant.organisationId(), id);
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "project", id, d.name());
        return id;
    }

    /** Saves the project's details; false if someone else saved them since {@code version}. */
    @Transactional
    public boolean update(Tenant tenant, UUID projectId, int version, ProjectDetails d) {
        requireEditor(tenant);
        project(tenant, projectId);
        if (!projects.update(tenant.organisationId(), projectId, version, details(d))) {
            return false;
        }
        projects.setMembers(tenant.organisationId(), projectId, d.members());
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "project", projectId, d.name());
        return true;
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("project");
        }
    }

    private static ProjectRepository.Details details(ProjectDetails d) {
        return new ProjectRepository.Details(d.name().strip(), blankToNull(d.summary()), blankToNull(d.nameCy()),
                blankToNull(d.summaryCy()), d.startsOn(), d.endsOn(),
                blankToNull(d.groupsInvolved()), d.facilitatorId(), d.commentsOpen());
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
