package org.coproduction.impact.tracker;

/** How long texts may be and how many things a project may hold: generous, bounded for safety. */
public final class TrackerLimits {

    public static final int TITLE = 200;
    public static final int OWNER_NAME = 120;
    public static final int NOTE = 2000;
    public static final int REPORT_TEXT = 5000;
    public static final int MAX_TASKS = 500;
    public static final int MAX_REPORTS = 200;
    public static final int MAX_TAGS = 100;
    public static final int MAX_CHOSEN = 200;

    private TrackerLimits() {}
}
