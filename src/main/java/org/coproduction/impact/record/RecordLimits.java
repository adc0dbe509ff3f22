package org.coproduction.impact.record;

/** Sizes the forms and the database agree on. */
public final class RecordLimits {

    private RecordLimits() {}

    public static final int TITLE = 200;
    public static final int SHORT_TEXT = 300;
    public static final int NAME = 200;
    public static final int BODY = 10_000;
    public static final int STORY_PART = 5_000;
    public static final int THEME = 60;
    public static final int MAX_THEMES_PER_ITEM = 10;
    public static final int MAX_OTHERS = 100_000;
    /** How far back a date may go: an old diary typed in now is fine, a typo of a century is not. */
    public static final int MAX_YEARS_BACK = 20;
}
