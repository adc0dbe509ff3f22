package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.coproduction.impact.shared.export.ExportCheck;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class OrganisationExportJourneyTest extends Journey {

    @Test
    void anAdminDownloadsAllOfTheOrganisationsData() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        Visitor admin = visitor();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People");
        admin.clickLink("Download all of the organisation’s data");

        assertThat(admin.heading()).hasText("Download all of the organisation’s data");
        assertThat(admin.page().locator(".govuk-warning-text")).containsText("Downloading it is written in the activity log");
        Page page = admin.page();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download all of the organisation’s data").setExact(true))
                .and(page.locator(".govuk-button")).click());
        assertThat(download.suggestedFilename()).startsWith("organisation-data-").endsWith(".zip");

        ExportCheck.Summary summary = ExportCheck.check(new ByteArrayInputStream(Files.readAllBytes(download.path())));
        assertThat(summary.organisation()).isEqualTo(org.name());
        assertThat(summary.rows()).containsEntry("membership", (long) org.people().size());

        admin.clickLink("Activity log");
        assertThat(admin.page().locator("table")).containsText("ORGANISATION_EXPORTED");
    }
}
