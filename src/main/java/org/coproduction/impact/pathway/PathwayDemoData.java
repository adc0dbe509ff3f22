package org.coproduction.impact.pathway;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's day-centre project and its complete pathway, after SCIE's worked example (a day centre
 * for people with learning disabilities, mapped backwards from its impact), in our own words.
 */
@Component
class PathwayDemoData {

    static final String PROJECT = "Day centre for people with learning disabilities";

    private final ProjectService projects;
    private final PathwayService pathways;

    PathwayDemoData(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @EventListener
    void addDayCentre(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails(
                PROJECT,
                "Designing a new day centre together with the people who will use it, their carers and staff.",
                java.time.LocalDate.of(2026, 1, 12), java.time.LocalDate.of(2027, 3, 31),
                "Steering group of people with learning disabilities and carers; day centre staff; local advocacy charity",
                facilitator, true,
                List.of(demo.people().get(Role.MEMBER), demo.people().get(Role.ADMIN))));
        Pathway empty = pathways.pathway(tenant, project);
        pathways.importInto(tenant, project, empty.version(), dayCentre());
        // A later change, so the demo's history has two versions to compare.
        Pathway p = pathways.pathway(tenant, project);
        Outcome leaflets = p.currentOutcomes().stream().filter(o -> o.title().startsWith("Easy-read")).findFirst().orElseThrow();
        pathways.updateOutcome(tenant, project, leaflets.id(), p.version(), new PathwayService.OutcomeDraft(
                "Easy-read information about the centre is written with the group and tested with other people",
                leaflets.term(), leaflets.leadsToImpact(), leaflets.leadsTo(),
                "The group signs off each leaflet; five people who were not involved say they understand it"));
    }

    static PathwayDocument dayCentre() {
        var o = List.of(
                outcome("o1", "More people with learning disabilities use the day centre and say it meets their needs", Term.LONG, true, List.of(),
                        "Number of regular visitors each month, against the target; yearly survey: share who say it meets their needs"),
                outcome("o2", "The centre’s activities and staffing reflect what people asked for", Term.LONG, true, List.of(),
                        "Review of the activity timetable against the group’s wish list; people’s ratings of activities"),
                outcome("o3", "People with learning disabilities help make decisions on the service plan", Term.MEDIUM, false, List.of("o2"),
                        "Minutes show group decisions in the plan; members rate how involved they felt before and after"),
                outcome("o4", "People with lived experience help choose staff and sit on interview panels", Term.MEDIUM, false, List.of("o1", "o2"),
                        "Number of interview panels with a member on them; panel members’ feedback"),
                outcome("o5", "Local people know about the day centre and what it offers", Term.MEDIUM, false, List.of("o1"),
                        "Enquiries and first visits each month; how people heard about the centre"),
                outcome("o6", "A co-production steering group is formed and agrees its terms of reference", Term.SHORT, false, List.of("o3", "o4"),
                        "Task done: terms of reference agreed and signed by the group"),
                outcome("o7", "Group members feel confident to speak up in meetings", Term.SHORT, false, List.of("o3"),
                        "Members rate their confidence before and after each meeting (easy-read feedback form)"),
                outcome("o8", "Staff understand co-production and feel confident to do it", Term.SHORT, false, List.of("o3", "o4"),
                        "Staff rate their understanding and confidence before and after training"),
                outcome("o9", "Easy-read information about the centre is written with the group", Term.SHORT, false, List.of("o5"),
                        "The group signs off each leaflet"));
        var a = List.of(
                new PathwayDocument.ActivityEntry("a1", "Monthly steering group meetings", ActivityKind.MEETING,
                        "Group members, carers, day centre manager, facilitator", List.of("o6", "o7")),
                new PathwayDocument.ActivityEntry("a2", "Service plan workshops", ActivityKind.WORKSHOP,
                        "Group members and the service manager", List.of("o3")),
                new PathwayDocument.ActivityEntry("a3", "Co-production training for staff, run with group members", ActivityKind.TRAINING,
                        "Day centre staff and two group members as co-trainers", List.of("o8")),
                new PathwayDocument.ActivityEntry("a4", "Recruitment criteria workshop and interview panel training", ActivityKind.WORKSHOP,
                        "Group members and the HR lead", List.of("o4")),
                new PathwayDocument.ActivityEntry("a5", "Writing easy-read leaflets together", ActivityKind.MATERIALS,
                        "Group members and the communications officer", List.of("o9")),
                new PathwayDocument.ActivityEntry("a6", "Open day at the centre", ActivityKind.EVENT,
                        "Everyone, local advocacy charity, families", List.of("o5", "o1")),
                new PathwayDocument.ActivityEntry("a7", "Reviewing the activity timetable with the group every three months", ActivityKind.MEETING,
                        "Group members, day centre manager and activity staff", List.of("o2")));
        var s = List.of(
                new PathwayDocument.StatementEntry("s1", StatementKind.I,
                        "I help make decisions on the service plan, and it reflects what matters to us.", "o3"),
                new PathwayDocument.StatementEntry("s2", StatementKind.I,
                        "I help decide what we look for in new staff, and I take part in interview panels.", "o4"),
                new PathwayDocument.StatementEntry("s3", StatementKind.WE,
                        "We make information and meetings accessible, and include people in writing the service plan.", "o3"),
                new PathwayDocument.StatementEntry("s4", StatementKind.WE,
                        "We make recruitment accessible and include people in planning interview panels.", "o4"));
        return new PathwayDocument(PathwayDocument.FORMAT, PathwayDocument.VERSION,
                "People with learning disabilities have nowhere to go where they can make friends, learn new things, have a good time and feel valued.",
                "A day centre for people with learning disabilities.",
                "The day centre is how people want it to be: it matches their needs and preferences, and more people are happy to use it.",
                o, a, s);
    }

    private static PathwayDocument.OutcomeEntry outcome(String key, String title, Term term, boolean impact, List<String> leadsTo, String how) {
        return new PathwayDocument.OutcomeEntry(key, title, term, impact, leadsTo, how);
    }

}
