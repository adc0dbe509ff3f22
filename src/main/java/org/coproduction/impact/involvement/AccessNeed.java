package org.coproduction.impact.involvement;

import java.util.Locale;

/** Something a person needs to take part: each a yes or no, with its column and its picture. */
public enum AccessNeed {
    LARGE_PRINT("large_print", "print"),
    EASY_READ("easy_read", "easy-read"),
    BRITISH_SIGN_LANGUAGE("british_sign_language", "hand"),
    HEARING_LOOP("hearing_loop", "ear"),
    STEP_FREE("step_free", "step-free"),
    BREAKS("breaks", "clock"),
    SUPPORTER("supporter", "people");

    private final String column;
    private final String icon;

    AccessNeed(String column, String icon) {
        this.column = column;
        this.icon = icon;
    }

    String column() {
        return column;
    }

    public String icon() {
        return icon;
    }

    /** The form field's value and the message keys' stem. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What it is, as a choice ("Large print"). */
    public String messageKey() {
        return "access.need." + slug();
    }

    /** How many people need it, in words ("2 people need step-free access"). */
    public String countKey() {
        return "access.count." + slug();
    }
}
