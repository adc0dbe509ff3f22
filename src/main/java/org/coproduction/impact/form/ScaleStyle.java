package org.coproduction.impact.form;

import java.util.Locale;

/** How a rating scale is shown. Faces always carry their words too: a picture alone is not enough. */
public enum ScaleStyle {
    WORDS,
    NUMBERS,
    FACES;

    public String messageKey() {
        return "form.question.scale." + name().toLowerCase(Locale.ROOT);
    }
}
