package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class SubjectAccessJourneyTest extends Journey {

    @Test
    void anAdminDownloadsEverythingHeldAboutAMemberWhoAskedForIt() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor admin = visitor();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People");
        admin.clickLink("Their data for " + member.name());

        assertThat(admin.heading()).hasText("Data about " + member.name());
        assertThat(admin.page().locator(".govuk-warning-text")).containsText("Downloading it is written in the activity log");
        Page page = admin.page();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download their data").setExact(true)).click());
        assertThat(download.suggestedFilename()).isEqualTo("data-about-" + member.username() + ".zip");

        Map<String, String> zip = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(download.path())))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(zip).containsKeys("summary.html", "data.json", "csv/user_account.csv");
        assertThat(zip.get("summary.html")).contains("Data about " + member.name(), member.username());

        admin.clickLink("Activity log");
        assertThat(admin.page().locator("table")).containsText(member.name());
    }
}
