package org.coproduction.impact.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.Direction;
import org.coproduction.impact.assessment.EvidenceDirections;
import org.coproduction.impact.assessment.MeasureFigures;
import org.coproduction.impact.assessment.Movement;
import org.coproduction.impact.assessment.OutcomeSummary;
import org.coproduction.impact.assessment.ScaleFigures;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.web.Ui;

/**
 * An outcome's evidence summary in words, as frozen in a published report: the same honest figures
 * the review showed (every figure names the people behind it; under five people a count, never a
 * percentage), each plan row's "success looks like" first, then which way the evidence points.
 */
final class FigureWords {

    private FigureWords() {}

    static List<String> of(OutcomeSummary summary) {
        List<String> lines = new ArrayList<>();
        for (OutcomeSummary.RowEvidence row : summary.rows()) {
            if (row.row() != null && !row.empty()) {
                lines.add(Ui.t("report.figure.success", row.row().successLooksLike()));
            }
            lines.addAll(row(row));
        }
        lines.addAll(row(summary.outcomeOnly()));
        lines.addAll(triangulation(summary.directions()));
        return lines;
    }

    private static List<String> row(OutcomeSummary.RowEvidence row) {
        List<String> lines = new ArrayList<>();
        for (OutcomeSummary.QuestionEvidence q : row.questions()) {
            String asked = q.asked().question().text();
            if (q.movement() != null) {
                Movement m = q.movement();
                lines.add(Ui.t("report.figure.movement", asked, Ui.t("assessment.movement.paired", m.paired()),
                        Ui.t("assessment.movement.up", share(m.upShare())), Ui.t("assessment.movement.same", share(m.sameShare())),
                        Ui.t("assessment.movement.down", share(m.downShare()))));
            } else if (q.figures() != null) {
                ScaleFigures f = q.figures();
                String positive = f.positive() == null ? "" : " " + Ui.t("assessment.figure.positive", share(f.positive())) + ".";
                lines.add(Ui.t("report.figure.question", asked, Ui.t("assessment.figure.answered", f.answered())) + positive);
            }
        }
        for (MeasureFigures m : row.measures()) {
            lines.add(m.latest() == null ? Ui.t("report.figure.measure.none", m.measure().name())
                    : Ui.t("report.figure.measure", m.measure().name(), m.latest().valueText(m.measure().kind()), Ui.day(m.latest().observedOn()),
                            m.change() == null ? Ui.t("assessment.measure.same") : change(m.change())));
        }
        if (row.withheld() > 0) {
            lines.add(Ui.t("report.figure.withheld", row.withheld()));
        }
        return lines;
    }

    static String share(ScaleFigures.Share share) {
        Integer percent = share.percent();
        return percent == null ? Ui.t("assessment.figure.count", share.count(), share.of())
                : Ui.t("assessment.figure.percent", share.count(), share.of(), percent);
    }

    private static String change(BigDecimal d) {
        return d.signum() > 0 ? Ui.t("assessment.measure.up", MeasureFigures.plain(d))
                : d.signum() < 0 ? Ui.t("assessment.measure.down", MeasureFigures.plain(d.negate())) : Ui.t("assessment.measure.same");
    }

    private static List<String> triangulation(EvidenceDirections d) {
        if (d.types() == 0) {
            return List.of(Ui.t("assessment.triangulation.none"));
        }
        List<EvidenceType> towards = d.pointing(Direction.TOWARDS);
        List<EvidenceType> away = d.pointing(Direction.AWAY);
        List<String> lines = new ArrayList<>();
        lines.add(Ui.t("assessment.triangulation.types", d.types()));
        lines.add(towards.isEmpty() ? Ui.t("assessment.triangulation.towards.none")
                : Ui.t("assessment.triangulation.towards", towards.size(), types(towards)));
        if (!away.isEmpty()) {
            lines.add(Ui.t("assessment.triangulation.away", away.size(), types(away)));
        }
        return lines;
    }

    private static String types(List<EvidenceType> types) {
        return types.stream().map(t -> Ui.t(t.messageKey())).collect(Collectors.joining(", "));
    }
}
