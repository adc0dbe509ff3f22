package org.coproduction.impact.together;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The geometry of the side-by-side chart: per principle a members' bar (filled) and a staff bar
 * (outlined, dashed), each as long as its mean on the four-point scale and labelled with it, so the
 * two are told apart by shape and words, never by colour.
 */
public record ResultsChart(List<Bar> bars, int width, int height, int left, int bar) {

    private static final int SCALE = 220;
    private static final int ROW = 84;

    /**
     * @param label the principle's message key, on its first bar only
     * @param members a members' bar (filled) or a staff bar (outlined)
     */
    public record Bar(@Nullable String label, boolean members, @Nullable BigDecimal value, int y, int length) {

        /** The bar's words: its figure, or that nobody on that side has answered (never a misleading 0). */
        public String words() {
            if (value == null) {
                return Ui.t(members ? "together.results.chart.members.none" : "together.results.chart.staff.none");
            }
            return Ui.t(members ? "together.results.chart.members" : "together.results.chart.staff", value.toPlainString());
        }
    }

    public ResultsChart {
        bars = List.copyOf(bars);
    }

    public static ResultsChart of(Comparison c) {
        List<Bar> bars = new ArrayList<>();
        int y = 20;
        for (Comparison.PrincipleRow row : c.principles()) {
            BigDecimal m = row.members();
            BigDecimal s = row.staff();
            bars.add(new Bar(row.principle().messageKey(), true, m, y, m == null ? 0 : length(m)));
            bars.add(new Bar(null, false, s, y + 26, s == null ? 0 : length(s)));
            y += ROW;
        }
        return new ResultsChart(bars, 360, y - 10, 0, 20);
    }

    /** A mean of 4 (always) fills the scale; nothing answered draws no bar. */
    static int length(BigDecimal mean) {
        return mean.multiply(BigDecimal.valueOf(SCALE)).divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.HALF_UP).intValue();
    }

    /** A change as people read it: "+0.5", "−1.0", "no change", or "not known" when either round has no answer. */
    public static String change(@Nullable BigDecimal change) {
        if (change == null) {
            return Ui.t("together.results.change.unknown");
        }
        int sign = change.signum();
        if (sign == 0) {
            return Ui.t("together.results.change.none");
        }
        return (sign > 0 ? "+" : "−") + change.abs().toPlainString();
    }
}
