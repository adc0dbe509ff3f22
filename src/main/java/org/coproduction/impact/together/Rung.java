package org.coproduction.impact.together;

/**
 * The steps of the ladder of co-production (Think Local Act Personal), lowest first: doing to, then
 * doing for, then doing with. Co-production is the top step.
 */
public enum Rung {
    COERCION,
    EDUCATING,
    INFORMING,
    CONSULTATION,
    ENGAGEMENT,
    CO_DESIGN,
    CO_PRODUCTION;

    /** 1 for the lowest step, 7 for co-production. */
    public int step() {
        return ordinal() + 1;
    }

    public String messageKey() {
        return switch (this) {
            case COERCION -> "together.rung.coercion";
            case EDUCATING -> "together.rung.educating";
            case INFORMING -> "together.rung.informing";
            case CONSULTATION -> "together.rung.consultation";
            case ENGAGEMENT -> "together.rung.engagement";
            case CO_DESIGN -> "together.rung.co-design";
            case CO_PRODUCTION -> "together.rung.co-production";
        };
    }

    public String meaningKey() {
        return switch (this) {
            case COERCION -> "together.rung.coercion.meaning";
            case EDUCATING -> "together.rung.educating.meaning";
            case INFORMING -> "together.rung.informing.meaning";
            case CONSULTATION -> "together.rung.consultation.meaning";
            case ENGAGEMENT -> "together.rung.engagement.meaning";
            case CO_DESIGN -> "together.rung.co-design.meaning";
            case CO_PRODUCTION -> "together.rung.co-production.meaning";
        };
    }
}
