package org.coproduction.impact.pathway;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One check of a pathway's logic, after the questions in SCIE's theory of change guidance. */
interface LogicRule {

    /** What a rule looks at: the pathway, which outcomes have a way to check them, and where pages are. */
    record Subject(Pathway pathway, Set<UUID> checkableOutcomes, String base) {

        String outcomeHref(UUID id) {
            return base + "/outcomes/" + id + "/edit";
        }

        String activityHref(UUID id) {
            return base + "/activities/" + id + "/edit";
        }

        String stepHref(String step) {
            return base + "/build/" + step;
        }
    }

    List<Finding> findings(Subject subject);
}
