package org.coproduction.impact.overview;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * One figure month by month as columns in a 0-100 box, oldest on the left, drawn as inline SVG beside a
 * table of the same numbers (never instead of them): one series a chart, so nothing depends on colour.
 * The tallest month fills the box; a month with none has no column.
 */
public record MonthChart(List<Long> values, long most) {

    public MonthChart {
        values = List.copyOf(values);
    }

    public static MonthChart of(List<MonthFigures> months, ToLongFunction<MonthFigures> figure) {
        List<Long> values = months.stream().map(figure::applyAsLong).toList();
        return new MonthChart(values, values.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    public boolean empty() {
        return most == 0;
    }

    public int size() {
        return values.size();
    }

    /** Height of month {@code i}, out of 100: at least 2 when it has any, so a small month still shows. */
    public String height(int i) {
        long v = values.get(i);
        if (most == 0 || v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.2f", Math.max(2.0, 100.0 * v / most));
    }

    public String y(int i) {
        return String.format(Locale.ROOT, "%.2f", 100.0 - Double.parseDouble(height(i)));
    }

    /** Where column {@code i} starts across the box (columns take seven tenths of their slot). */
    public String x(int i) {
        double slot = 100.0 / values.size();
        return String.format(Locale.ROOT, "%.2f", i * slot + slot * 0.15);
    }

    public String width() {
        return String.format(Locale.ROOT, "%.2f", 100.0 / values.size() * 0.7);
    }
}
