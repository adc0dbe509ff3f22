package org.coproduction.impact.shared.web;

import org.jspecify.annotations.Nullable;

/** One choice in radios, checkboxes or a select, as GOV.UK's {@code items} option. */
public record Option(String value, String text, @Nullable String hint) {

    public static Option of(String value, String text) {
        return new Option(value, text, null);
    }
}
