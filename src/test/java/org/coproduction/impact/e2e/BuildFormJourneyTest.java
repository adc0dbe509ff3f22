package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwaySetup.CHOSEN_ACTIVITIES;
import static org.coproduction.impact.e2e.PathwaySetup.FRIENDS;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class BuildFormJourneyTest extends Journey {

    private static final String RATE_ACTIVITIES = "People rate each activity they take part in";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    PlanService plans;

    @Autowired
    EvidenceService evidence;

    @Test
    void theFacilitatorBuildsAFeedbackFormFromTheTemplateLinksItToOutcomesOpensItAndThePlanNamesIt() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false, org.person(Role.MEMBER)).problemAndImpact()
                .outcome(FRIENDS, Term.MEDIUM, true, null)
                .outcome(CHOSEN_ACTIVITIES, Term.SHORT, false, null, FRIENDS);
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        plans.addRow(tenant, setup.project(), setup.outcome(CHOSEN_ACTIVITIES), new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, RATE_ACTIVITIES,
                List.of(evidence.currentWayFromSeed(tenant, "feedback-forms").orElseThrow().id()), "People enjoy the activities they chose",
                null, null, null, null, null, null));

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/projects/" + setup.project())
                .clickLink("Feedback forms and surveys for this project");
        assertThat(facilitator.heading()).hasText("Feedback forms and surveys");
        facilitator.clickButton("Make a new form");
        facilitator.choose("Activity feedback").clickButton("Make the form");
        assertThat(facilitator.heading()).hasText("Activity feedback");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Form made from the ready-made questions.");
        assertThat(page.locator(".app-form-preview > li")).hasCount(7);
        assertThat(page.locator("#warnings")).containsText("Nothing to look at");

        // Link the fun rating to the plan's ratings of activities, and the feelings to making friends.
        facilitator.clickLink("Change the questions").clickLink("Change 4. Was the activity fun?");
        assertThat(facilitator.heading()).hasText("Question 4");
        page.getByLabel("Evidence in the assessment plan").selectOption(new SelectOption().setLabel(
                CHOSEN_ACTIVITIES + ": People’s ratings – " + RATE_ACTIVITIES));
        facilitator.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Question saved.");
        facilitator.clickLink("Change 5. How did you feel before the activity?");
        page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(FRIENDS));
        facilitator.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Question saved.");

        // A question of our own, first without easy read: the builder says so, without stopping the save.
        facilitator.clickButton("Add a question").choose("Yes or no").clickButton("Continue");
        assertThat(facilitator.heading()).hasText("Add a question");
        facilitator.fill("Question", "Would you come to this activity again?").clickButton("Save");
        assertThat(page.locator("#warnings")).containsText("Question 8: Would you come to this activity again?");
        assertThat(page.locator("#warnings")).containsText("There are no easy-read words yet.");
        facilitator.clickLink("Question 8: Would you come to this activity again?");
        assertThat(page.locator("#warnings")).containsText("There are no easy-read words yet.");
        facilitator.fill("Easy-read words", "Would you come again?").choose("A thumbs up").clickButton("Save");
        assertThat(page.locator("#warnings")).containsText("Nothing to look at");

        // Open it: the link and the QR code to share.
        facilitator.clickLink("Back to the form’s page").clickButton("Open the form for answers");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The form is open.");
        String token = jdbc.sql("select token from form where project_id = :p").param("p", setup.project()).query(String.class).single();
        assertThat(page.locator("#public-link")).hasText(BASE_URL + "/r/" + token);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.IMG,
                new Page.GetByRoleOptions().setName("QR code for the form “Activity feedback”"))).isVisible();
        facilitator.clickLink("Print a poster with the QR code");
        assertThat(page.locator("#poster-link")).hasText("impact.journey.test/r/" + token);

        // The plan names the form beside the row it collects.
        facilitator.open("/projects/" + setup.project() + "/plan");
        assertThat(page.locator(".app-collected-by")).hasText("Collected by: Activity feedback");
        assertThat(jdbc.sql("select count(*) from form_version v join form f on f.id = v.form_id where f.project_id = :p")
                .param("p", setup.project()).query(Integer.class).single()).isEqualTo(1);
    }
}
