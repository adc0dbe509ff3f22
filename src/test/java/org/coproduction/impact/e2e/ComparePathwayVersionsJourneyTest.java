package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwaySetup.SAY_WHAT_THEY_WANT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class ComparePathwayVersionsJourneyTest extends Journey {

    private static final String RENAMED = "More people use the day centre and tell their friends about it";
    private static final String TRAINED = "Staff are trained to communicate in accessible ways";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Test
    void theFacilitatorComparesTwoVersionsAndSeesWhatWasAddedChangedAndRemoved() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers")
                .outcome(STEERING_GROUP, Term.SHORT, false, "Terms of reference agreed", USE_THE_CENTRE)
                .outcome(SAY_WHAT_THEY_WANT, Term.SHORT, false, "Easy read survey answers", USE_THE_CENTRE);
        assertThat(setup.revisions()).isEqualTo(4);
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD)
                .open(setup.path()).clickLink("Change the pathway");

        // Rename an outcome.
        facilitator.clickLink("Change " + USE_THE_CENTRE).fill("Outcome", RENAMED).clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved “" + RENAMED + "”.");

        // Say another comes later than first thought.
        facilitator.clickLink("Change " + SAY_WHAT_THEY_WANT).choose("Medium-term").clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved “" + SAY_WHAT_THEY_WANT + "”.");

        // Add one.
        facilitator.clickLink("Add an outcome")
                .fill("Outcome", TRAINED)
                .choose("Medium-term")
                .choose(RENAMED)
                .fill("How will we know it has happened?", "Staff rate their confidence before and after the training")
                .clickButton("Save");
        assertThat(facilitator.heading()).hasText("Change the pathway");
        assertThat(outcomeRows(page, "Medium-term outcomes")).hasText(new String[] {SAY_WHAT_THEY_WANT, TRAINED});

        // Remove one, after confirming.
        facilitator.clickLink("Remove " + STEERING_GROUP);
        assertThat(facilitator.heading()).hasText("Remove “" + STEERING_GROUP + "”?");
        facilitator.clickButton("Remove");
        assertThat(page.locator(".govuk-notification-banner--success"))
                .containsText("Removed “" + STEERING_GROUP + "”. It is kept under Removed outcomes.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Removed outcomes"))).isVisible();

        facilitator.clickLink("Back").clickLink("History of changes");
        assertThat(facilitator.heading()).hasText("History of changes");
        Locator versions = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("History of changes")).locator("tbody tr");
        assertThat(versions).hasCount(8);
        assertThat(versions.nth(0)).containsText("Removed outcome “" + STEERING_GROUP + "”");
        assertThat(versions.nth(0)).containsText(org.person(Role.FACILITATOR).name());
        assertThat(versions.nth(1)).containsText("Added outcome “" + TRAINED + "”");
        assertThat(versions.nth(2)).containsText("Changed outcome “" + SAY_WHAT_THEY_WANT + "”");
        assertThat(versions.nth(3)).containsText("Changed outcome “" + RENAMED + "”");

        // Compare the version before today's changes with the latest.
        Locator earlier = page.getByLabel("Earlier version");
        Locator later = page.getByLabel("Later version");
        assertThat(earlier).hasValue("7");
        assertThat(later).hasValue("8");
        earlier.selectOption(new SelectOption().setLabel("Version 4: Added outcome “" + SAY_WHAT_THEY_WANT + "”"));
        facilitator.clickButton("Compare");

        assertThat(page.url()).endsWith(setup.path() + "/compare?from=4&to=8");
        assertThat(facilitator.heading()).hasText("Changes from version 4 to version 8");
        Locator changes = page.locator("main li.app-change");
        assertThat(changes).hasCount(4);

        assertChange(changes.nth(0), "Changed", RENAMED);
        assertFields(changes.nth(0), new String[][] {{"Outcome", USE_THE_CENTRE, RENAMED}});
        // Choices are shown in words, and a renamed outcome is named as it was and as it is.
        assertChange(changes.nth(1), "Changed", SAY_WHAT_THEY_WANT);
        assertFields(changes.nth(1), new String[][] {
            {"When will this change happen?", "Short-term", "Medium-term"},
            {"What does it lead to?", USE_THE_CENTRE, RENAMED}});
        assertChange(changes.nth(2), "Added", TRAINED);
        assertThat(changes.nth(2).getByRole(AriaRole.TABLE)).hasCount(0);
        assertChange(changes.nth(3), "Removed", STEERING_GROUP);
        assertThat(changes.nth(3).getByRole(AriaRole.TABLE)).hasCount(0);
    }

    @Test
    void aStaleEditShowsTheirVersionKeepsWhatTheSecondPersonTypedAndOverwritesNothing() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, "Visitor numbers");
        int revisions = setup.revisions();
        String edit = setup.path() + "/outcomes/" + setup.outcome(USE_THE_CENTRE) + "/edit";
        String theirs = "More people use the day centre every week";
        String mine = "More people choose the day centre over other services";

        Visitor first = visitor();
        first.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open(edit);
        Visitor second = visitor();
        second.signIn(org.admin().username(), TestData.PASSWORD).open(edit);
        assertThat(second.page().getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))).hasValue(USE_THE_CENTRE);

        first.fill("Outcome", theirs).clickButton("Save");
        assertThat(first.page().locator(".govuk-notification-banner--success")).containsText("Saved “" + theirs + "”.");

        second.fill("Outcome", mine)
                .fill("How will we know it has happened?", "Ask people why they chose us")
                .clickButton("Save");

        Page page = second.page();
        String message = "Someone else saved a change to this pathway while you were working. Check their version, then save again";
        assertThat(page).hasTitle(Pattern.compile("^Error: Change an outcome"));
        assertThat(page.locator(".govuk-error-summary a[href='#title']")).hasText(message);
        assertThat(page.locator("#title-error")).hasText("Error: " + message);
        Locator theirVersion = page.locator(".app-their-version");
        assertThat(theirVersion.getByRole(AriaRole.HEADING)).hasText("Their version: Outcome");
        assertThat(theirVersion).containsText(theirs);
        assertThat(theirVersion).containsText("Visitor numbers");
        assertThat(theirVersion).containsText("Your version is in the form below.");
        assertThat(page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true))).hasValue(mine);
        assertThat(page.getByLabel("How will we know it has happened?")).hasValue("Ask people why they chose us");

        // Nothing of theirs was overwritten, and nothing of mine was saved.
        assertThat(setup.pathway().outcomeTitle(setup.outcome(USE_THE_CENTRE))).isEqualTo(theirs);
        assertThat(setup.pathway().outcome(setup.outcome(USE_THE_CENTRE)).orElseThrow().howWeWillKnow()).isEqualTo("Visitor numbers");
        assertThat(setup.revisions()).isEqualTo(revisions + 1);

        // Having seen their version, the second person can save theirs on top of it.
        second.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved “" + mine + "”.");
        assertThat(setup.pathway().outcomeTitle(setup.outcome(USE_THE_CENTRE))).isEqualTo(mine);
        assertThat(setup.revisions()).isEqualTo(revisions + 2);
    }

    private static void assertChange(Locator change, String kind, String outcome) {
        assertThat(change.locator(".govuk-tag")).hasText(kind);
        assertThat(change.locator("p")).hasText(kind + " Outcome: " + outcome);
    }

    /** The "What changed" table: one row per field, with its words before (deleted) and after (inserted). */
    private static void assertFields(Locator change, String[][] rows) {
        Locator table = change.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("What changed"));
        assertThat(table.locator("thead th")).hasText(new String[] {"What", "Before", "After"});
        assertThat(table.locator("tbody tr")).hasCount(rows.length);
        for (int i = 0; i < rows.length; i++) {
            Locator row = table.locator("tbody tr").nth(i);
            assertThat(row.locator("th")).hasText(rows[i][0]);
            assertThat(row.locator("td del")).hasText(rows[i][1]);
            assertThat(row.locator("td ins")).hasText(rows[i][2]);
        }
    }

    private static Locator outcomeRows(Page page, String caption) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(caption)).locator("tbody th");
    }
}
