package org.coproduction.impact.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every module's evidence for a project ({@link CollectedEvidence}) and sets it against the
 * project's plan, outcome by outcome.
 */
@Service
public class EvidenceCoverageService {

    private final PlanService plans;
    private final List<CollectedEvidence> sources;

    EvidenceCoverageService(PlanService plans, List<CollectedEvidence> sources) {
        this.plans = plans;
        this.sources = sources;
    }

    public static String outcomePage(UUID projectId, UUID outcomeId) {
        return PlanService.base(projectId) + "/outcomes/" + outcomeId + "/evidence";
    }

    /** The project's evidence coverage, if this person may see the project (otherwise "not found"). */
    @Transactional
    public EvidenceCoverage coverage(Tenant tenant, UUID projectId) {
        return coverage(tenant, plans.plan(tenant, projectId));
    }

    /**
     * The evidence coverage of projects this person was shown (each taken from
     * {@link org.coproduction.impact.pathway.ProjectService}, which checks who may see it), by project,
     * in the order given. Every plan, and every module's evidence, is read for all of them together:
     * the statements a page of the overview runs do not grow with the projects on it.
     */
    @Transactional
    public Map<UUID, EvidenceCoverage> coverage(Tenant tenant, List<Project> shown) {
        Map<UUID, Plan> planOf = plans.plans(tenant, shown);
        List<UUID> ids = shown.stream().map(Project::id).toList();
        Map<UUID, List<EvidenceItem>> items = new HashMap<>();
        for (CollectedEvidence source : sources) {
            source.items(tenant.organisationId(), ids).forEach((project, found) -> items.computeIfAbsent(project, k -> new ArrayList<>()).addAll(found));
        }
        Map<UUID, EvidenceCoverage> byProject = new LinkedHashMap<>();
        for (UUID id : ids) {
            byProject.put(id, EvidenceCoverage.of(planOf.get(id), items.getOrDefault(id, List.of())));
        }
        return byProject;
    }

    EvidenceCoverage coverage(Tenant tenant, Plan plan) {
        List<EvidenceItem> items = new ArrayList<>();
        for (CollectedEvidence source : sources) {
            items.addAll(source.items(tenant.organisationId(), plan.project().id()));
        }
        return EvidenceCoverage.of(plan, items);
    }
}
