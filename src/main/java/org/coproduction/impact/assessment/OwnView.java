package org.coproduction.impact.assessment;

import java.util.Locale;

/** A member's own view of an outcome, given with one of three faces. */
public enum OwnView {
    /** "Yes, this happened". */
    YES("face-happy"),
    /** "A bit". */
    A_BIT("face-ok"),
    /** "Not yet". */
    NOT_YET("face-sad");

    private final String face;

    OwnView(String face) {
        this.face = face;
    }

    public String face() {
        return face;
    }

    public String messageKey() {
        return "assessment.view." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
