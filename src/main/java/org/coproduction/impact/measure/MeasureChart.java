package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A measure's values over time as columns, oldest on the left, for a small chart beside the table of
 * values (never instead of it). Heights are in a 0-100 box: a percentage against 100%, anything else
 * against the largest value. Only drawn for two values or more, none of them below zero.
 */
public record MeasureChart(List<Column> columns, Point first, Point last) {

    /** The most recent values drawn; older ones stay in the table. */
    public static final int MOST = 24;

    public record Column(LocalDate on, String value, int height) {}

    public record Point(LocalDate on, String value) {}

    public MeasureChart {
        columns = List.copyOf(columns);
    }

    /** The chart of these values (in any order), or empty when there is nothing to compare. */
    public static Optional<MeasureChart> of(List<DataPoint> points, MeasureKind kind) {
        List<DataPoint> drawn = points.stream()
                .sorted(Comparator.comparing(DataPoint::observedOn).thenComparing(DataPoint::createdAt))
                .toList();
        drawn = drawn.subList(Math.max(0, drawn.size() - MOST), drawn.size());
        if (drawn.size() < 2 || drawn.stream().anyMatch(p -> p.value().signum() < 0)) {
            return Optional.empty();
        }
        BigDecimal top = kind == MeasureKind.PERCENTAGE ? BigDecimal.valueOf(100)
                : drawn.stream().map(DataPoint::value).max(Comparator.naturalOrder()).orElseThrow();
        List<Column> columns = drawn.stream()
                .map(p -> new Column(p.observedOn(), p.valueText(kind), height(p.value(), top)))
                .toList();
        DataPoint first = drawn.getFirst();
        DataPoint last = drawn.getLast();
        return Optional.of(new MeasureChart(columns, new Point(first.observedOn(), first.valueText(kind)),
                new Point(last.observedOn(), last.valueText(kind))));
    }

    private static int height(BigDecimal value, BigDecimal top) {
        if (top.signum() == 0) {
            return 0;
        }
        int h = value.multiply(BigDecimal.valueOf(100)).divide(top, MathContext.DECIMAL64).setScale(0, java.math.RoundingMode.HALF_UP)
                .intValue();
        return Math.max(0, Math.min(100, h));
    }

    /** Where column {@code i} starts across the 0-100 box (columns take seven tenths of their slot). */
    public String x(int i) {
        double slot = 100.0 / columns.size();
        return number(i * slot + slot * 0.15);
    }

    /** How wide each column is in the 0-100 box. */
    public String width() {
        return number(100.0 / columns.size() * 0.7);
    }

    private static String number(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
