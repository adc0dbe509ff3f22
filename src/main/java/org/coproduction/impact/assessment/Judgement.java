package org.coproduction.impact.assessment;

import java.util.Locale;

/** The judgement agreed with the group on one outcome in one round. */
public enum Judgement {
    ACHIEVED(3, OwnView.YES),
    PARTLY(2, OwnView.A_BIT),
    NOT_YET(1, OwnView.NOT_YET),
    NOT_ACHIEVED(0, OwnView.NOT_YET);

    private final int level;
    private final OwnView matchingView;

    Judgement(int level, OwnView matchingView) {
        this.level = level;
        this.matchingView = matchingView;
    }

    /** How far along: 3 achieved, 2 partly, 1 not yet, 0 not achieved (for the progress chart). */
    public int level() {
        return level;
    }

    /** The member's view that says the same thing. */
    public OwnView matchingView() {
        return matchingView;
    }

    public String messageKey() {
        return "assessment.judgement." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
