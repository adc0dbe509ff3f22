package org.coproduction.impact.assessment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.Direction;
import org.coproduction.impact.assessment.EvidenceDirections;
import org.coproduction.impact.assessment.MeasureFigures;
import org.coproduction.impact.assessment.ScaleFigures;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.web.Ui;

/**
 * The summary's figures in words. Every figure names the number of people behind it; under
 * {@link ScaleFigures#SMALL} people it is a count ("3 of 4 people"), never a percentage.
 */
public final class SummaryWords {

    private SummaryWords() {}

    public static String answered(int people) {
        return Ui.t("assessment.figure.answered", people);
    }

    /** "4 of 12 people (33%)", or under five people "3 of 4 people". */
    public static String share(ScaleFigures.Share share) {
        Integer percent = share.percent();
        return percent == null ? Ui.t("assessment.figure.count", share.count(), share.of())
                : Ui.t("assessment.figure.percent", share.count(), share.of(), percent);
    }

    public static String types(List<EvidenceType> types) {
        return types.stream().map(t -> Ui.t(t.messageKey())).collect(Collectors.joining(", "));
    }

    /** Triangulation, plainly: how many types of evidence there are and how many point the same way. */
    public static List<String> triangulation(EvidenceDirections d) {
        if (d.types() == 0) {
            return List.of(Ui.t("assessment.triangulation.none"));
        }
        List<EvidenceType> towards = d.pointing(Direction.TOWARDS);
        List<EvidenceType> away = d.pointing(Direction.AWAY);
        List<EvidenceType> mixed = d.pointing(Direction.MIXED);
        List<EvidenceType> toRead = d.pointing(Direction.TO_READ);
        List<String> lines = new java.util.ArrayList<>();
        lines.add(Ui.t("assessment.triangulation.types", d.types()));
        lines.add(towards.isEmpty() ? Ui.t("assessment.triangulation.towards.none")
                : Ui.t("assessment.triangulation.towards", towards.size(), types(towards)));
        if (!away.isEmpty()) {
            lines.add(Ui.t("assessment.triangulation.away", away.size(), types(away)));
        }
        if (!mixed.isEmpty()) {
            lines.add(Ui.t("assessment.triangulation.mixed", mixed.size(), types(mixed)));
        }
        if (!toRead.isEmpty()) {
            lines.add(Ui.t("assessment.triangulation.to-read", toRead.size(), types(toRead)));
        }
        return lines;
    }

    public static String number(BigDecimal d) {
        return MeasureFigures.plain(d);
    }

    /** The signed change, "up 4", "down 2" or "no change". */
    public static String change(BigDecimal d) {
        return d.signum() > 0 ? Ui.t("assessment.measure.up", number(d)) : d.signum() < 0 ? Ui.t("assessment.measure.down", number(d.negate()))
                : Ui.t("assessment.measure.same");
    }
}
