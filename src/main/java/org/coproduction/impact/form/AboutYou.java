package org.coproduction.impact.form;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The optional "about you" block for equality monitoring. Every part can be skipped, and every
 * part offers "I prefer not to say". The parts and their choices follow the 2021 Census of England
 * and Wales (the high-level categories of its tables TS007, TS008, TS021, TS030, TS038, TS039,
 * TS077 and TS078), so who took part can be set beside the census figures for the area; the ages
 * are sums of its single years of age. Services drawn on is not a census question: it is for
 * comparing projects with each other.
 *
 * <p>These answers are special-category personal data (UK GDPR article 9): they are kept apart
 * from other answers, in {@code about_you_answer}, and every read of them is audited (see
 * {@link AboutYouAnswers}).
 */
public enum AboutYou {
    AGE("under-18", "18-24", "25-34", "35-49", "50-64", "65-79", "80-plus"),
    SEX("female", "male"),
    GENDER_IDENTITY("same", "different"),
    SEXUAL_ORIENTATION("straight", "gay-or-lesbian", "bisexual", "other"),
    DISABILITY("yes", "no"),
    CARER("yes", "no"),
    ETHNICITY("asian", "black", "mixed", "white", "other"),
    RELIGION("none", "christian", "buddhist", "hindu", "jewish", "muslim", "sikh", "other"),
    SERVICES("home-care", "day-services", "care-home", "mental-health", "learning-disability", "carer-support", "other", "none");

    /** Offered in every part. */
    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

    private final List<String> choices;

    AboutYou(String... choices) {
        this.choices = List.of(choices);
    }

    /** The choices, "prefer not to say" last. */
    public List<String> choices() {
        return Stream.concat(choices.stream(), Stream.of(PREFER_NOT_TO_SAY)).toList();
    }

    /** The choices that say something: the groups counted and compared, without "prefer not to say". */
    public List<String> groups() {
        return choices;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The part with this slug ("gender-identity"), if there is one. */
    public static Optional<AboutYou> fromSlug(String slug) {
        return Stream.of(values()).filter(a -> a.slug().equals(slug)).findFirst();
    }

    public String messageKey() {
        return "form.about-you." + slug();
    }

    public String choiceKey(String choice) {
        return "form.about-you." + slug() + "." + choice;
    }
}
