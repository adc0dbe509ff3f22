package org.coproduction.impact.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
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

    EvidenceCoverage coverage(Tenant tenant, Plan plan) {
        List<EvidenceItem> items = new ArrayList<>();
        for (CollectedEvidence source : sources) {
            items.addAll(source.items(tenant.organisationId(), plan.project().id()));
        }
        return EvidenceCoverage.of(plan, items);
    }
}
