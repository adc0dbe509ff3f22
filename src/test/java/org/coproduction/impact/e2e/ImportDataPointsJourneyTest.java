package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class ImportDataPointsJourneyTest extends Journey {

    private static final String MEASURE = "People using the day centre";

    @Autowired
    ProjectService projects;

    @Test
    void aFacilitatorImportsDataPointsFromACsvFileSeesTheRejectedRowAndConfirmsUsingOnlyTheKeyboard() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                me.id(), true, List.of(org.person(Role.MEMBER).id())));
        byte[] csv = ("measure,date,value,note\n"
                + MEASURE + ",06/01/2026,41,\n"
                + MEASURE + ",03/02/2026,44,Two new members after the open day\n"
                + MEASURE + ",03/03/2026,lots,\n"
                + MEASURE + ",2026-03-31,47,\n").getBytes(StandardCharsets.UTF_8);

        Visitor facilitator = keyboardUser();
        Page page = facilitator.page();
        facilitator.open("/sign-in")
                .tabTo(page.getByLabel("Email address or username")).type(me.username())
                .tabTo(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).type(TestData.PASSWORD)
                .pressToLoad("Enter");
        facilitator.open("/projects/" + project)
                .tabTo(link(page, "Data: numbers collected over time")).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Data");
        assertThat(page.locator("main")).containsText("There are no data points yet.");

        facilitator.tabTo(link(page, "Import data points from a CSV file")).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Import data points from a CSV file");
        facilitator.tabTo(page.getByLabel("CSV file"));
        FileChooser chooser = chooseWithSpace(page);
        chooser.setFiles(new FilePayload("attendance.csv", "text/csv", csv));
        facilitator.tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check the file")))
                .pressToLoad("Enter");

        // The preview: what will be imported, and the row that will not be, with its line and reason.
        assertThat(facilitator.heading()).hasText("Check the data before you import it");
        assertThat(page.locator("main")).containsText("Nothing has been saved yet.");
        assertThat(page.locator("main h2").first()).hasText("3 rows will be imported");
        assertThat(page.locator("#rejected")).hasText("1 row will not be imported");
        Locator rejected = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rows that will not be imported, and why"))
                .locator("tbody tr");
        assertThat(rejected).hasCount(1);
        assertThat(rejected.locator("td")).hasText(new String[] {"4", "The value “lots” is not a number"});
        assertThat(jdbc.sql("select count(*) from data_point where project_id = :p").param("p", project).query(Integer.class).single())
                .isZero();

        facilitator.tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 data points")))
                .pressToLoad("Enter");

        assertThat(facilitator.heading()).hasText("Data");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("3 data points were imported");
        Locator row = page.locator("tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row.locator("th, td")).hasText(new String[] {MEASURE, "Other number", "47", "31 March 2026", "3"});

        facilitator.tabTo(link(page, MEASURE)).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText(MEASURE);
        assertThat(page.locator("tbody tr th")).hasText(new String[] {"31 March 2026", "3 February 2026", "6 January 2026"});
        // The values over time as columns beside the table, said in words too.
        assertThat(page.locator("#chart rect")).hasCount(3);
        assertThat(page.locator("#chart figcaption"))
                .hasText("The chart shows the last 3 values, oldest on the left: from 41 on 6 January 2026 to 47 on 31 March 2026.");
        assertThat(page.locator("tbody tr").nth(1)).containsText("Two new members after the open day");
        assertThat(page.locator("tbody tr").first()).containsText("Imported from attendance.csv");
        assertThat(jdbc.sql("select count(*) from data_point where project_id = :p").param("p", project).query(Integer.class).single())
                .isEqualTo(3);

        // One more value typed in by hand: a mistake first, then put right.
        facilitator.tabTo(link(page, "Add a value to " + MEASURE)).pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Add a data point");
        assertThat(page.getByLabel("Which measure is it for?")).hasValue(MEASURE);
        facilitator.tabTo(page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true))).type("about fifty")
                .tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the data point"))).pressToLoad("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("The value must be a number, like 41 or 3.5");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the date the value is for");
        facilitator.tabTo(page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true))).press("Control+A").type("49")
                .tabTo(page.getByLabel("Day")).type("30")
                .tabTo(page.getByLabel("Month")).type("4")
                .tabTo(page.getByLabel("Year")).type("2026")
                .tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the data point"))).pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The value for " + MEASURE + " was saved");
        assertThat(page.locator("tbody tr").first().locator("th, td"))
                .hasText(new String[] {MEASURE, "Other number", "49", "30 April 2026", "4"});
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Opens the file chooser as a keyboard user does, with Space on the focused file field. On a loaded
     * machine headless Chromium now and then drops that key press (the chooser never opens: seen once in
     * CI, never when run alone), so a person would press Space again, and so does the test, at most
     * three times. It is still only the keyboard that opens the chooser.
     */
    private static FileChooser chooseWithSpace(Page page) {
        for (int attempt = 1; ; attempt++) {
            try {
                return page.waitForFileChooser(new Page.WaitForFileChooserOptions().setTimeout(10_000), () -> page.keyboard().press("Space"));
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
