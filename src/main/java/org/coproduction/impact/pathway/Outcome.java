package org.coproduction.impact.pathway;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A smaller change on the way to the impact. It leads to one or more later outcomes, or to the
 * impact itself. Removing an outcome archives it, so anything linked to it keeps the link.
 */
public record Outcome(
        UUID id,
        String title,
        Term term,
        boolean leadsToImpact,
        List<UUID> leadsTo,
        @Nullable String howWeWillKnow,
        int position,
        boolean archived) {

    public Outcome {
        leadsTo = List.copyOf(leadsTo);
    }
}
