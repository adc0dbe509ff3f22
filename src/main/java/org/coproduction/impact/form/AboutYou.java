package org.coproduction.impact.form;

import java.util.List;
import java.util.Locale;

/**
 * The optional "about you" block for equality monitoring. Every part can be skipped, and every
 * part offers "I prefer not to say". The choices follow common UK monitoring categories, kept short.
 */
public enum AboutYou {
    AGE("under-18", "18-24", "25-34", "35-49", "50-64", "65-79", "80-plus"),
    GENDER("woman", "man", "another-way"),
    DISABILITY("yes", "no"),
    CARER("yes", "no"),
    ETHNICITY("asian", "black", "mixed", "white", "other");

    /** Offered in every part. */
    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

    private final List<String> choices;

    AboutYou(String... choices) {
        this.choices = List.of(choices);
    }

    /** The choices, "prefer not to say" last. */
    public List<String> choices() {
        return java.util.stream.Stream.concat(choices.stream(), java.util.stream.Stream.of(PREFER_NOT_TO_SAY)).toList();
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "form.about-you." + slug();
    }

    public String choiceKey(String choice) {
        return "form.about-you." + slug() + "." + choice;
    }
}
