package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator opens the search from the home page, searches for words that are not exactly those
 * recorded ("meeting" for "meetings"), reads the result's kind and project, and opens it; a search that
 * finds nothing says so.
 */
@BrowserJourney
class SearchJourneyTest extends Journey {

    static final String BOX = "Search projects, outcomes, recorded evidence, forms and reports";

    @Autowired
    ProjectService projects;

    @Autowired
    RecordService records;

    @Test
    void aFacilitatorSearchesAndOpensAResult() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
        String project = "Hazel day centre " + TestData.suffix();
        UUID projectId = projects.create(admin, new ProjectService.ProjectDetails(project, null, null, null, null, org.admin().id(), false,
                List.of()));
        String title = "What the group said about transport";
        records.add(admin, projectId, ItemDraft.voice(RecordKind.DISCUSSION, title, LocalDate.now(), null,
                "The minibus makes the weekly meetings possible for hazelnut people", Speaker.ANONYMOUS, null, null, List.of(), List.of(),
                List.of()));

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).clickLink(BOX);
        assertThat(facilitator.heading()).hasText("Search");

        facilitator.fill(BOX, "meeting hazelnut minibus").clickButton("Search");
        assertThat(page).hasURL(Pattern.compile("/search\\?q=meeting"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 result");
        assertThat(page.locator("main li")).containsText("Voice");
        assertThat(page.locator("main li")).containsText("Project: " + project);

        facilitator.clickLink(title);
        assertThat(facilitator.heading()).hasText(title);
        assertThat(page).hasURL(Pattern.compile("/projects/" + projectId + "/recorded/items/"));

        facilitator.open("/search?q=nothingatallhere");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Nothing found for “nothingatallhere”. Check the spelling or try other words.");
    }
}
