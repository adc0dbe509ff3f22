package org.coproduction.impact.assessment;

import java.util.Locale;

/** Which way one piece of evidence points for an outcome, as far as figures can tell. */
public enum Direction {
    /** Towards the outcome: most answers positive, more people moved up than down, a measure moving to its target, a task done. */
    TOWARDS,
    /** Away from it: the opposite. */
    AWAY,
    /** Neither way: as many one way as the other. */
    MIXED,
    /** Figures cannot say: people's words and stories are read, not counted. */
    TO_READ;

    public String messageKey() {
        return "assessment.direction." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
