package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator brings in last year's attendance spreadsheet: checks the preview (the activities,
 * the names that match no member, the rows left out and why), confirms, and sees the activities
 * with their attendance among the project's recorded evidence (issue #13).
 */
@BrowserJourney
class ImportAttendanceJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Test
    void aFacilitatorBringsInPastAttendanceFromASpreadsheetAndSeesTheActivities() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Attendance journey");
        TestData.Person me = org.person(Role.FACILITATOR);
        TestData.Person sian = data.person(org.id(), Role.MEMBER, "sian-" + TestData.suffix());
        jdbc.sql("update user_account set display_name = 'Siân Hughes' where id = :id").param("id", sian.id()).update();
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Coffee club " + TestData.suffix(), null, null, null, null,
                me.id(), false, List.of(sian.id())));
        byte[] file;
        try (var in = getClass().getResourceAsStream("/imports/attendance-names-per-row.csv")) {
            file = in.readAllBytes();
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(me.username(), TestData.PASSWORD);
        facilitator.open("/projects/" + project + "/recorded");
        facilitator.clickLink("Bring in past activity and attendance from a spreadsheet");
        assertThat(facilitator.heading()).hasText("Bring in past activity and attendance");

        // No file chosen: the error beside the field, nothing kept.
        facilitator.clickButton("Check the file");
        assertThat(page.locator("#file-error")).containsText("Choose a spreadsheet to upload");

        page.getByLabel("Spreadsheet of past activity").setInputFiles(new FilePayload("attendance 2024.csv", "text/csv", file));
        facilitator.clickButton("Check the file");
        // A large file is read in the background: the page says how far it has got and a button checks again.
        for (int i = 0; i < 50 && page.locator("#check-progress").count() > 0; i++) {
            Thread.sleep(200);
            facilitator.clickLink("Check progress");
        }
        assertThat(facilitator.heading()).hasText("Check what will be recorded");
        assertThat(page.locator("#activities")).hasText("2 activities will be recorded");
        assertThat(page.locator("#unmatched")).hasText("4 names did not match a member");
        assertThat(page.locator("#unmatched-names")).containsText("Rhodri Ŵyn");
        assertThat(page.locator("#refused")).hasText("3 rows will not be brought in");
        assertThat(page.locator("main")).containsText("The date 31/12/2099 is in the future");
        assertThat(jdbc.sql("select count(*) from record_item where project_id = :p").param("p", project).query(Integer.class).single()).isZero();

        facilitator.clickButton("Record 2 activities");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("2 activities recorded from the spreadsheet");
        assertThat(page.locator("main")).containsText("Coffee morning");
        assertThat(page.locator("main")).containsText("Planning group");
        facilitator.clickLink("Coffee morning");
        assertThat(facilitator.heading()).hasText("Coffee morning");
        assertThat(page.locator("main")).containsText("Siân Hughes");
    }
}
