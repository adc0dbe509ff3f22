package org.coproduction.impact.measure;

import java.math.BigDecimal;

/** How big things may be. */
public final class MeasureLimits {

    public static final int NAME = 200;
    public static final int NOTE = 1000;
    /** Largest CSV file read for import. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** Most rows in one CSV file. */
    public static final int MAX_ROWS = 200_000;
    /** Values must be smaller than this, either way. */
    public static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    /** Most decimal places kept. */
    public static final int MAX_SCALE = 6;
    /** Points shown on a measure's page, latest first. */
    public static final int POINTS_SHOWN = 500;

    private MeasureLimits() {}
}
