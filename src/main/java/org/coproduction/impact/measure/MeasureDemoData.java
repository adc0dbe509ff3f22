package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ten months of numbers for the demo's day-centre project: regular visitors a month (from the
 * attendance sheet) and first visits a month (from reception), each tagged to its outcome and to the
 * plan's quantitative row for it (the plan's demo runs first: {@code PlanDemoData} is ordered first).
 */
@Component
class MeasureDemoData {

    private record Series(String name, String outcomeStart, MeasureKind kind, int[] values, String note) {}

    private static final List<Series> SERIES = List.of(
            new Series("Regular visitors a month", "More people with learning disabilities use the day centre", MeasureKind.COUNT,
                    new int[] {22, 24, 25, 27, 30, 31, 33, 34, 36, 38}, "From the attendance sheet"),
            new Series("First visits a month", "Local people know about the day centre", MeasureKind.COUNT,
                    new int[] {4, 5, 4, 7, 9, 8, 10, 9, 11, 12}, "Counted by reception"));

    private final ProjectService projects;
    private final MeasureService measures;

    MeasureDemoData(ProjectService projects, MeasureService measures) {
        this.projects = projects;
        this.measures = measures;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void addData(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            if (measures.measures(tenant, project.id()).isEmpty()) {
                fill(tenant, project.id());
            }
        }
    }

    private void fill(Tenant tenant, UUID projectId) {
        List<Outcome> outcomes = measures.outcomes(tenant, projectId);
        Plan plan = measures.plan(tenant, projectId);
        LocalDate firstOfThisMonth = LocalDate.now().withDayOfMonth(1);
        for (Series s : SERIES) {
            List<Outcome> tagged = outcomes.stream().filter(o -> o.title().startsWith(s.outcomeStart())).toList();
            if (tagged.isEmpty()) {
                continue;
            }
            for (int i = 0; i < s.values().length; i++) {
                LocalDate on = firstOfThisMonth.minusMonths(s.values().length - i);
                measures.addPoint(tenant, projectId, new MeasureService.PointDraft(s.name(), s.kind(), BigDecimal.valueOf(s.values()[i]), on,
                        i == 0 ? s.note() : null));
            }
            Measure m = measures.measures(tenant, projectId).stream().filter(x -> x.name().equals(s.name())).findFirst().orElseThrow();
            List<UUID> rows = plan.currentRows().stream()
                    .filter(r -> r.type() == EvidenceType.QUANTITATIVE && tagged.stream().anyMatch(o -> o.id().equals(r.outcomeId())))
                    .map(PlanRow::id).toList();
            measures.updateMeasure(tenant, projectId, m.id(), m.version(), m.name(), m.kind(), tagged.stream().map(Outcome::id).toList(), rows);
        }
    }
}
