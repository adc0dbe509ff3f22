package org.coproduction.impact.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * One row of a summary list: a key, its value, and optionally one action link whose hidden text
 * says what it acts on (GOV.UK's {@code visuallyHiddenText}).
 */
public record SummaryRow(String key, String value, @Nullable String actionHref, @Nullable String actionText, @Nullable String actionHidden) {

    public static SummaryRow of(String key, String value) {
        return new SummaryRow(key, value, null, null, null);
    }

    public SummaryRow withAction(String href, String text, String hidden) {
        return new SummaryRow(key, value, href, text, hidden);
    }
}
