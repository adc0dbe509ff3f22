package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreDiagram;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreList;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreTable;
import static org.coproduction.impact.e2e.PathwayPage.findings;
import static org.coproduction.impact.e2e.PathwayPage.fixLink;
import static org.coproduction.impact.e2e.PathwayPage.statements;
import static org.coproduction.impact.e2e.PathwaySetup.CHOSEN_ACTIVITIES;
import static org.coproduction.impact.e2e.PathwaySetup.COPRODUCTION_IMPACT;
import static org.coproduction.impact.e2e.PathwaySetup.FRIENDS;
import static org.coproduction.impact.e2e.PathwaySetup.PROBLEM;
import static org.coproduction.impact.e2e.PathwaySetup.PROJECT_IMPACT;
import static org.coproduction.impact.e2e.PathwaySetup.SAY_WHAT_THEY_WANT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class BuildPathwayJourneyTest extends Journey {

    private static final String I_STATEMENT = "I help decide what happens at the day centre.";
    private static final String WE_STATEMENT = "We make meetings and papers accessible, and ask people what they need.";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Test
    void aFacilitatorBuildsTheDayCentrePathwayStepByStepUsingOnlyTheKeyboard() {
        TestData.Org org = data.organisationWithEveryRole("Meadow");
        TestData.Person me = org.person(Role.FACILITATOR);
        Visitor facilitator = keyboardUser();
        Page page = facilitator.page();
        signInWithKeyboard(facilitator, me);

        facilitator.tabTo(link(page, "Projects")).pressToLoad("Enter");
        facilitator.tabTo(link(page, "Start a new project")).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Start a new project");
        String name = "Day centre " + TestData.suffix();
        facilitator.tabTo(page.getByLabel("Project name", new Page.GetByLabelOptions().setExact(true))).type(name)
                .tabTo(button(page, "Start project")).pressToLoad("Enter");

        // Step 1: why the project is needed.
        assertStep(facilitator, 1, "Why is the project needed?");
        UUID project = projectId(page);
        Locator problem = page.getByLabel("Why is the project needed? What problem will it solve, or what needs to get better?");
        facilitator.tabTo(problem).type(PROBLEM)
                .tabTo(button(page, "Save and continue")).pressToLoad("Enter");

        // Step 2: the impact, in two parts.
        assertStep(facilitator, 2, "What big change do we want?");
        assertThat(facilitator.heading()).hasText("What big change do we want to make?");
        facilitator.tabTo(page.getByLabel("Project impact")).type(PROJECT_IMPACT)
                .tabTo(page.getByLabel("Co-production impact")).type(COPRODUCTION_IMPACT)
                .tabTo(button(page, "Save and continue")).pressToLoad("Enter");

        // Step 3: long-term outcomes, with the impact kept in view.
        assertStep(facilitator, 3, "What changes come just before the impact?");
        assertThat(page.locator(".govuk-inset-text")).containsText(PROJECT_IMPACT);
        assertThat(page.locator(".govuk-inset-text")).containsText(COPRODUCTION_IMPACT);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Long-term outcomes so far"))).isVisible();
        for (String outcome : List.of(USE_THE_CENTRE, FRIENDS)) {
            facilitator.tabTo(page.getByLabel("Add a long-term outcome")).type(outcome)
                    .tabTo(button(page, "Add outcome")).pressToLoad("Enter");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “" + outcome + "”.");
            assertStep(facilitator, 3, "What changes come just before the impact?");
        }
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("2 long-term outcomes so far"))).isVisible();
        assertThat(page.locator("main ul.govuk-list--bullet li")).hasText(new String[] {USE_THE_CENTRE, FRIENDS});

        // Saved answers are there when the group goes back a step, or two.
        facilitator.tabTo(link(page, "Back")).pressToLoad("Enter");
        assertStep(facilitator, 2, "What big change do we want?");
        assertThat(page.getByLabel("Project impact")).hasValue(PROJECT_IMPACT);
        assertThat(page.getByLabel("Co-production impact")).hasValue(COPRODUCTION_IMPACT);
        facilitator.tabTo(link(page, "Back")).pressToLoad("Enter");
        assertStep(facilitator, 1, "Why is the project needed?");
        assertThat(problem).hasValue(PROBLEM);
        // Saving unchanged answers moves on without a new version.
        facilitator.tabTo(button(page, "Save and continue")).pressToLoad("Enter");
        assertStep(facilitator, 2, "What big change do we want?");
        facilitator.tabTo(button(page, "Save and continue")).pressToLoad("Enter");
        assertStep(facilitator, 3, "What changes come just before the impact?");
        facilitator.tabTo(link(page, "Continue to the next step")).pressToLoad("Enter");

        // Step 4: the earlier outcomes that lead to each long-term one.
        assertStep(facilitator, 4, "What changes lead to those?");
        addEarlierOutcome(facilitator, USE_THE_CENTRE, CHOSEN_ACTIVITIES, "Medium-term");
        assertThat(outcomeCard(page, USE_THE_CENTRE)).containsText("These lead to it:");
        assertThat(outcomeCard(page, USE_THE_CENTRE).locator("li")).hasText(CHOSEN_ACTIVITIES + " (Medium-term)");
        // The new medium-term outcome now has its own question.
        addEarlierOutcome(facilitator, CHOSEN_ACTIVITIES, STEERING_GROUP, "Short-term");
        addEarlierOutcome(facilitator, FRIENDS, SAY_WHAT_THEY_WANT, "Short-term");
        assertThat(outcomeCard(page, CHOSEN_ACTIVITIES).locator("li")).hasText(STEERING_GROUP + " (Short-term)");
        assertThat(outcomeCard(page, FRIENDS).locator("li")).hasText(SAY_WHAT_THEY_WANT + " (Short-term)");
        facilitator.tabTo(link(page, "Continue to the next step")).pressToLoad("Enter");

        // Step 5: an activity for every outcome.
        assertStep(facilitator, 5, "What will we do?");
        addActivity(facilitator, USE_THE_CENTRE, "Open days run with the steering group", "Event", "EVENT");
        addActivity(facilitator, FRIENDS, "Monthly social evenings planned by members", "Event", "EVENT");
        addActivity(facilitator, CHOSEN_ACTIVITIES, "Workshops to plan the timetable together", "Workshop", "WORKSHOP");
        addActivity(facilitator, STEERING_GROUP, "Recruit steering group members", "Meeting", "MEETING");
        addActivity(facilitator, SAY_WHAT_THEY_WANT, "Easy read survey and group discussions", "Producing materials", "MATERIALS");
        assertThat(page.getByText("No activities yet.")).hasCount(0);
        assertThat(outcomeCard(page, CHOSEN_ACTIVITIES).locator("li"))
                .hasText("Workshops to plan the timetable together (Workshop · The co-production group)");
        facilitator.tabTo(link(page, "Continue to the next step")).pressToLoad("Enter");

        // Step 6: one 'I' statement typed in, one 'We' statement from the ideas to start from.
        assertStep(facilitator, 6, "‘I’ and ‘We’ statements");
        facilitator.tabTo(page.getByLabel("‘I’ statement", new Page.GetByLabelOptions().setExact(true))).press("Space");
        assertThat(page.getByLabel("‘I’ statement", new Page.GetByLabelOptions().setExact(true))).isChecked();
        facilitator.tabTo(page.getByLabel("Statement", new Page.GetByLabelOptions().setExact(true))).type(I_STATEMENT);
        Locator about = page.getByLabel("Which outcome is it about? (optional)");
        facilitator.tabTo(about).type("The centre runs");
        assertThat(about).hasValue(outcomeId(project, CHOSEN_ACTIVITIES).toString());
        facilitator.tabTo(button(page, "Add statement")).pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “" + I_STATEMENT + "”.");

        Locator ideas = page.locator("summary", new Page.LocatorOptions().setHasText("Ideas to start from"));
        facilitator.tabTo(ideas).press("Enter");
        assertThat(page.locator("details.govuk-details")).hasAttribute("open", "");
        facilitator.tabTo(link(page, "Use this " + WE_STATEMENT)).pressToLoad("Enter");
        assertStep(facilitator, 6, "‘I’ and ‘We’ statements");
        assertThat(page.getByLabel("‘We’ statement", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Statement", new Page.GetByLabelOptions().setExact(true))).hasValue(WE_STATEMENT);
        facilitator.tabTo(button(page, "Add statement")).pressToLoad("Enter");
        assertThat(statements(page, "‘I’ statements")).hasText(I_STATEMENT + " (for: " + CHOSEN_ACTIVITIES + ")");
        assertThat(statements(page, "‘We’ statements")).hasText(WE_STATEMENT);
        facilitator.tabTo(link(page, "Continue to the next step")).pressToLoad("Enter");

        // Step 7: the check. Nobody has said yet how they will know each outcome has happened.
        assertStep(facilitator, 7, "Check the pathway");
        assertThat(facilitator.heading()).hasText("Does the pathway make sense?");
        List<String> outcomes = List.of(USE_THE_CENTRE, FRIENDS, CHOSEN_ACTIVITIES, STEERING_GROUP, SAY_WHAT_THEY_WANT);
        assertThat(page.locator("#findings h2")).hasText("5 things to check");
        assertThat(findings(page)).containsText(outcomes.stream()
                .map(o -> unchecked(o) + " Fix this")
                .toArray(String[]::new));
        for (String outcome : outcomes) {
            assertThat(fixLink(page, unchecked(outcome))).hasAttribute("href",
                    PathwayService.base(project) + "/outcomes/" + outcomeId(project, outcome) + "/edit");
        }

        // Fix one: the link opens that outcome, ready to say how we will know.
        facilitator.tabTo(fixLink(page, unchecked(USE_THE_CENTRE))).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Change an outcome");
        assertThat(page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))).hasValue(USE_THE_CENTRE);
        facilitator.tabTo(page.getByLabel("How will we know it has happened?")).type("Visitor numbers, and what people say in the yearly survey")
                .tabTo(button(page, "Save")).pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved “" + USE_THE_CENTRE + "”.");

        // Back to the check, typed into the address bar: the finding is gone.
        facilitator.open(PathwayService.base(project) + "/build/check");
        assertStep(facilitator, 7, "Check the pathway");
        assertThat(page.locator("#findings h2")).hasText("4 things to check");
        assertThat(fixLink(page, unchecked(USE_THE_CENTRE))).hasCount(0);
        facilitator.tabTo(link(page, "Finish and see the pathway")).pressToLoad("Enter");

        // The pathway page shows everything the group said, as a list and as a table.
        assertThat(facilitator.heading()).hasText("Pathway to impact");
        assertThat(page.locator("main")).containsText(PROBLEM);
        assertThat(page.locator("main dl")).containsText(PROJECT_IMPACT);
        assertThat(page.locator("main dl")).containsText(COPRODUCTION_IMPACT);
        assertDayCentreDiagram(page);
        assertDayCentreList(page);
        assertDayCentreTable(page, "Visitor numbers, and what people say in the yearly survey", "", "", "", "");
        assertThat(statements(page, "‘I’ statements")).hasText(I_STATEMENT + " (for: " + CHOSEN_ACTIVITIES + ")");
        assertThat(statements(page, "‘We’ statements")).hasText(WE_STATEMENT);

        Pathway saved = pathways.pathway(tenant(org), project);
        assertThat(saved.problem()).isEqualTo(PROBLEM);
        assertThat(saved.currentOutcomes()).extracting(Outcome::title, Outcome::term).containsExactly(
                tuple(USE_THE_CENTRE, Term.LONG),
                tuple(FRIENDS, Term.LONG),
                tuple(CHOSEN_ACTIVITIES, Term.MEDIUM),
                tuple(STEERING_GROUP, Term.SHORT),
                tuple(SAY_WHAT_THEY_WANT, Term.SHORT));
        assertThat(saved.currentActivities()).hasSize(5);
        assertThat(saved.currentStatements()).hasSize(2);
    }

    @Test
    void skippingAStepMovesOnWithoutSavingAndTheStepCanBeReturnedTo() {
        TestData.Org org = data.organisationWithEveryRole("Meadow");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false);
        Visitor facilitator = visitor();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD)
                .open("/projects/" + setup.project())
                .clickLink("Build the pathway together, step by step");
        assertStep(facilitator, 1, "Why is the project needed?");
        String question = "Why is the project needed? What problem will it solve, or what needs to get better?";

        facilitator.fill(question, "Typed, then skipped").clickLink("Skip this step for now");

        assertStep(facilitator, 2, "What big change do we want?");
        assertThat(setup.pathway().problem()).isNull();
        assertThat(setup.revisions()).isZero();

        facilitator.fill("Project impact", PROJECT_IMPACT).clickLink("Skip this step for now");
        assertStep(facilitator, 3, "What changes come just before the impact?");
        assertThat(page(facilitator).locator(".govuk-inset-text")).containsText("Not said yet.");
        facilitator.clickLink("Continue to the next step");
        assertStep(facilitator, 4, "What changes lead to those?");
        assertThat(page(facilitator).getByText("There are no long-term outcomes yet.")).isVisible();
        assertThat(setup.pathway().isEmpty()).isTrue();

        // The check lists what was skipped, and each finding leads back to its step.
        facilitator.open(setup.path() + "/build/check");
        assertStep(facilitator, 7, "Check the pathway");
        assertThat(findings(page(facilitator))).containsText(new String[] {
                "Say why the project is needed.",
                "Say what the project will achieve (the project impact).",
                "Say what difference working together will make (the co-production impact).",
                "No outcomes lead to the impact yet."});
        facilitator.click(fixLink(page(facilitator), "Say why the project is needed."));

        assertStep(facilitator, 1, "Why is the project needed?");
        assertThat(page(facilitator).getByLabel(question)).hasValue("");
        facilitator.fill(question, PROBLEM).clickButton("Save and continue");
        assertStep(facilitator, 2, "What big change do we want?");
        assertThat(setup.pathway().problem()).isEqualTo(PROBLEM);
        assertThat(page(facilitator).getByLabel("Project impact")).hasValue("");

        facilitator.clickLink("Back");
        assertStep(facilitator, 1, "Why is the project needed?");
        assertThat(page(facilitator).getByLabel(question)).hasValue(PROBLEM);
    }

    private static String unchecked(String outcome) {
        return "There is no way to check “" + outcome + "” yet. Say how you will know it has happened.";
    }

    private void addEarlierOutcome(Visitor facilitator, String later, String earlier, String when) {
        Page page = facilitator.page();
        Locator card = outcomeCard(page, later);
        facilitator.tabTo(card.getByLabel("What needs to happen before “" + later + "”?")).type(earlier);
        // Tab lands on the chosen answer (Short-term); the arrow keys choose another.
        Locator shortTerm = card.getByLabel("Short-term", new Locator.GetByLabelOptions().setExact(true));
        facilitator.tabTo(shortTerm);
        if (when.equals("Medium-term")) {
            facilitator.press("ArrowUp");
        }
        assertThat(card.getByLabel(when, new Locator.GetByLabelOptions().setExact(true))).isChecked();
        facilitator.tabTo(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add outcome"))).pressToLoad("Enter");
        assertStep(facilitator, 4, "What changes lead to those?");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “" + earlier + "”.");
    }

    private void addActivity(Visitor facilitator, String outcome, String activity, String kind, String kindValue) {
        Page page = facilitator.page();
        Locator card = outcomeCard(page, outcome);
        facilitator.tabTo(card.getByLabel("An activity for “" + outcome + "”")).type(activity);
        Locator kindSelect = card.getByLabel("What kind of activity is it?");
        facilitator.tabTo(kindSelect).type(kind);
        assertThat(kindSelect).hasValue(kindValue);
        facilitator.tabTo(card.getByLabel("Who is involved?")).type("The co-production group")
                .tabTo(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add activity"))).pressToLoad("Enter");
        assertStep(facilitator, 5, "What will we do?");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “" + activity + "”.");
        assertThat(outcomeCard(page, outcome).locator("li")).containsText(new String[] {activity});
    }

    static void assertStep(Visitor visitor, int number, String title) {
        assertThat(visitor.page()).hasTitle(title + " – Co-production Impact");
        assertThat(visitor.page().locator("main .govuk-caption-l").first()).containsText("Step " + number + " of 7");
    }

    private static void signInWithKeyboard(Visitor visitor, TestData.Person person) {
        Page page = visitor.page();
        visitor.open("/sign-in")
                .tabTo(page.getByLabel("Email address or username")).type(person.username())
                .tabTo(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).type(TestData.PASSWORD)
                .pressToLoad("Enter");
        assertThat(visitor.heading()).hasText("Home");
    }

    private static Locator outcomeCard(Page page, String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Page page(Visitor visitor) {
        return visitor.page();
    }

    private static UUID projectId(Page page) {
        var m = Pattern.compile("/projects/([0-9a-f-]{36})/").matcher(page.url());
        if (!m.find()) {
            throw new AssertionError("not on a project's page: " + page.url());
        }
        return UUID.fromString(m.group(1));
    }

    private UUID outcomeId(UUID project, String title) {
        return jdbc.sql("""
                        select o.id from outcome o join pathway p on p.id = o.pathway_id
                        where p.project_id = :project and o.title = :title
                        """)
                .param("project", project)
                .param("title", title)
                .query(UUID.class)
                .single();
    }

    private static Tenant tenant(TestData.Org org) {
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
    }
}
