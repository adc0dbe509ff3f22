package org.coproduction.impact.plan;

import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.CheckableOutcomes;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Tells the pathway's logic check which outcomes have a way to check them in the plan: an outcome
 * with at least one current plan row is no longer "an outcome without any way to check it".
 * Depends only on the repository, so the pathway service can use it without a cycle.
 */
@Component
class PlannedOutcomes implements CheckableOutcomes {

    private final PlanRepository plans;

    PlannedOutcomes(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public Set<UUID> checkable(OrganisationId organisation, Pathway pathway) {
        return plans.plannedOutcomes(organisation, pathway.projectId());
    }
}
