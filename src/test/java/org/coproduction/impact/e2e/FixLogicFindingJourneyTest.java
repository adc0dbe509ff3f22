package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwayPage.findings;
import static org.coproduction.impact.e2e.PathwayPage.fixLink;
import static org.coproduction.impact.e2e.PathwaySetup.CHOSEN_ACTIVITIES;
import static org.coproduction.impact.e2e.PathwaySetup.SAY_WHAT_THEY_WANT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class FixLogicFindingJourneyTest extends Journey {

    private static final String ALL_CLEAR =
            "The pathway makes sense: every outcome leads towards the impact, has activities and a way to check it.";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Test
    void anOutcomeWithNoActivitiesGetsOneFromThingsToCheck() {
        TestData.Org org = data.organisationWithEveryRole("Willow");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers")
                .activity("Open days run with the steering group", ActivityKind.EVENT, USE_THE_CENTRE)
                .outcome(STEERING_GROUP, Term.SHORT, false, "Terms of reference agreed", USE_THE_CENTRE);
        Visitor facilitator = signedIn(org);
        Page page = facilitator.page();

        facilitator.clickLink("Projects").clickLink(setup.name()).clickLink("See the pathway to impact");
        String finding = "No activities lead to “" + STEERING_GROUP + "”.";
        Locator thingsToCheck = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What you can do"));
        assertThat(thingsToCheck.locator("h3")).hasText("1 thing to check");
        assertThat(findings(page)).hasCount(1);
        assertThat(findings(page)).containsText(finding + " Fix this");

        facilitator.click(fixLink(page, finding));

        // The link opens the activities step at that outcome's question.
        assertThat(page.url()).endsWith(setup.path() + "/build/activities#outcome-" + setup.outcome(STEERING_GROUP));
        Locator card = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(STEERING_GROUP).setExact(true));
        assertThat(card).isInViewport();
        assertThat(card).containsText("No activities yet.");
        card.getByLabel("An activity for “" + STEERING_GROUP + "”").fill("Recruit steering group members");
        card.getByLabel("What kind of activity is it?").selectOption("MEETING");
        facilitator.click(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add activity")));
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “Recruit steering group members”.");

        facilitator.open(setup.path());
        assertThat(findings(page)).hasCount(0);
        assertThat(thingsToCheck).containsText(ALL_CLEAR);
        assertThat(setup.pathway().activitiesFor(setup.outcome(STEERING_GROUP))).hasSize(1);
    }

    @Test
    void oneActivityAtTheStartOfAChainClearsTheCheckForEveryLaterOutcome() {
        // Built backwards: long-term <- medium-term <- short-term, and no activities yet.
        TestData.Org org = data.organisationWithEveryRole("Willow");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers")
                .outcome(CHOSEN_ACTIVITIES, Term.MEDIUM, false, "The timetable", USE_THE_CENTRE)
                .outcome(STEERING_GROUP, Term.SHORT, false, "Terms of reference agreed", CHOSEN_ACTIVITIES);
        Visitor facilitator = signedIn(org);
        Page page = facilitator.page();

        facilitator.open(setup.path());
        assertThat(findings(page)).hasCount(3);
        String finding = "No activities lead to “" + STEERING_GROUP + "”.";
        facilitator.click(fixLink(page, finding));

        // One activity for the short-term outcome: it leads on through the chain to the others.
        Locator card = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(STEERING_GROUP).setExact(true));
        card.getByLabel("An activity for “" + STEERING_GROUP + "”").fill("Recruit steering group members");
        card.getByLabel("What kind of activity is it?").selectOption("MEETING");
        facilitator.click(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add activity")));
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added “Recruit steering group members”.");

        facilitator.open(setup.path());
        assertThat(findings(page)).hasCount(0);
        Locator thingsToCheck = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What you can do"));
        assertThat(thingsToCheck).containsText(ALL_CLEAR);
        assertThat(setup.pathway().activitiesFor(setup.outcome(USE_THE_CENTRE))).isEmpty();
    }

    @Test
    void anOutcomeThatLeadsNowhereIsLinkedFromThingsToCheck() {
        TestData.Org org = data.organisationWithEveryRole("Willow");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers")
                .activity("Open days run with the steering group", ActivityKind.EVENT, USE_THE_CENTRE)
                .outcome(SAY_WHAT_THEY_WANT, Term.SHORT, false, "Easy read survey answers")
                .activity("Easy read survey", ActivityKind.MATERIALS, SAY_WHAT_THEY_WANT);
        Visitor facilitator = signedIn(org);
        Page page = facilitator.page();

        facilitator.open(setup.path());
        String finding = "“" + SAY_WHAT_THEY_WANT + "” does not lead to a later outcome or to the impact.";
        assertThat(findings(page)).hasCount(1);
        assertThat(findings(page)).containsText(finding);
        Locator unlinked = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not linked to the impact yet"));
        assertThat(unlinked.locator("xpath=following-sibling::ul[1]/li/a")).hasText(SAY_WHAT_THEY_WANT);

        facilitator.click(fixLink(page, finding));

        assertThat(facilitator.heading()).hasText("Change an outcome");
        assertThat(page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))).hasValue(SAY_WHAT_THEY_WANT);
        facilitator.choose(USE_THE_CENTRE).clickButton("Save");

        assertThat(facilitator.heading()).hasText("Change the pathway");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved “" + SAY_WHAT_THEY_WANT + "”.");
        assertThat(page.locator("#findings")).containsText(ALL_CLEAR);

        facilitator.clickLink("Back");
        assertThat(findings(page)).hasCount(0);
        assertThat(unlinked).hasCount(0);
        Locator centre = page.locator("#as-a-list ~ ul.app-pathway-list > li > ul > li");
        assertThat(centre.locator(":scope > a")).hasText(USE_THE_CENTRE);
        assertThat(centre.locator(":scope > ul > li > a")).hasText(SAY_WHAT_THEY_WANT);
        assertThat(setup.pathway().outcome(setup.outcome(SAY_WHAT_THEY_WANT)).orElseThrow().leadsTo())
                .containsExactly(setup.outcome(USE_THE_CENTRE));
    }

    @Test
    void linkingOutcomesInALoopIsRefusedBesideTheFieldAndNothingChanges() {
        TestData.Org org = data.organisationWithEveryRole("Willow");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers")
                .outcome(STEERING_GROUP, Term.SHORT, false, "Terms of reference agreed", USE_THE_CENTRE);
        int revisions = setup.revisions();
        Visitor facilitator = signedIn(org);
        Page page = facilitator.page();

        facilitator.open(setup.path()).clickLink("Change the pathway").clickLink("Change " + USE_THE_CENTRE);
        assertThat(facilitator.heading()).hasText("Change an outcome");
        facilitator.choose(STEERING_GROUP).clickButton("Save");

        String message = "“" + STEERING_GROUP + "” already leads back to “" + USE_THE_CENTRE + "”, so this would make a loop. Choose a later outcome";
        assertThat(page).hasTitle(Pattern.compile("^Error: Change an outcome"));
        assertThat(page.locator(".govuk-error-summary")).isFocused();
        assertThat(page.locator(".govuk-error-summary a[href='#leadsTo']")).hasText(message);
        assertThat(page.locator("#leadsTo-error")).hasText("Error: " + message);
        Locator leadsTo = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("What does it lead to?"));
        assertThat(leadsTo).hasAttribute("aria-describedby", Pattern.compile("\\bleadsTo-error\\b"));
        assertThat(leadsTo.locator("#leadsTo-error")).hasCount(1);
        // What the person chose is still there to correct.
        assertThat(page.getByLabel(STEERING_GROUP, new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))).hasValue(USE_THE_CENTRE);

        // The summary's link takes the person to the choices.
        page.locator(".govuk-error-summary a[href='#leadsTo']").click();
        assertThat(page.locator("#leadsTo")).isFocused();

        assertThat(setup.pathway().outcome(setup.outcome(USE_THE_CENTRE)).orElseThrow().leadsTo()).isEmpty();
        assertThat(setup.revisions()).isEqualTo(revisions);
        facilitator.clickLink("Cancel");
        assertThat(page.locator("#findings")).not().containsText("loop");
    }

    private Visitor signedIn(TestData.Org org) {
        return visitor().signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD);
    }
}
