package org.coproduction.impact.pathway;

/** How big a pathway and its texts may be: generous for real projects, bounded for safety. */
public final class PathwayLimits {

    public static final int MAX_OUTCOMES = 200;
    public static final int MAX_ACTIVITIES = 400;
    public static final int MAX_STATEMENTS = 200;
    public static final int TITLE = 300;
    public static final int LONG_TEXT = 2000;
    public static final int HOW_WE_WILL_KNOW = 1000;
    public static final int WHO = 500;
    public static final int STATEMENT = 500;

    private PathwayLimits() {}
}
