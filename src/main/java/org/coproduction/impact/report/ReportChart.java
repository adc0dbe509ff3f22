package org.coproduction.impact.report;

import java.util.List;
import java.util.Locale;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.web.util.HtmlUtils;

/**
 * The chart of a report's judgements: one bar per outcome, longer the nearer it is to achieved, each
 * labelled with its number and the judgement in words (nothing is told by colour alone). The same SVG
 * goes on the page and into the PDF; it has a title and a description, and the page and the PDF set
 * a table of the same numbers beside it.
 */
public final class ReportChart {

    private static final int ROW = 28;
    private static final int LABEL = 40;
    private static final int BAR = 300;
    private static final int WIDTH = 640;

    private ReportChart() {}

    /** Where a judgement sits on the chart: 0 none recorded, then 1 (not achieved) to 4 (achieved). */
    public static int score(Snapshot.OutcomePart o) {
        return o.judgement() == null ? 0 : o.judgement().level() + 1;
    }

    /** The judgement in easy words, for the easy-read summary. */
    public static String easyKey(Snapshot.OutcomePart o) {
        if (o.judgement() == null) {
            return "report.easy.changed.none";
        }
        return switch (o.judgement()) {
            case ACHIEVED -> "report.easy.changed.achieved";
            case PARTLY -> "report.easy.changed.partly";
            case NOT_YET -> "report.easy.changed.not-yet";
            case NOT_ACHIEVED -> "report.easy.changed.not-achieved";
        };
    }

    public static String svg(String id, List<Snapshot.OutcomePart> outcomes) {
        String title = Ui.t("report.chart.title");
        String desc = Ui.t("report.chart.description", outcomes.size());
        int height = Math.max(1, outcomes.size()) * ROW + 10;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-report-chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " aria-labelledby=\"%s-title %s-desc\" alt=\"%s\">",
                WIDTH, height, WIDTH, height, id, id, esc(title + ". " + desc)));
        s.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"").append(id).append("-desc\">").append(esc(desc)).append("</desc>");
        for (int i = 0; i < outcomes.size(); i++) {
            Snapshot.OutcomePart o = outcomes.get(i);
            int y = i * ROW + 5;
            int width = BAR * score(o) / 4;
            String words = o.judgement() == null ? Ui.t("report.judgement.none") : Ui.t(o.judgement().messageKey());
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"14\" fill=\"#0b0c0c\">%d</text>", y + 17, i + 1));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#3b1f5e\" stroke=\"#0b0c0c\"/>",
                    LABEL, y + 2, Math.max(width, 2)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#0b0c0c\">%s</text>", LABEL + BAR + 10, y + 17,
                    esc(words)));
        }
        s.append("</svg>");
        return s.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
