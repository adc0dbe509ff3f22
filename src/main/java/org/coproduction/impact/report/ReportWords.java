package org.coproduction.impact.report;

import org.jspecify.annotations.Nullable;

/**
 * What the facilitator writes in a report's draft: the narrative assessment of the project impact and
 * of the co-production impact (drawing on the outcome judgements), what worked and what did not, what
 * happens next (the changes we will make), and two short easy-read sentences.
 */
public record ReportWords(@Nullable String projectImpact, @Nullable String coproductionImpact, @Nullable String whatWorked,
        @Nullable String whatDidNot, @Nullable String nextSteps, @Nullable String easyLearned, @Nullable String easyNext) {

    public static final int MAX = 5000;
    public static final int MAX_EASY = 300;

    public static ReportWords none() {
        return new ReportWords(null, null, null, null, null, null, null);
    }
}
