package org.coproduction.impact.plan.web;

import java.util.UUID;
import org.coproduction.impact.plan.EvidenceCoverage;
import org.coproduction.impact.plan.EvidenceCoverageService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One outcome's evidence: every item collected for it, by type of evidence, against the plan. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class OutcomeEvidenceController {

    private final PlanService plans;
    private final EvidenceCoverageService coverage;

    OutcomeEvidenceController(PlanService plans, EvidenceCoverageService coverage) {
        this.plans = plans;
        this.coverage = coverage;
    }

    @GetMapping("/projects/{projectId}/plan/outcomes/{outcomeId}/evidence")
    String showOutcomeEvidence(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Plan plan = plans.plan(tenant, projectId);
        EvidenceCoverage.OutcomeCoverage line = coverage.coverage(tenant, projectId).outcome(outcomeId)
                .orElseThrow(() -> new NotFoundException("outcome"));
        model.addAttribute("plan", plan);
        model.addAttribute("line", line);
        return "plan/outcome-evidence";
    }
}
