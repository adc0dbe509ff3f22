package org.coproduction.impact.involvement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.report.ReportContribution;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.Snapshot;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.together.AssessmentResults;
import org.coproduction.impact.together.Comparison.PrincipleRow;
import org.coproduction.impact.together.Rung;
import org.coproduction.impact.together.SelfAssessment;
import org.coproduction.impact.together.SelfAssessmentService;
import org.coproduction.impact.together.Side;
import org.coproduction.impact.together.TogetherWords;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "How we worked together" in impact and learning reports (SCIE: evaluate how well co-production
 * was done, not only what it achieved): the latest self-assessment (members' and staff's views per
 * principle in words, and where each side put the project on the ladder), the reciprocity ledger
 * (what was given, median days from offer to payment) and who took part, with the same suppression
 * as the who-took-part page (a group under 5 is "fewer than 5", figures that would give it away are
 * not shown, no individual ever). Frozen with the report when it is published, like every section.
 */
@Component
@Order(0)
class WorkedTogetherInReports implements ReportContribution {

    private final SelfAssessmentService selfAssessments;
    private final InvolvementService involvement;

    WorkedTogetherInReports(SelfAssessmentService selfAssessments, InvolvementService involvement) {
        this.selfAssessments = selfAssessments;
        this.involvement = involvement;
    }

    @Override
    public List<Snapshot.Contribution> sections(Tenant tenant, UUID projectId, UUID roundId, ReportKind kind) {
        List<String> paragraphs = new ArrayList<>();
        selfAssessment(tenant, projectId, paragraphs);
        reciprocity(tenant, projectId, paragraphs);
        whoTookPart(tenant, projectId, paragraphs);
        if (paragraphs.isEmpty()) {
            return List.of();
        }
        return List.of(new Snapshot.Contribution(Ui.t("access.report.heading"), paragraphs));
    }

    private void selfAssessment(Tenant tenant, UUID projectId, List<String> paragraphs) {
        List<SelfAssessment> rounds = selfAssessments.rounds(tenant, projectId);
        // The latest round anyone answered.
        for (int i = rounds.size() - 1; i >= 0; i--) {
            AssessmentResults r = selfAssessments.results(tenant, projectId, rounds.get(i).id());
            if (r.respondents(Side.MEMBERS) + r.respondents(Side.STAFF) == 0) {
                continue;
            }
            paragraphs.add(Ui.t("access.report.assessment", r.round().title(), r.respondents(Side.MEMBERS), r.respondents(Side.STAFF)));
            for (PrincipleRow row : r.comparison().principles()) {
                paragraphs.add(Ui.t("access.report.principle", Ui.t(row.principle().messageKey()), view(row.members()), view(row.staff())));
            }
            Rung members = r.ladder().middle(Side.MEMBERS);
            Rung staff = r.ladder().middle(Side.STAFF);
            if (members != null || staff != null) {
                paragraphs.add(Ui.t("access.report.ladder", rung(members), rung(staff)));
            }
            return;
        }
    }

    /** A side's mean in words ("mostly (3.2)"), or that no one answered. */
    static String view(@Nullable BigDecimal mean) {
        if (mean == null) {
            return Ui.t("access.report.no-answers");
        }
        int nearest = Math.max(1, Math.min(4, mean.setScale(0, RoundingMode.HALF_UP).intValue()));
        return Ui.t("access.report.view", Ui.t(TogetherWords.scale(nearest)), mean.setScale(1, RoundingMode.HALF_UP).toPlainString());
    }

    private static String rung(@Nullable Rung rung) {
        return rung == null ? Ui.t("access.report.no-answers") : Ui.t(rung.messageKey());
    }

    private void reciprocity(Tenant tenant, UUID projectId, List<String> paragraphs) {
        Reciprocity ledger = involvement.reciprocity(tenant, projectId);
        if (ledger.entries().isEmpty()) {
            return;
        }
        Map<ReciprocityKind, Integer> given = new EnumMap<>(ReciprocityKind.class);
        ledger.entries().stream().filter(e -> e.givenOn() != null).forEach(e -> given.merge(e.kind(), 1, Integer::sum));
        Reciprocity.Summary s = ledger.summary();
        List<String> what = new ArrayList<>();
        given.forEach((k, n) -> what.add(Ui.t("access.report.given.kind", Ui.t(k.messageKey()), n)));
        paragraphs.add(Ui.t("access.report.given", s.given(), s.entries(), what.isEmpty() ? Ui.t("access.report.nothing-given") : String.join("; ", what),
                Reciprocity.pounds(s.moneyGivenPence())));
        Long median = medianDaysToPayment(ledger);
        if (median != null) {
            paragraphs.add(Ui.t("access.report.median", median));
        }
    }

    /** The median days from offered to given over payments given (the lower middle when even); null when none. */
    static @Nullable Long medianDaysToPayment(Reciprocity ledger) {
        List<Long> days = ledger.entries().stream().filter(e -> e.kind() == ReciprocityKind.PAYMENT).map(Reciprocity.Entry::days)
                .filter(d -> d != null).sorted().toList();
        return days.isEmpty() ? null : days.get((days.size() - 1) / 2);
    }

    private void whoTookPart(Tenant tenant, UUID projectId, List<String> paragraphs) {
        Comparison c = involvement.comparison(tenant, projectId);
        if (c.people() == 0) {
            return;
        }
        if (c.peopleHidden()) {
            paragraphs.add(Ui.t("access.report.people.hidden"));
            return;
        }
        paragraphs.add(Ui.t("access.report.people", c.people()));
        for (Comparison.PartRow part : c.parts()) {
            if (part.withheld()) {
                continue;
            }
            List<String> groups = new ArrayList<>();
            for (Comparison.GroupRow g : part.groups()) {
                if (g.tookPart().hidden() || g.tookPart().count() > 0) {
                    groups.add(Ui.t("access.report.group", Ui.t("involvement.group." + part.part().slug() + "." + g.group()), cell(g.tookPart())));
                }
            }
            if (!groups.isEmpty()) {
                paragraphs.add(Ui.t("access.report.part", Ui.t(part.part().messageKey()), String.join("; ", groups)));
            }
        }
    }

    private static String cell(Comparison.Cell cell) {
        if (!cell.hidden()) {
            return String.valueOf(cell.count());
        }
        return cell.fewerThan5() ? Ui.t("involvement.fewer-than-5") : Ui.t("involvement.not-shown");
    }
}
