package org.coproduction.impact.report;

import org.coproduction.impact.evidence.ConsentUse;

/** The two kinds of report made from a review round: one to prove, one to improve. */
public enum ReportKind {
    /** To prove: for funders, leaders and partners. */
    IMPACT(ConsentUse.FUNDER_REPORTS),
    /** To improve: for the group and the organisation. */
    LEARNING(ConsentUse.INTERNAL_LEARNING);

    private final ConsentUse defaultAudience;

    ReportKind(ConsentUse defaultAudience) {
        this.defaultAudience = defaultAudience;
    }

    public ConsentUse defaultAudience() {
        return defaultAudience;
    }

    public String messageKey() {
        return switch (this) {
            case IMPACT -> "report.kind.impact";
            case LEARNING -> "report.kind.learning";
        };
    }

    public String hintKey() {
        return switch (this) {
            case IMPACT -> "report.kind.impact.hint";
            case LEARNING -> "report.kind.learning.hint";
        };
    }
}
