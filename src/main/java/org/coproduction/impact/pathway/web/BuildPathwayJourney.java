package org.coproduction.impact.pathway.web;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The backwards-mapping journey a group does together, one question per page: the problem, the
 * impact, long-term outcomes, the earlier outcomes leading to them, the activities for each
 * outcome, 'I' and 'We' statements, then a check. Declared here as data; back links, "step n of m"
 * and "skip" are worked out from this list. Every step can be skipped and come back to.
 */
final class BuildPathwayJourney {

    /** One page of the journey: its address part, and the message keys of its title and question. */
    record Step(String id, String titleKey, String questionKey) {}

    static final List<Step> STEPS = List.of(
            new Step("problem", "pathway.build.problem.title", "pathway.build.problem.question"),
            new Step("impact", "pathway.build.impact.title", "pathway.build.impact.question"),
            new Step("long-term", "pathway.build.long-term.title", "pathway.build.long-term.question"),
            new Step("earlier", "pathway.build.earlier.title", "pathway.build.earlier.question"),
            new Step("activities", "pathway.build.activities.title", "pathway.build.activities.question"),
            new Step("statements", "pathway.build.statements.title", "pathway.build.statements.question"),
            new Step("check", "pathway.build.check.title", "pathway.build.check.question"));

    private BuildPathwayJourney() {}

    static Optional<Step> step(String id) {
        return STEPS.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static int number(Step step) {
        return STEPS.indexOf(step) + 1;
    }

    static @Nullable Step previous(Step step) {
        int i = STEPS.indexOf(step);
        return i == 0 ? null : STEPS.get(i - 1);
    }

    static @Nullable Step next(Step step) {
        int i = STEPS.indexOf(step);
        return i == STEPS.size() - 1 ? null : STEPS.get(i + 1);
    }

    static String href(java.util.UUID projectId, Step step) {
        return "/projects/" + projectId + "/pathway/build/" + step.id();
    }
}
