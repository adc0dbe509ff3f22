package org.coproduction.impact.measure;

/** What a measure's numbers are. */
public enum MeasureKind {
    /** A number of people, sessions or things: a whole number. */
    COUNT,
    /** A share, from 0 to 100. */
    PERCENTAGE,
    /** Any other number. */
    NUMBER;

    public String messageKey() {
        return switch (this) {
            case COUNT -> "measure.kind.count";
            case PERCENTAGE -> "measure.kind.percentage";
            case NUMBER -> "measure.kind.number";
        };
    }

    public String hintKey() {
        return switch (this) {
            case COUNT -> "measure.kind.count.hint";
            case PERCENTAGE -> "measure.kind.percentage.hint";
            case NUMBER -> "measure.kind.number.hint";
        };
    }
}
