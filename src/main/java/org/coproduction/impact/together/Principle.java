package org.coproduction.impact.together;

/** SCIE's four principles of co-production. */
public enum Principle {
    /** Everyone has assets: no one group or person matters more than another. */
    EQUALITY,
    /** As inclusive as possible, with efforts to include seldom-heard groups. */
    DIVERSITY,
    /** Everyone can take part fully, in the way that suits them. */
    ACCESSIBILITY,
    /** People get something back for putting something in. */
    RECIPROCITY;

    public String messageKey() {
        return switch (this) {
            case EQUALITY -> "together.principle.equality";
            case DIVERSITY -> "together.principle.diversity";
            case ACCESSIBILITY -> "together.principle.accessibility";
            case RECIPROCITY -> "together.principle.reciprocity";
        };
    }

    /** What the principle means, in one plain sentence. */
    public String meaningKey() {
        return switch (this) {
            case EQUALITY -> "together.principle.equality.meaning";
            case DIVERSITY -> "together.principle.diversity.meaning";
            case ACCESSIBILITY -> "together.principle.accessibility.meaning";
            case RECIPROCITY -> "together.principle.reciprocity.meaning";
        };
    }
}
