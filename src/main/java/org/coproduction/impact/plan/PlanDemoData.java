package org.coproduction.impact.plan;

import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_RATINGS;
import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_VOICES;
import static org.coproduction.impact.evidence.EvidenceType.QUANTITATIVE;
import static org.coproduction.impact.evidence.EvidenceType.TASKS_COMPLETED;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.WayOfCollecting;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A full outcomes assessment plan for the demo's day-centre project: a row for every outcome, four
 * types of evidence between them, one row adopted from the built-in suggestions and then changed,
 * and one outcome left on a single type so the second-type hint shows.
 *
 * <p>It runs just before the demo's transaction commits, so after every plain listener of
 * {@link DemoOrganisationCreated} (the pathway's demo makes the project and its outcomes, the
 * evidence module's demo its list of ways), with no order between modules to keep in step.
 */
@Component
class PlanDemoData {

    private final ProjectService projects;
    private final PlanService plans;
    private final EvidenceService evidence;

    PlanDemoData(ProjectService projects, PlanService plans, EvidenceService evidence) {
        this.projects = projects;
        this.plans = plans;
        this.evidence = evidence;
    }

    private record RowSpec(String outcomeStart, EvidenceType type, String form, List<String> ways, String success, String how,
            @Nullable String target, @Nullable String baseline, String when, String who) {}

    private static final String CARDS = "Picture feedback cards";

    private static final List<RowSpec> ROWS = List.of(
            new RowSpec("More people with learning disabilities use the day centre", QUANTITATIVE,
                    "The number of people who come regularly each month, from the attendance sheet.",
                    List.of("internal-records", "administrative-data"),
                    "More people come to the centre regularly, and keep coming.",
                    "The monthly count goes up towards the target.",
                    "40 regular visitors a month by March 2027", "22 regular visitors a month in January 2026",
                    "Every month", "The centre manager"),
            new RowSpec("More people with learning disabilities use the day centre", PEOPLES_VOICES,
                    "What visitors say about whether the centre meets their needs, in a yearly easy-read survey and on picture cards.",
                    List.of("surveys", CARDS),
                    "People say the centre is how they want it to be.",
                    "At least three in four people say it meets their needs.",
                    "3 in 4 people", null, "Once a year, in March", "Two group members with the facilitator"),
            new RowSpec("The centre’s activities and staffing reflect what people asked for", TASKS_COMPLETED,
                    "The activity timetable checked against the group’s wish list every three months, and the changes agreed made.",
                    List.of("action-trackers", "meeting-minutes"),
                    "The timetable has the activities people asked for.",
                    "Each review shows more items from the wish list on the timetable.",
                    null, "The wish list agreed in February 2026", "Every three months", "The centre manager with the group"),
            new RowSpec("The centre’s activities and staffing reflect what people asked for", PEOPLES_RATINGS,
                    "People rate each activity with picture cards: did they enjoy it, would they come again?",
                    List.of(CARDS, "feedback-forms"),
                    "People enjoy the activities and want to come again.",
                    "Most ratings are the two happiest faces.",
                    null, null, "At the end of each activity", "Activity staff"),
            new RowSpec("People with learning disabilities help make decisions on the service plan", TASKS_COMPLETED,
                    "Decisions the group made, recorded in the minutes and written into the service plan.",
                    List.of("meeting-minutes", "action-trackers"),
                    "The service plan includes decisions the group made.",
                    "Each decision in the plan can be traced to the minutes of a group meeting.",
                    null, null, "After each service plan workshop", "The facilitator"),
            new RowSpec("People with learning disabilities help make decisions on the service plan", PEOPLES_RATINGS,
                    "Members rate how involved they felt in decisions, before and after the service plan workshops.",
                    List.of("feedback-forms"),
                    "Members feel they helped decide, not just that they were asked.",
                    "Ratings after the workshops are higher than before.",
                    null, "Ratings at the first workshop", "Before and after each workshop", "The facilitator"),
            new RowSpec("People with lived experience help choose staff", TASKS_COMPLETED,
                    "Interview panels that include a group member, and recruitment criteria written with the group.",
                    List.of("internal-records", "action-trackers"),
                    "Every interview panel has a member with lived experience on it.",
                    "The HR lead’s record of panels shows a group member on each one.",
                    "Every panel from September 2026", "No panels with a member in 2025", "After each recruitment", "The HR lead"),
            new RowSpec("Local people know about the day centre", QUANTITATIVE,
                    "Enquiries and first visits each month, and how people heard about the centre.",
                    List.of("administrative-data", "feedback-forms"),
                    "More local people know about the centre and come to see it.",
                    "First visits go up after the open day and the new leaflets.",
                    "10 first visits a month", "4 first visits a month in January 2026", "Every month", "Reception staff"),
            new RowSpec("A co-production steering group is formed", TASKS_COMPLETED,
                    "The steering group set up, with its terms of reference, membership and way of working agreed.",
                    List.of("task-completed", "meeting-minutes"),
                    "The group has agreed how it works and who is in it, and meets every month.",
                    "Signed terms of reference, and minutes of each meeting.",
                    null, null, "When the group is set up, then every month", "The facilitator"),
            new RowSpec("Group members feel confident to speak up", PEOPLES_RATINGS,
                    "Members rate how confident they feel to speak up, before and after each meeting, on the easy-read feedback form.",
                    List.of(CARDS, "feedback-forms"),
                    "Members feel confident to say what they think in meetings.",
                    "More members choose the confident face after meetings than before.",
                    null, "Ratings at the first meeting", "Before and after each meeting", "A group member with a supporter"),
            new RowSpec("Easy-read information about the centre", TASKS_COMPLETED,
                    "Each leaflet signed off by the group before it is printed.",
                    List.of("task-completed"),
                    "The group is happy with every leaflet.",
                    "The group’s sign-off is in the minutes.",
                    null, null, "For each leaflet", "The communications officer"),
            new RowSpec("Easy-read information about the centre", PEOPLES_VOICES,
                    "What people who were not involved say when they try the leaflets: can they understand them?",
                    List.of("individual-discussion", "informal-comments"),
                    "People who were not involved understand the leaflets.",
                    "Five people who were not involved say they understand each leaflet.",
                    "5 people for each leaflet", null, "Before each leaflet is printed", "Two group members"));

    /** The outcome whose row is adopted from SCIE's own example of staff ratings before and after training. */
    private static final String ADOPTED_FOR = "Staff understand co-production";

    /** First of the demo's listeners that run before its transaction commits: the others tag evidence to this plan's rows. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void addPlan(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            Plan plan = plans.plan(tenant, project.id());
            if (plan.currentRows().isEmpty()) {
                fill(tenant, plan);
            }
        }
    }

    private void fill(Tenant tenant, Plan plan) {
        UUID projectId = plan.project().id();
        for (Outcome outcome : plan.pathway().currentOutcomes()) {
            List<RowSpec> specs = ROWS.stream().filter(r -> outcome.title().startsWith(r.outcomeStart())).toList();
            if (outcome.title().startsWith(ADOPTED_FOR)) {
                adopt(tenant, projectId, outcome);
            } else if (specs.isEmpty()) {
                plans.addRow(tenant, projectId, outcome.id(), new PlanRowDraft(PEOPLES_VOICES,
                        outcome.howWeWillKnow() == null ? outcome.title() : outcome.howWeWillKnow(), ways(tenant, List.of("group-discussion")),
                        outcome.title(), null, null, null, "Every three months", "The facilitator", null));
            }
            for (RowSpec r : specs) {
                plans.addRow(tenant, projectId, outcome.id(), new PlanRowDraft(r.type(), r.form(), ways(tenant, r.ways()), r.success(), r.how(),
                        r.target(), r.baseline(), r.when(), r.who(), null));
            }
        }
    }

    /** Adopts SCIE's staff-ratings example, then makes it the group's own with a target and a baseline. */
    private void adopt(Tenant tenant, UUID projectId, Outcome outcome) {
        Suggestion suggestion = SuggestionLibrary.find("staff-ratings").orElseThrow();
        PlanRowDraft draft = plans.draftFrom(tenant, suggestion);
        UUID row = ((PlanEdit.Saved) plans.addRow(tenant, projectId, outcome.id(), draft)).rowId();
        PlanRow added = plans.plan(tenant, projectId).row(row).orElseThrow();
        plans.updateRow(tenant, projectId, row, added.version(), new PlanRowDraft(draft.type(), draft.formOfEvidence(), draft.wayIds(),
                draft.successLooksLike(), draft.howWeWillKnow(), "Average rating up by at least 1 point (out of 5)",
                "Ratings before the first session in March 2026", draft.whenCollected(), "The two group members who co-deliver the training",
                null));
    }

    /** The organisation's current ways for the given starting-list keys or names. */
    private List<UUID> ways(Tenant tenant, List<String> keysOrNames) {
        List<WayOfCollecting> current = evidence.currentWays(tenant);
        List<UUID> ids = new ArrayList<>();
        for (String k : keysOrNames) {
            current.stream().filter(w -> k.equals(w.seedKey()) || k.equals(w.name())).findFirst().ifPresent(w -> ids.add(w.id()));
        }
        if (ids.isEmpty() && !current.isEmpty()) {
            ids.add(current.get(0).id());
        }
        return ids;
    }
}
