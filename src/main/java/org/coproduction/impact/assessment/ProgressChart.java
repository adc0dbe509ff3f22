package org.coproduction.impact.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An outcome's judgements over closed rounds as columns, oldest on the left, for a small chart above the
 * same judgements in words (never instead of them). A column's height is the judgement's level: not
 * achieved is a stub, achieved the full height. Drawn like the measure chart (inline SVG, no script).
 */
public record ProgressChart(List<Column> columns) {

    /** The most recent judgements drawn; all of them stay in the words below. */
    public static final int MOST = 12;

    public record Column(Judgement judgement, int height) {}

    public ProgressChart {
        columns = List.copyOf(columns);
    }

    /** The chart of these judgements (oldest first), or empty with none. */
    public static Optional<ProgressChart> of(List<OutcomeJudgement> judgements) {
        if (judgements.isEmpty()) {
            return Optional.empty();
        }
        List<OutcomeJudgement> drawn = judgements.subList(Math.max(0, judgements.size() - MOST), judgements.size());
        return Optional.of(new ProgressChart(drawn.stream().map(j -> new Column(j.judgement(), height(j.judgement()))).toList()));
    }

    /** Height in a 0-100 box: 10 for not achieved, then 40, 70 and 100. */
    static int height(Judgement j) {
        return 10 + 30 * j.level();
    }

    /** Where column {@code i} starts across the 0-100 box (columns take seven tenths of their slot). */
    public String x(int i) {
        double slot = 100.0 / columns.size();
        return String.format(Locale.ROOT, "%.2f", i * slot + slot * 0.15);
    }

    public String width() {
        return String.format(Locale.ROOT, "%.2f", 100.0 / columns.size() * 0.7);
    }
}
