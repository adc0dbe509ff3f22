package org.coproduction.impact.e2e;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.PathwayService.ActivityDraft;
import org.coproduction.impact.pathway.PathwayService.OutcomeDraft;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.StatementKind;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;

/**
 * A project and its pathway set up through the services, as the organisation's facilitator, for
 * journeys that start from a pathway rather than build one. Outcomes are referred to by title.
 * {@link #dayCentre()} is the worked example in DOMAIN.md, with nothing left to check.
 */
final class PathwaySetup {

    static final String PROBLEM = "People with learning disabilities have nowhere to go to make friends, learn new things, "
            + "have a good time and feel valued";
    static final String PROJECT_IMPACT = "A day centre for people with learning disabilities";
    static final String COPRODUCTION_IMPACT = "The day centre is how people want it to be, and more people are happy to use it";

    static final String USE_THE_CENTRE = "More people use the day centre and say it meets their needs";
    static final String FRIENDS = "People make friends at the centre and feel valued";
    static final String CHOSEN_ACTIVITIES = "The centre runs the activities people chose";
    static final String STEERING_GROUP = "A steering group of people who will use the centre is formed";
    static final String SAY_WHAT_THEY_WANT = "People say what they want to learn and do";

    private final PathwayService pathways;
    private final Tenant facilitator;
    private final UUID project;
    private final String name;
    private final Map<String, UUID> outcomes = new LinkedHashMap<>();

    private PathwaySetup(PathwayService pathways, Tenant facilitator, UUID project, String name) {
        this.pathways = pathways;
        this.facilitator = facilitator;
        this.project = project;
        this.name = name;
    }

    /** A new project in {@code org}, run by its facilitator, with these people taking part. */
    static PathwaySetup newProject(ProjectService projects, PathwayService pathways, TestData.Org org, boolean commentsOpen,
            TestData.Person... members) {
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        String name = "Day centre " + TestData.suffix();
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails(name, null, null, null, null, f.id(), commentsOpen,
                Arrays.stream(members).map(TestData.Person::id).toList()));
        return new PathwaySetup(pathways, tenant, project, name);
    }

    UUID project() {
        return project;
    }

    String name() {
        return name;
    }

    String path() {
        return PathwayService.base(project);
    }

    UUID outcome(String title) {
        UUID id = outcomes.get(title);
        if (id == null) {
            throw new IllegalArgumentException("no outcome called " + title);
        }
        return id;
    }

    Pathway pathway() {
        return pathways.pathway(facilitator, project);
    }

    int revisions() {
        return pathways.revisions(facilitator, project).size();
    }

    PathwaySetup problemAndImpact() {
        saved(pathways.saveProblemAndImpact(facilitator, project, pathway().version(), PROBLEM, PROJECT_IMPACT, COPRODUCTION_IMPACT));
        return this;
    }

    PathwaySetup outcome(String title, Term term, boolean leadsToImpact, String howWeWillKnow, String... leadsTo) {
        List<UUID> later = Arrays.stream(leadsTo).map(this::outcome).toList();
        outcomes.put(title, saved(pathways.addOutcome(facilitator, project, pathway().version(),
                new OutcomeDraft(title, term, leadsToImpact, later, howWeWillKnow))));
        return this;
    }

    PathwaySetup activity(String title, ActivityKind kind, String... forOutcomes) {
        saved(pathways.addActivity(facilitator, project, pathway().version(),
                new ActivityDraft(title, kind, "The co-production group", Arrays.stream(forOutcomes).map(this::outcome).toList())));
        return this;
    }

    PathwaySetup statement(StatementKind kind, String text) {
        saved(pathways.addStatement(facilitator, project, pathway().version(), kind, text, null));
        return this;
    }

    /** The day-centre pathway: two long-term outcomes, earlier ones leading to them, an activity for each, and statements. */
    PathwaySetup dayCentre() {
        return problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers, and what people say in the yearly survey")
                .outcome(FRIENDS, Term.LONG, true, "People tell us in group discussions")
                .outcome(CHOSEN_ACTIVITIES, Term.MEDIUM, false, "The timetable matches what people chose", USE_THE_CENTRE)
                .outcome(STEERING_GROUP, Term.SHORT, false, "Terms of reference agreed", CHOSEN_ACTIVITIES)
                .outcome(SAY_WHAT_THEY_WANT, Term.SHORT, false, "Easy read survey answers", FRIENDS)
                .activity("Open days run with the steering group", ActivityKind.EVENT, USE_THE_CENTRE)
                .activity("Monthly social evenings planned by members", ActivityKind.EVENT, FRIENDS)
                .activity("Workshops to plan the timetable together", ActivityKind.WORKSHOP, CHOSEN_ACTIVITIES)
                .activity("Recruit steering group members", ActivityKind.MEETING, STEERING_GROUP)
                .activity("Easy read survey and group discussions", ActivityKind.MATERIALS, SAY_WHAT_THEY_WANT)
                .statement(StatementKind.I, "I help decide what happens at the day centre.")
                .statement(StatementKind.WE, "We make meetings and papers accessible, and ask people what they need.");
    }

    private static UUID saved(EditResult result) {
        if (result instanceof EditResult.Saved saved) {
            return saved.itemId();
        }
        throw new IllegalStateException("could not set up the pathway: " + result);
    }
}
