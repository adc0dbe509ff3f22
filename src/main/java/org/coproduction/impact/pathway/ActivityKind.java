package org.coproduction.impact.pathway;

import java.util.Locale;

/** What kind of co-production activity this is. */
public enum ActivityKind {
    MEETING,
    WORKSHOP,
    EVENT,
    TRAINING,
    MATERIALS,
    OTHER;

    public String messageKey() {
        return "pathway.activity.kind." + name().toLowerCase(Locale.ROOT);
    }
}
