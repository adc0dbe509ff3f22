package org.coproduction.impact.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;

/**
 * The evidence collected so far for each outcome, at a glance, for the project's page. The pathway
 * does not know how evidence is collected or planned; outcomes assessment plans (a later module)
 * answer this, in words ready to show.
 */
public interface EvidenceAtAGlance {

    /** One line per current outcome of the pathway, or none when this source has nothing to say. */
    List<OutcomeEvidence> summarise(Tenant tenant, Pathway pathway);

    /**
     * One outcome's line: what evidence there is ("People’s ratings: 6 answers or values, from 1
     * source"), what the plan still waits for ("Planned: people’s ratings. None yet."), the date of
     * the latest item, and where to read it all. {@code noPlanHref} is set when the outcome has no
     * plan yet: where to make one (then nothing can be "missing against the plan").
     */
    record OutcomeEvidence(UUID outcomeId, String outcome, List<String> found, List<String> missing, @Nullable LocalDate latest,
            @Nullable String href, @Nullable String noPlanHref) {

        public OutcomeEvidence {
            found = List.copyOf(found);
            missing = List.copyOf(missing);
        }

        /** A line for an outcome that has a plan. */
        public OutcomeEvidence(UUID outcomeId, String outcome, List<String> found, List<String> missing, @Nullable LocalDate latest,
                @Nullable String href) {
            this(outcomeId, outcome, found, missing, latest, href, null);
        }
    }
}
