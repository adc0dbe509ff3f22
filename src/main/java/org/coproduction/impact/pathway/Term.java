package org.coproduction.impact.pathway;

import java.util.Locale;

/** When an outcome is expected: short-term outcomes are also called co-production achievements. */
public enum Term {
    SHORT,
    MEDIUM,
    LONG;

    public String messageKey() {
        return "pathway.term." + name().toLowerCase(Locale.ROOT);
    }

    /** The order in which outcomes happen: short before medium before long. */
    public boolean isAfter(Term other) {
        return ordinal() > other.ordinal();
    }
}
