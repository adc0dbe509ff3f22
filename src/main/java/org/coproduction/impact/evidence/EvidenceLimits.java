package org.coproduction.impact.evidence;

/** How long the list and its texts may be: generous for real organisations, bounded for safety. */
public final class EvidenceLimits {

    public static final int MAX_WAYS = 200;
    public static final int MAX_REVIEWS = 200;
    public static final int NAME = 120;
    public static final int TEXT = 1000;
    public static final int WHO_AGREED = 500;

    private EvidenceLimits() {}
}
