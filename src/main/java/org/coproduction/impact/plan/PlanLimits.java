package org.coproduction.impact.plan;

/** How big a plan and its texts may be: generous for real projects, bounded for safety. */
public final class PlanLimits {

    public static final int MAX_ROWS_PER_OUTCOME = 20;
    public static final int MAX_ROWS = 500;
    public static final int MAX_WAYS_PER_ROW = 12;
    public static final int TEXT = 1000;
    public static final int SHORT_TEXT = 200;
    public static final int WHEN_WHO = 300;
    public static final int COMMENT = 1000;

    private PlanLimits() {}
}
