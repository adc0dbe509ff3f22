package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwayPage.findings;
import static org.coproduction.impact.e2e.PathwaySetup.SAY_WHAT_THEY_WANT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
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
class AssessmentPlanJourneyTest extends Journey {

    private static final String STEERING_SUGGESTION = "A co-production steering group is set up";
    private static final String ALL_CLEAR =
            "The pathway makes sense: every outcome leads towards the impact, has activities and a way to check it.";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Test
    void theFacilitatorPlansEvidenceForEveryOutcomeAdoptingASuggestionAndThePathwayHasNothingLeftToCheck() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        // A day-centre pathway whose outcomes do not yet say how anyone will know they have happened.
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false, org.person(Role.MEMBER)).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, null)
                .outcome(STEERING_GROUP, Term.SHORT, false, null, USE_THE_CENTRE)
                .outcome(SAY_WHAT_THEY_WANT, Term.SHORT, false, null, USE_THE_CENTRE)
                .activity("Open days run with the steering group", ActivityKind.EVENT, USE_THE_CENTRE)
                .activity("Recruit steering group members", ActivityKind.MEETING, STEERING_GROUP)
                .activity("Easy read survey and group discussions", ActivityKind.MATERIALS, SAY_WHAT_THEY_WANT);
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open(setup.path());
        assertThat(findings(page)).hasCount(3);
        for (String outcome : new String[] {USE_THE_CENTRE, STEERING_GROUP, SAY_WHAT_THEY_WANT}) {
            assertThat(findings(page).filter(new Locator.FilterOptions().setHasText(
                    "There is no way to check “" + outcome + "” yet."))).hasCount(1);
        }

        facilitator.open("/projects/" + setup.project()).clickLink("Outcomes assessment plan: what evidence will show each outcome");
        assertThat(facilitator.heading()).hasText("Outcomes assessment plan");
        assertThat(page.locator("#coverage")).containsText("0 of 3 outcomes have a plan.");
        assertThat(page.locator("#coverage li")).hasText(new String[] {USE_THE_CENTRE, STEERING_GROUP, SAY_WHAT_THEY_WANT});

        // The project page's "Evidence so far" says the plan is missing, not "Nothing missing", and links to it.
        facilitator.open("/projects/" + setup.project());
        Locator evidenceSoFar = page.locator("#coverage-table");
        assertThat(evidenceSoFar).not().containsText("Nothing missing");
        assertThat(evidenceSoFar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^No plan yet for")))).hasCount(3);
        facilitator.clickLink("No plan yet for “" + STEERING_GROUP + "”");
        assertThat(facilitator.heading()).hasText("Outcomes assessment plan");
        assertThat(page.url()).endsWith("/plan#outcome-" + setup.outcome(STEERING_GROUP));

        // The steering group: adopt SCIE's real-life example from the suggestions, in the group's own words.
        facilitator.clickLink("See suggestions for " + STEERING_GROUP);
        assertThat(facilitator.heading()).hasText("Suggestions for this outcome");
        Locator closest = page.locator("#closest ~ .app-suggestion");
        assertThat(closest.first().locator("h3")).hasText(STEERING_SUGGESTION);
        facilitator.clickLink("Use this suggestion " + STEERING_SUGGESTION);
        assertThat(facilitator.heading()).hasText("Add evidence");
        assertThat(page.locator(".govuk-inset-text"))
                .containsText("Filled in from the suggestion “" + STEERING_SUGGESTION + "”.");
        assertThat(page.getByLabel("Tasks completed", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Form of evidence")).hasValue(
                "The steering group is set up, with its terms of reference, who is in it and how it works agreed.");
        facilitator.fill("What will success look like?",
                        "The steering group of people who will use the centre has agreed how it works, and it meets every month.")
                .clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added evidence for " + STEERING_GROUP + ".");
        assertThat(page.locator("#coverage")).containsText("1 of 3 outcomes have a plan.");

        // The long-term outcome: counted, from the centre's own records.
        facilitator.clickLink("Add evidence for " + USE_THE_CENTRE)
                .choose("Quantitative")
                .fill("Form of evidence", "How many people come to the centre each month, from the signing-in book.")
                .choose("Administrative data")
                .fill("What will success look like?", "More people come each month, and keep coming.")
                .fill("How will we know it’s working?", "The numbers go up over the year.")
                .fill("Target (optional)", "40 people a month")
                .fill("Where we are starting from (optional)", "22 people a month")
                .clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added evidence for " + USE_THE_CENTRE + ".");

        // What people want: in their own voices.
        facilitator.clickLink("Add evidence for " + SAY_WHAT_THEY_WANT)
                .choose("People’s voices")
                .fill("Form of evidence", "What people say they want to learn and do, in the easy read survey and group discussions.")
                .choose("Surveys")
                .choose("Group discussion")
                .fill("What will success look like?", "Everyone who wants to has said what they want, in the way that suits them.")
                .clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added evidence for " + SAY_WHAT_THEY_WANT + ".");

        // Every outcome has a plan.
        assertThat(page.locator("#coverage")).hasCount(0);
        assertThat(page.locator("main")).containsText("All 3 outcomes have a plan.");
        assertThat(page.locator("main")).not().containsText("No plan for this outcome yet.");
        assertThat(jdbc.sql("select count(*) from plan_row where project_id = :p and archived_at is null")
                .param("p", setup.project()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(distinct outcome_id) from plan_row where project_id = :p and archived_at is null")
                .param("p", setup.project()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select suggestion_key from plan_row where project_id = :p and outcome_id = :o")
                .param("p", setup.project()).param("o", setup.outcome(STEERING_GROUP)).query(String.class).single())
                .isEqualTo("steering-group-formed");

        // The spreadsheet download.
        String href = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as a spreadsheet (CSV)")).getAttribute("href");
        APIResponse csv = facilitator.context().request().get("http://localhost:" + port + href);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(USE_THE_CENTRE, STEERING_GROUP, SAY_WHAT_THEY_WANT, "40 people a month");

        // Now every outcome has a plan: nothing on the project page says otherwise.
        facilitator.open("/projects/" + setup.project());
        assertThat(page.locator("#coverage-table")).not().containsText("No plan yet");
        assertThat(page.locator("#coverage-table tr:has-text(\"" + STEERING_GROUP + "\")")).containsText("Planned: tasks completed. None yet.");
        facilitator.open("/projects/" + setup.project() + "/plan");

        // The pathway's things to check no longer say an outcome has no way to check it.
        facilitator.clickLink("See the pathway to impact");
        assertThat(page.locator("main")).not().containsText("There is no way to check");
        assertThat(findings(page)).hasCount(0);
        assertThat(page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What you can do")))
                .containsText(ALL_CLEAR);

        // A member of the group reads the finished plan, and its easy-read version, on their phone.
        Visitor member = phoneUser();
        Page memberPage = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open("/projects/" + setup.project() + "/plan");
        assertThat(memberPage.locator("main")).containsText("All 3 outcomes have a plan.");
        assertThat(memberPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add evidence for " + STEERING_GROUP))).hasCount(0);
        member.clickLink("Easy read version");
        assertThat(memberPage.locator("main")).containsText("More people come each month, and keep coming.");
        assertThat(memberPage.locator("main")).containsText("40 people a month");
    }
}
