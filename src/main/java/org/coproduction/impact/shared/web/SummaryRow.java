package org.coproduction.impact.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * One row of a summary list: a key, its value, and optionally one action link whose hidden text
 * says what it acts on (GOV.UK's {@code visuallyHiddenText}).
 */
public record SummaryRow(String key, String value, @Nullable String actionHref, @Nullable String actionText, @Nullable String actionHidden) {

    /**
     * A row showing what was saved. A form field's label may end in "(optional)", which says
     * something about filling the field in: on a page that only shows the answer it is noise, so it
     * is left off.
     */
    public static SummaryRow of(String key, String value) {
        return new SummaryRow(withoutOptional(key), value, null, null, null);
    }

    static String withoutOptional(String label) {
        String marker = Ui.standard("common.optional");
        String kept = label.strip();
        return kept.endsWith(marker) ? kept.substring(0, kept.length() - marker.length()).strip() : label;
    }

    public SummaryRow withAction(String href, String text, String hidden) {
        return new SummaryRow(key, value, href, text, hidden);
    }
}
