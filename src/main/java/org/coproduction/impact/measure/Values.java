package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reading the numbers and dates people type or export from other systems. */
public final class Values {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Values() {}

    /** A date written as day/month/year (31/01/2026) or year-month-day (2026-01-31); null otherwise. */
    static @Nullable LocalDate date(String text) {
        String s = text.strip();
        try {
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(s, UK);
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s, ISO);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** A number such as 12, 12.5, -3, 1,234 or 45%; null when it is not one. */
    public static @Nullable BigDecimal number(String text) {
        String s = text.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        try {
            return new BigDecimal(s).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the number can be kept as it is: not too large, not too many decimal places. */
    public static boolean inRange(BigDecimal value) {
        return value.abs().compareTo(MeasureLimits.MAX_VALUE) < 0 && value.scale() <= MeasureLimits.MAX_SCALE;
    }

    /** The same number, written the same way however it was typed (for finding duplicates). */
    static String key(String measureName, LocalDate date, BigDecimal value) {
        return measureName.strip().toLowerCase(java.util.Locale.ROOT) + "|" + date + "|" + value.stripTrailingZeros().toPlainString();
    }

    /** The number as people write it: no trailing zeros, no exponent. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
