package org.coproduction.impact.plan;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.Outcome;

/**
 * How much of a pathway the plan covers: of the pathway's current outcomes, which have at least
 * one current plan row and which have none yet.
 */
public record Coverage(int outcomes, int planned, List<Outcome> withoutPlan) {

    public Coverage {
        withoutPlan = List.copyOf(withoutPlan);
    }

    public static Coverage of(List<Outcome> currentOutcomes, Collection<PlanRow> rows) {
        Set<UUID> planned = new HashSet<>();
        rows.stream().filter(r -> !r.archived()).forEach(r -> planned.add(r.outcomeId()));
        List<Outcome> without = currentOutcomes.stream().filter(o -> !planned.contains(o.id())).toList();
        return new Coverage(currentOutcomes.size(), currentOutcomes.size() - without.size(), without);
    }

    public boolean complete() {
        return withoutPlan.isEmpty();
    }
}
