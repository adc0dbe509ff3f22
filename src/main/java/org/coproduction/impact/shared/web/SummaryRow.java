package org.coproduction.impact.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * One row of a summary list: a key, its value, and optionally one action link whose hidden text
 * says what it acts on (GOV.UK's {@code visuallyHiddenText}).
 */
public record SummaryRow(String key, String value, @Nullable String actionHref, @Nullable String actionText, @Nullable String actionHidden,
        @Nullable String keyLang, @Nullable String valueLang) {

    /** A row whose words are all in the page's language. */
    public SummaryRow(String key, String value, @Nullable String actionHref, @Nullable String actionText, @Nullable String actionHidden) {
        this(key, value, actionHref, actionText, actionHidden, null, null);
    }

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
        return new SummaryRow(key, value, href, text, hidden, keyLang, valueLang);
    }

    /**
     * The same row with the languages its key and value are written in ("en", "cy"; null for the
     * page's own), so a Welsh page marks the organisation's English words {@code lang="en"}.
     */
    public SummaryRow inLanguages(@Nullable String keyLanguage, @Nullable String valueLanguage) {
        return new SummaryRow(key, value, actionHref, actionText, actionHidden, keyLanguage, valueLanguage);
    }
}
