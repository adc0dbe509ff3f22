package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.coproduction.impact.e2e.PathwaySetup.CHOSEN_ACTIVITIES;
import static org.coproduction.impact.e2e.PathwaySetup.FRIENDS;
import static org.coproduction.impact.e2e.PathwaySetup.SAY_WHAT_THEY_WANT;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * What people read on the pathway pages, found the way they find it: the nested list under "The
 * pathway as a list", the table named "The pathway as a table", the statements under their
 * headings, and each finding's "Fix this" link.
 */
final class PathwayPage {

    private PathwayPage() {}

    /**
     * The day-centre pathway ({@link PathwaySetup#dayCentre()}) as a nested list, read backwards from
     * the impact: each outcome with when it happens, its activities, then the outcomes leading to it.
     */
    /**
     * The day-centre pathway as a diagram: a figure with a caption, an SVG with an accessible name,
     * one box per outcome and per activity, and the impact.
     */
    static void assertDayCentreDiagram(Page page) {
        Locator figure = page.locator("figure.app-diagram");
        assertThat(figure).isVisible();
        assertThat(figure.locator("figcaption")).not().isEmpty();
        Locator svg = figure.locator("svg[role=img]");
        assertThat(svg).hasCount(1);
        assertThat(svg.locator("title").first()).not().isEmpty();
        assertThat(svg.locator("[data-kind^=outcome-]")).hasCount(5);
        assertThat(svg.locator("[data-kind=activity]")).hasCount(5);
        assertThat(svg.locator("[data-kind=impact]")).hasCount(1);
    }

    static void assertDayCentreList(Page page) {
        Locator impact = page.locator("#as-a-list ~ ul.app-pathway-list > li");
        assertThat(impact).hasCount(1);
        assertThat(impact.locator(":scope > strong")).hasText("Impact");
        Locator longTerm = impact.locator(":scope > ul > li");
        assertThat(longTerm).hasCount(2);
        assertOutcome(longTerm.nth(0), USE_THE_CENTRE, "Long-term");
        assertOutcome(longTerm.nth(1), FRIENDS, "Long-term");

        Locator underCentre = longTerm.nth(0).locator(":scope > ul > li");
        assertThat(underCentre).hasCount(2);
        assertActivities(underCentre.nth(0), "Open days run with the steering group (Event)");
        assertOutcome(underCentre.nth(1), CHOSEN_ACTIVITIES, "Medium-term");
        Locator underChosen = underCentre.nth(1).locator(":scope > ul > li");
        assertThat(underChosen).hasCount(2);
        assertActivities(underChosen.nth(0), "Workshops to plan the timetable together (Workshop)");
        assertOutcome(underChosen.nth(1), STEERING_GROUP, "Short-term");
        assertActivities(underChosen.nth(1).locator(":scope > ul > li"), "Recruit steering group members (Meeting)");

        Locator underFriends = longTerm.nth(1).locator(":scope > ul > li");
        assertThat(underFriends).hasCount(2);
        assertActivities(underFriends.nth(0), "Monthly social evenings planned by members (Event)");
        assertOutcome(underFriends.nth(1), SAY_WHAT_THEY_WANT, "Short-term");
        assertActivities(underFriends.nth(1).locator(":scope > ul > li"), "Easy read survey and group discussions (Producing materials)");
        assertThat(page.getByText("Not linked to the impact yet")).hasCount(0);
    }

    /**
     * The day-centre pathway as a table: one row per outcome with when, what it leads to, its
     * activities, and how we will know ({@code how}, in the order the outcomes were added; empty if not said).
     */
    static void assertDayCentreTable(Page page, String... how) {
        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("The pathway as a table"));
        assertThat(table.locator("thead th")).hasText(new String[] {"Outcome", "When", "Leads to", "Activities", "How we will know"});
        Locator rows = table.locator("tbody tr");
        assertThat(rows).hasCount(5);
        assertRow(rows.nth(0), USE_THE_CENTRE, "Long-term", "Impact", "Open days run with the steering group", how[0]);
        assertRow(rows.nth(1), FRIENDS, "Long-term", "Impact", "Monthly social evenings planned by members", how[1]);
        assertRow(rows.nth(2), CHOSEN_ACTIVITIES, "Medium-term", USE_THE_CENTRE, "Workshops to plan the timetable together", how[2]);
        assertRow(rows.nth(3), STEERING_GROUP, "Short-term", CHOSEN_ACTIVITIES, "Recruit steering group members", how[3]);
        assertRow(rows.nth(4), SAY_WHAT_THEY_WANT, "Short-term", FRIENDS, "Easy read survey and group discussions", how[4]);
    }

    /** The statements under a heading ("‘I’ statements" or "‘We’ statements"). */
    static Locator statements(Page page, String heading) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true))
                .locator("xpath=following-sibling::ul[1]/li");
    }

    /** The items under "n things to check". */
    static Locator findings(Page page) {
        return page.locator(".app-findings__item");
    }

    /** A finding's "Fix this" link, whose name ends with the finding, so each one says what it fixes. */
    static Locator fixLink(Page page, String finding) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fix this " + finding).setExact(true));
    }

    private static void assertOutcome(Locator item, String title, String when) {
        assertThat(item.locator(":scope > a")).hasText(title);
        assertThat(item.locator(":scope > span")).hasText("(" + when + ")");
    }

    private static void assertRow(Locator row, String outcome, String when, String leadsTo, String activities, String how) {
        assertThat(row.locator("th")).hasText(outcome);
        assertThat(row.locator("td")).hasText(new String[] {when, leadsTo, activities, how});
    }

    private static void assertActivities(Locator item, String activity) {
        assertThat(item).containsText("Activities:");
        assertThat(item.locator(":scope > ul > li")).hasText(activity);
    }
}
