package org.coproduction.impact.involvement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's access needs, and who may read them: the person themself, the facilitator of a project
 * they take part in, and ADMINs; no one else, and no one outside the organisation. Every read by
 * someone other than the person is written to the audit log, one entry a person read. Other staff
 * planning an activity see only how many people need each thing.
 */
@Service
public class AccessNeedsService {

    /** Audit actions. */
    public static final String READ = "ACCESS_NEEDS_READ";
    public static final String SET = "ACCESS_NEEDS_SET";
    public static final String REMOVED = "ACCESS_NEEDS_REMOVED";

    private final AccessNeedsRepository needs;
    private final ProjectService projects;
    private final AuditLog audit;

    AccessNeedsService(AccessNeedsRepository needs, ProjectService projects, AuditLog audit) {
        this.needs = needs;
        this.projects = projects;
        this.audit = audit;
    }

    // ---------------------------------------------------------------------------------------
    // Their own

    /** The signed-in person's own needs (not audited: it is their own). */
    @Transactional(readOnly = true)
    public AccessNeeds own(Tenant tenant) {
        UUID me = tenant.userId().value();
        return needs.find(tenant.organisationId(), me).orElse(AccessNeeds.none(me, ""));
    }

    @Transactional
    public void saveOwn(Tenant tenant, AccessNeeds.Draft draft) {
        UUID me = tenant.userId().value();
        needs.save(tenant.organisationId(), me, tenant.userId(), clean(draft));
        audit.record(tenant.organisationId(), tenant.userId(), SET, "access_needs", me, null);
    }

    @Transactional
    public void removeOwn(Tenant tenant) {
        UUID me = tenant.userId().value();
        if (needs.delete(tenant.organisationId(), me)) {
            audit.record(tenant.organisationId(), tenant.userId(), REMOVED, "access_needs", me, null);
        }
    }

    // ---------------------------------------------------------------------------------------
    // A facilitator with them

    /** Whether this person may read the needs of the people in this project by name. */
    public static boolean mayRead(Tenant tenant, Project project) {
        return tenant.is(Role.ADMIN) || (tenant.is(Role.FACILITATOR) && tenant.userId().value().equals(project.facilitatorId()));
    }

    /** The project, if the signed-in person may read its people's needs: otherwise 404 (another organisation's) or 403. */
    public Project project(Tenant tenant, UUID projectId) {
        Project project = projects.project(tenant, projectId);
        if (!mayRead(tenant, project)) {
            throw new AccessDeniedException("access needs are read by the project's facilitator and ADMINs");
        }
        return project;
    }

    /** The needs of everyone taking part in the project, by name (each read audited). */
    @Transactional
    public List<AccessNeeds> ofProject(Tenant tenant, UUID projectId) {
        Project project = project(tenant, projectId);
        List<AccessNeeds> recorded = needs.of(tenant.organisationId(), people(project));
        List<AccessNeeds> all = new ArrayList<>();
        for (Project.Member m : project.members()) {
            all.add(recorded.stream().filter(n -> n.userId().equals(m.userId())).findFirst().orElse(AccessNeeds.none(m.userId(), m.name())));
        }
        recorded.stream().filter(n -> all.stream().noneMatch(a -> a.userId().equals(n.userId()))).forEach(all::add);
        recorded.forEach(n -> audited(tenant, n));
        return all;
    }

    /** One member's needs, for their facilitator or an ADMIN to read or set with them (the read is audited). */
    @Transactional
    public AccessNeeds ofMember(Tenant tenant, UUID projectId, UUID memberId) {
        Project project = project(tenant, projectId);
        Project.Member member = member(project, memberId);
        return needs.find(tenant.organisationId(), memberId).map(n -> audited(tenant, n)).orElse(AccessNeeds.none(memberId, member.name()));
    }

    /** Sets a member's needs with them; {@code set_by} says who did it. */
    @Transactional
    public void saveFor(Tenant tenant, UUID projectId, UUID memberId, AccessNeeds.Draft draft) {
        Project project = project(tenant, projectId);
        member(project, memberId);
        needs.save(tenant.organisationId(), memberId, tenant.userId(), clean(draft));
        audit.record(tenant.organisationId(), tenant.userId(), SET, "access_needs", memberId, null);
    }

    // ---------------------------------------------------------------------------------------
    // Counts for planning and attendance

    /**
     * What these people of the project need, as counts ("2 people need step-free access"), for
     * ADMINs and FACILITATORs; names only for the project's facilitator and ADMINs (those reads
     * are audited). People not in the project are left out.
     */
    @Transactional
    public AccessSummary summary(Tenant tenant, UUID projectId, Collection<UUID> people) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new AccessDeniedException("access needs are counted for staff");
        }
        Project project = projects.project(tenant, projectId);
        Set<UUID> inProject = new LinkedHashSet<>(people);
        inProject.retainAll(people(project));
        List<AccessNeeds> recorded = needs.of(tenant.organisationId(), inProject);
        boolean named = mayRead(tenant, project);
        List<AccessSummary.Line> lines = new ArrayList<>();
        for (AccessNeed need : AccessNeed.values()) {
            line(lines, need.countKey(), recorded, n -> n.has(need), named);
        }
        line(lines, "access.count.times", recorded, n -> n.timesCannotMake() != null, named);
        line(lines, "access.count.else", recorded, n -> n.anythingElse() != null, named);
        if (named) {
            recorded.stream().filter(n -> !n.empty()).forEach(n -> audited(tenant, n));
        }
        return new AccessSummary(lines, named);
    }

    private static void line(List<AccessSummary.Line> lines, String key, List<AccessNeeds> recorded, Predicate<AccessNeeds> test, boolean named) {
        List<AccessNeeds> who = recorded.stream().filter(test).toList();
        if (!who.isEmpty()) {
            lines.add(new AccessSummary.Line(key, who.size(), named ? who.stream().map(AccessNeeds::name).toList() : List.of()));
        }
    }

    // ---------------------------------------------------------------------------------------

    private static Set<UUID> people(Project project) {
        Set<UUID> people = new LinkedHashSet<>();
        project.members().forEach(m -> people.add(m.userId()));
        return people;
    }

    private static Project.Member member(Project project, UUID memberId) {
        return project.members().stream().filter(m -> m.userId().equals(memberId)).findFirst()
                .orElseThrow(() -> new NotFoundException("member"));
    }

    private AccessNeeds audited(Tenant tenant, AccessNeeds n) {
        if (!n.userId().equals(tenant.userId().value())) {
            audit.record(tenant.organisationId(), tenant.userId(), READ, "access_needs", n.userId(), null);
        }
        return n;
    }

    private static AccessNeeds.Draft clean(AccessNeeds.Draft d) {
        return new AccessNeeds.Draft(d.needs(), blankToNull(d.timesCannotMake()), blankToNull(d.anythingElse()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
