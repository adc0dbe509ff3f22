package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class FrameworkJourneyTest extends Journey {

    private static final String SECTION = "Why we are writing this framework";
    private static final String FIRST_TEXT = "We are writing this framework so that our members can show funders what changes when we work together.";
    private static final String REVIEWED_TEXT = "We are writing this framework so that our members and carers can show everyone what changes when we work together.";

    @Test
    void aFacilitatorWritesAndPublishesTheFrameworkAViewerReadsItAndTheYearlyReviewIsCompared() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        LocalDate review = LocalDate.now().plusMonths(11);
        String reviewWords = review.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));

        // The facilitator opens the framework: the first draft, made from the starter text.
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/framework");
        assertThat(facilitator.heading()).hasText("Co-production impact framework");
        assertThat(page.locator("main")).containsText("Nothing has been published yet.");
        facilitator.clickLink("Work on the draft");
        assertThat(page.locator("main")).containsText("Version 1, started on");

        // Write one section in the organisation's own words.
        facilitator.clickLink("Change " + SECTION);
        assertThat(facilitator.heading()).hasText(SECTION);
        assertThat(page.locator(".app-guidance")).containsText("What made us start this work?");
        facilitator.fill("Text", FIRST_TEXT)
                .fill("Easy-read summary", "We want to show what changes when we work together.")
                .clickButton("Save this section");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText(SECTION + ": saved.");
        assertThat(section(page, "why")).containsText(FIRST_TEXT);

        // Publish it, with the next review date.
        facilitator.clickLink("Publish version 1");
        assertThat(facilitator.heading()).hasText("Publish version 1");
        facilitator.fill("Day", String.valueOf(review.getDayOfMonth()))
                .fill("Month", String.valueOf(review.getMonthValue()))
                .fill("Year", String.valueOf(review.getYear()))
                .clickButton("Publish version 1");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Version 1 is published.");
        assertThat(page.locator("main")).containsText("Next review by " + reviewWords + ".");
        UUID first = jdbc.sql("select id from framework_version where organisation_id = :org and number = 1 and status = 'PUBLISHED'")
                .param("org", org.id().value()).query(UUID.class).single();
        assertThat(jdbc.sql("select next_review_on from framework_version where id = :id").param("id", first)
                .query(LocalDate.class).single()).isEqualTo(review);
        assertThat(jdbc.sql("select body from framework_section where version_id = :id and section_key = 'why'")
                .param("id", first).query(String.class).single()).isEqualTo(FIRST_TEXT);

        // A viewer reads the published framework on their phone, and its downloads are the right kinds of file.
        Visitor viewer = phoneUser();
        viewer.signIn(org.person(Role.VIEWER).username(), TestData.PASSWORD).open("/framework");
        Page viewerPage = viewer.page();
        assertThat(viewerPage.locator("main")).containsText(reviewWords);
        assertThat(viewerPage.locator("main")).not().containsText("Work on the draft");
        assertDownload(viewer, "Download as a PDF (accessible, with the easy-read summary)", "application/pdf", "%PDF");
        assertDownload(viewer, "Download as a Word file (to edit)",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK");
        viewer.clickLink("Read the framework");
        assertThat(viewerPage.locator("main")).containsText("Version 1, published on");
        assertThat(section(viewerPage, "why")).containsText(FIRST_TEXT);
        assertThat(viewerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change " + SECTION))).hasCount(0);
        viewer.clickLink("Read the easy-read summary");
        assertThat(viewerPage.locator("main")).containsText("We want to show what changes when we work together.");

        // The yearly review: a new draft copied from version 1, with one section changed.
        facilitator.open("/framework").clickButton("Start a new draft");
        assertThat(page.locator(".govuk-notification-banner--success"))
                .containsText("A new draft has started. Change any section, then publish it.");
        assertThat(page.locator("main")).containsText("No sections have changed since version 1.");
        facilitator.clickLink("Change " + SECTION);
        assertThat(page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))).hasValue(FIRST_TEXT);
        facilitator.fill("Text", REVIEWED_TEXT).clickButton("Save this section");
        assertThat(page.locator("main")).containsText("1 section has changed since version 1.");
        assertThat(section(page, "why").locator(".govuk-tag")).hasText("Changed");

        // Compare the two versions: the words taken out and put in.
        facilitator.open("/framework").clickLink("See every version and compare two");
        assertThat(page.getByLabel("Earlier version").locator("option:checked")).containsText("Version 1, published on");
        assertThat(page.getByLabel("Later version").locator("option:checked")).hasText("Version 2 (draft)");
        facilitator.clickButton("Compare");
        assertThat(page.url()).contains("/framework/compare?from=");
        assertThat(facilitator.heading()).hasText("Changes from version 1 to version 2");
        assertThat(page.locator("main")).containsText("1 of 13 sections changed.");
        Locator changed = page.locator(".app-framework-section")
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(SECTION))));
        assertThat(changed.locator(".govuk-tag")).hasText("Changed");
        assertThat(changed.locator("del")).hasText(new String[] {"[taken out: funders ]"});
        assertThat(changed.locator("ins")).hasText(new String[] {"[put in: and carers ]", "[put in: everyone ]"});

        // The published version is untouched by the draft.
        assertThat(jdbc.sql("select body from framework_section where version_id = :id and section_key = 'why'")
                .param("id", first).query(String.class).single()).isEqualTo(FIRST_TEXT);
    }

    private static Locator section(Page page, String slug) {
        return page.locator(".app-framework-section").filter(new Locator.FilterOptions().setHas(page.locator("h3#" + slug)));
    }

    /** Fetches a download link with the visitor's own session, without opening the file as a page. */
    private static void assertDownload(Visitor visitor, String link, String contentType, String magic) {
        String href = visitor.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).getAttribute("href");
        String url = visitor.page().url().replaceFirst("(https?://[^/]+).*", "$1") + href;
        APIResponse response = visitor.context().request().get(url);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith(contentType);
        assertThat(new String(response.body(), 0, magic.length(), java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(magic);
    }
}
