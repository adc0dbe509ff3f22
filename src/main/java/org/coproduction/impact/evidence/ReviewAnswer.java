package org.coproduction.impact.evidence;

import java.util.Locale;

/** A short answer to "is it accessible?" and "do people find it relevant and easy?". */
public enum ReviewAnswer {
    YES,
    PARTLY,
    NO,
    NOT_SURE;

    public String messageKey() {
        return "evidence.review.answer." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
