package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreDiagram;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreList;
import static org.coproduction.impact.e2e.PathwayPage.assertDayCentreTable;
import static org.coproduction.impact.e2e.PathwayPage.statements;
import static org.coproduction.impact.e2e.PathwaySetup.COPRODUCTION_IMPACT;
import static org.coproduction.impact.e2e.PathwaySetup.PROBLEM;
import static org.coproduction.impact.e2e.PathwaySetup.PROJECT_IMPACT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class ViewPathwayJourneyTest extends Journey {

    /** How we will know, for each outcome of {@link PathwaySetup#dayCentre()}, in the order they were added. */
    private static final String[] HOW = {
        "Visitor numbers, and what people say in the yearly survey",
        "People tell us in group discussions",
        "The timetable matches what people chose",
        "Terms of reference agreed",
        "Easy read survey answers"
    };

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Test
    void aMemberOfTheProjectReadsThePathwayOnTheirPhoneAsAListAndATableThenInEasyRead() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        TestData.Person member = org.person(Role.MEMBER);
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false, member).dayCentre();
        Visitor phone = phoneUser();
        Page page = phone.page();

        phone.signIn(member.username(), TestData.PASSWORD).clickLink("Projects");
        assertThat(phone.heading()).hasText("Projects");
        phone.clickLink(setup.name());
        assertThat(phone.heading()).hasText(setup.name());
        phone.clickLink("See the pathway to impact");

        assertThat(phone.heading()).hasText("Pathway to impact");
        assertThat(page.locator("main .govuk-caption-l")).hasText(setup.name());
        assertThat(page.locator("main")).containsText(PROBLEM);
        assertThat(page.locator("main dl")).containsText(PROJECT_IMPACT);
        assertThat(page.locator("main dl")).containsText(COPRODUCTION_IMPACT);
        assertDayCentreDiagram(page);
        assertDayCentreList(page);
        assertDayCentreTable(page, HOW);
        assertThat(statements(page, "‘I’ statements")).hasText("I help decide what happens at the day centre.");
        assertThat(statements(page, "‘We’ statements")).hasText("We make meetings and papers accessible, and ask people what they need.");
        // A member reads; the facilitator's tools and findings are not shown.
        assertThat(page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What you can do"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the pathway"))).hasCount(0);
        // On a phone the table scrolls inside its own box, which keyboard users can reach and scroll too.
        Locator tableBox = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("The pathway as a table"));
        assertThat(tableBox).hasAttribute("tabindex", "0");
        assertThat(tableBox.getByRole(AriaRole.TABLE)).isVisible();

        phone.click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Easy read").setExact(true)));

        assertThat(phone.heading()).hasText("Pathway to impact");
        assertThat(page.locator("body")).hasClass(Pattern.compile("(^|\\s)app-easy-read(\\s|$)"));
        Locator problem = page.locator(".app-easy-read-point").filter(new Locator.FilterOptions().setHasText(PROBLEM));
        assertThat(problem).isVisible();
        assertThat(problem.locator(".app-icon")).isVisible();
        assertDayCentreDiagram(page);
        assertDayCentreList(page);
        assertDayCentreTable(page, HOW);
    }

    @Test
    void someoneInTheOrganisationWhoIsNotInTheProjectGetsPageNotFound() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false, org.person(Role.MEMBER)).dayCentre();
        TestData.Person outsider = data.person(org.id(), Role.MEMBER, "outsider-" + TestData.suffix());
        Visitor visitor = phoneUser();
        Page page = visitor.page();

        visitor.signIn(outsider.username(), TestData.PASSWORD).clickLink("Projects");
        assertThat(page.getByText("You are not part of a project yet. Your facilitator can add you.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(setup.name()))).hasCount(0);

        for (String path : new String[] {
                "/projects/" + setup.project(),
                setup.path(),
                setup.path() + "/outcomes/" + setup.outcome(STEERING_GROUP)}) {
            visitor.open(path);
            assertThat(visitor.heading()).hasText("Page not found");
            assertThat(page.locator("main")).not().containsText(STEERING_GROUP);
            assertThat(page.locator("main")).not().containsText(setup.name());
        }
    }

    @Test
    void aMemberCommentsOnAnOutcomeAndTheFacilitatorAcceptsIt() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        TestData.Person member = org.person(Role.MEMBER);
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, true, member).dayCentre();
        String comment = "Could the steering group meet in the afternoon? Mornings are hard with my bus pass.";

        Visitor memberPhone = phoneUser();
        Page page = memberPhone.page();
        memberPhone.signIn(member.username(), TestData.PASSWORD).open(setup.path());
        memberPhone.click(page.locator("#as-a-list ~ ul").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(STEERING_GROUP)));
        assertThat(memberPhone.heading()).hasText(STEERING_GROUP);
        assertThat(page.getByText("No comments yet.")).isVisible();
        memberPhone.fill("Your comment or suggestion", comment).clickButton("Send comment");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your comment has been sent to the facilitator.");
        Locator sent = page.locator(".app-card").filter(new Locator.FilterOptions().setHasText(comment));
        assertThat(sent).containsText("From " + member.name());
        assertThat(sent.locator(".govuk-tag")).hasText("Waiting");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Accept")))).hasCount(0);

        Visitor facilitator = visitor();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open(setup.path());
        assertThat(facilitator.page().getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What you can do")))
                .containsText("1 comment from members is waiting for you");
        // The waiting comment links straight to its outcome's comments.
        facilitator.clickLink("“" + STEERING_GROUP + "”: 1 comment");
        assertThat(facilitator.page().url()).endsWith(setup.path() + "/outcomes/" + setup.outcome(STEERING_GROUP) + "#comments");
        facilitator.clickButton("Accept from " + member.name());

        assertThat(facilitator.heading()).hasText(STEERING_GROUP);
        assertThat(facilitator.page().locator(".govuk-notification-banner--success")).containsText("Comment accepted.");
        Locator accepted = facilitator.page().locator(".app-card").filter(new Locator.FilterOptions().setHasText(comment));
        assertThat(accepted.locator(".govuk-tag")).hasText("Accepted");
        assertThat(accepted.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(jdbc.sql("select status from outcome_comment where outcome_id = :o").param("o", setup.outcome(STEERING_GROUP))
                .query(String.class).single()).isEqualTo("ACCEPTED");

        memberPhone.open(setup.path() + "/outcomes/" + setup.outcome(STEERING_GROUP));
        assertThat(sent.locator(".govuk-tag")).hasText("Accepted");
    }
}
