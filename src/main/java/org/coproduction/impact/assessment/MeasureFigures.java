package org.coproduction.impact.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.impact.measure.DataPoint;
import org.coproduction.impact.measure.Measure;
import org.jspecify.annotations.Nullable;

/**
 * A measure in a round's period: its first and latest value, the change between them, and the latest
 * value against the plan row's baseline and target where those are numbers ("12 people" reads as 12).
 *
 * @param first the earliest value in the period; null when the period has none
 * @param latest the latest value in the period; null when the period has none
 * @param values how many values the period has
 */
public record MeasureFigures(Measure measure, @Nullable DataPoint first, @Nullable DataPoint latest, int values,
        @Nullable BigDecimal baseline, @Nullable BigDecimal target) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** The measure's values between {@code from} (null: from the start) and {@code to}, with a row's baseline and target as written. */
    public static MeasureFigures of(Measure measure, List<DataPoint> points, @Nullable LocalDate from, LocalDate to,
            @Nullable String baseline, @Nullable String target) {
        List<DataPoint> inPeriod = points.stream()
                .filter(p -> !p.observedOn().isAfter(to) && (from == null || !p.observedOn().isBefore(from)))
                .sorted(Comparator.comparing(DataPoint::observedOn).thenComparing(DataPoint::createdAt))
                .toList();
        return new MeasureFigures(measure, inPeriod.isEmpty() ? null : inPeriod.getFirst(), inPeriod.isEmpty() ? null : inPeriod.getLast(),
                inPeriod.size(), number(baseline), number(target));
    }

    /** The first number written in the text, if any. */
    static @Nullable BigDecimal number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text.replace(",", ""));
        return m.find() ? new BigDecimal(m.group()) : null;
    }

    /** Latest minus first, in the period; null with fewer than two values. */
    public @Nullable BigDecimal change() {
        return first == null || latest == null || values < 2 ? null : latest.value().subtract(first.value());
    }

    /** Latest minus baseline; null without both. */
    public @Nullable BigDecimal sinceBaseline() {
        return latest == null || baseline == null ? null : latest.value().subtract(baseline);
    }

    /** Target minus latest (what is still to go); null without both. */
    public @Nullable BigDecimal toTarget() {
        return latest == null || target == null ? null : target.subtract(latest.value());
    }

    /** Whether the latest value has reached the target, in the direction from the baseline (or upwards without one). */
    public boolean targetReached() {
        BigDecimal toGo = toTarget();
        if (toGo == null) {
            return false;
        }
        int way = baseline != null && target != null && target.compareTo(baseline) < 0 ? -1 : 1;
        return toGo.signum() * way <= 0;
    }

    /**
     * Which way the measure points: with a baseline and a target, whether the latest value has moved from the
     * baseline towards the target; with a target only, whether the period's values moved towards it.
     * Without a target the figures cannot say which way is better.
     */
    public Direction direction() {
        if (latest == null || target == null) {
            return Direction.TO_READ;
        }
        BigDecimal start = baseline != null ? baseline : first == null || values < 2 ? null : first.value();
        if (start == null || target.compareTo(start) == 0) {
            return Direction.TO_READ;
        }
        int way = target.compareTo(start);
        int moved = latest.value().compareTo(start) * way;
        return moved > 0 ? Direction.TOWARDS : moved < 0 ? Direction.AWAY : Direction.MIXED;
    }

    public static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
