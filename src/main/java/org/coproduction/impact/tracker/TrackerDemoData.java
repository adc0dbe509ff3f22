package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo day centre's action tracker: the steering group recruited and its terms of reference
 * agreed (two milestones, done, with what shows it), the timetable review under way, a leaflet
 * overdue, and a progress report to the council for the spring. Tasks are tagged to outcomes (not
 * plan rows), so this needs only the pathway's demo, which runs before any listener at commit.
 */
@Component
class TrackerDemoData {

    private final ProjectService projects;
    private final TrackerService tracker;

    TrackerDemoData(ProjectService projects, TrackerService tracker) {
        this.projects = projects;
        this.tracker = tracker;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void addTracker(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        UUID member = demo.people().get(Role.MEMBER);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            if (tracker.tasks(tenant, project.id()).isEmpty()) {
                fill(tenant, tracker.plan(tenant, project.id()), facilitator, member);
            }
        }
    }

    private void fill(Tenant tenant, Plan plan, UUID facilitator, @Nullable UUID member) {
        UUID projectId = plan.project().id();
        Set<UUID> steering = outcome(plan, "A co-production steering group is formed");
        Set<UUID> activities = outcome(plan, "The centre’s activities and staffing reflect what people asked for");
        Set<UUID> leaflets = outcome(plan, "Easy-read information about the centre is written with the group");

        UUID recruit = add(tenant, projectId, new TaskDraft("Invite people who use the centre to join the steering group", facilitator, null,
                LocalDate.of(2026, 2, 6), true, steering, Set.of()));
        done(tenant, projectId, recruit, LocalDate.of(2026, 2, 5),
                "Five people who use the centre, two carers, the centre manager and the facilitator said yes. The invitation was in easy read, and staff talked it through with anyone who asked.");
        UUID terms = add(tenant, projectId, new TaskDraft("Agree the steering group’s terms of reference", facilitator, null,
                LocalDate.of(2026, 3, 1), true, steering, Set.of()));
        done(tenant, projectId, terms, LocalDate.of(2026, 2, 23),
                "Steering group formed; terms of reference agreed at its second meeting, in an easy-read version every member signed.");
        UUID hall = add(tenant, projectId, new TaskDraft("Book the community hall for the open day", null, "Sam at the community centre",
                LocalDate.of(2026, 4, 30), false, Set.of(), Set.of()));
        done(tenant, projectId, hall, LocalDate.of(2026, 4, 14), "Hall booked for Saturday 16 May, with the ramp and hearing loop.");
        UUID timetable = add(tenant, projectId, new TaskDraft("Check the activity timetable against the group’s wish list",
                member != null ? member : facilitator, null, LocalDate.of(2027, 1, 29), true, activities, Set.of()));
        Task t = tracker.task(tenant, projectId, timetable);
        tracker.changeStatus(tenant, projectId, timetable, t.version(), TaskStatus.IN_PROGRESS, null,
                "The group has gone through half of the wish list.", null);
        add(tenant, projectId, new TaskDraft("Get the group to sign off the easy-read leaflet", facilitator, null,
                LocalDate.of(2026, 9, 15), true, leaflets, Set.of()));

        tracker.addReport(tenant, projectId, new ReportDraft("Progress report to the council: February to April 2026",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30), ConsentUse.FUNDER_REPORTS,
                "Evening meetings were hard to get to without transport, so the group moved them to Tuesday afternoons.",
                "Two members may move to supported living further away this summer; the group wants to keep them involved online or by phone.",
                steering, List.of(recruit, terms), List.of()));
    }

    private static Set<UUID> outcome(Plan plan, String titleStart) {
        Optional<Outcome> found = plan.pathway().currentOutcomes().stream().filter(o -> o.title().startsWith(titleStart)).findFirst();
        return found.map(o -> Set.of(o.id())).orElse(Set.of());
    }

    private UUID add(Tenant tenant, UUID projectId, TaskDraft draft) {
        return ((TrackerResult.Saved) tracker.addTask(tenant, projectId, draft)).id();
    }

    private void done(Tenant tenant, UUID projectId, UUID taskId, LocalDate on, String note) {
        Task t = tracker.task(tenant, projectId, taskId);
        tracker.changeStatus(tenant, projectId, taskId, t.version(), TaskStatus.DONE, on, note, null);
    }
}
