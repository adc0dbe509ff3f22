package org.coproduction.impact.form;

import java.util.Locale;

/** The kinds of question a form can ask. */
public enum QuestionType {
    /** A scale with labels chosen by the facilitator: words, numbers or faces. */
    RATING(true),
    /** The same scale asked twice: how it was before, and how it is now. */
    BEFORE_AFTER(true),
    SINGLE_CHOICE(true),
    MULTIPLE_CHOICE(true),
    YES_NO(false),
    NUMBER(false),
    SHORT_TEXT(false),
    LONG_TEXT(false),
    DATE(false),
    /** Optional questions for equality monitoring; every one can be skipped. */
    ABOUT_YOU(false);

    private final boolean hasOptions;

    QuestionType(boolean hasOptions) {
        this.hasOptions = hasOptions;
    }

    /** Whether the facilitator writes the choices or scale labels. */
    public boolean hasOptions() {
        return hasOptions;
    }

    public boolean isScale() {
        return this == RATING || this == BEFORE_AFTER;
    }

    public String messageKey() {
        return "form.question.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
