package org.coproduction.impact.assessment;

import java.util.Locale;

/** A review round is open while the group works through it, then closed and kept as it was. */
public enum RoundStatus {
    OPEN,
    CLOSED;

    public String messageKey() {
        return "assessment.round.status." + name().toLowerCase(Locale.ROOT);
    }
}
