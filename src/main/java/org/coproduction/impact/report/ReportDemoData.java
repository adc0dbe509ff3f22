package org.coproduction.impact.report;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo day centre's impact report, made from its closed spring review and published for funders,
 * so the demo viewer has a report to read and the demo member sees its easy-read summary first. It
 * runs after the other demos' data is committed, because a snapshot reads their evidence.
 */
@Component
class ReportDemoData {

    private final ProjectService projects;
    private final ReportService reports;

    ReportDemoData(ProjectService projects, ReportService reports) {
        this.projects = projects;
        this.reports = reports;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void addReport(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        if (facilitator == null) {
            return;
        }
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            List<ReviewRound> closed = reports.closedRounds(tenant, project.id());
            if (closed.isEmpty() || !reports.reports(tenant, project.id()).isEmpty()) {
                continue;
            }
            ReviewRound round = closed.getFirst();
            if (!(reports.create(tenant, project.id(), round.id(), ReportKind.IMPACT, "What changed by spring 2026")
                    instanceof ReportResult.Saved saved)) {
                continue;
            }
            ReviewReport draft = reports.report(tenant, project.id(), saved.id());
            List<String> stories = reports.storyOptions(tenant, project.id(), draft).stream().map(i -> i.source() + ":" + i.id()).toList();
            reports.update(tenant, project.id(), saved.id(), draft.version(), draft.title(), draft.audience(), new ReportWords(
                    "The day centre now has a steering group of people who use it, and it meets every month. The activities have not"
                            + " changed yet: the group is halfway through its wish list.",
                    "Members chair the steering group in turn and say it is theirs. They will help decide the new timetable.",
                    null, null,
                    "Finish the wish list with the group and bring a new timetable to the next review, in December 2026.",
                    "We have a steering group. It is ours.",
                    "We will change the timetable together."), stories.size() > ReportService.MAX_STORIES
                            ? stories.subList(0, ReportService.MAX_STORIES) : stories);
            reports.publish(tenant, project.id(), saved.id(), reports.report(tenant, project.id(), saved.id()).version());
        }
    }
}
