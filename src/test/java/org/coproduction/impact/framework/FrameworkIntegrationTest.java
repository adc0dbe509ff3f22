package org.coproduction.impact.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The framework's versions, pages, publishing, access and bad input, through the real pages. */
@IntegrationTest
class FrameworkIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FrameworkService frameworks;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    record Setup(TestData.Org org, Tenant facilitator) {

        RequestPostProcessor as(TestData data, Role role) {
            return data.as(org.person(role));
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Framework");
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Setup(org, new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR));
    }

    private UUID firstDraft(Setup s) {
        return frameworks.versions(s.facilitator()).getFirst().id();
    }

    private void save(Setup s, UUID version, Section section, String body, String easyRead) {
        SectionText current = frameworks.draftSection(s.facilitator(), version, section);
        assertThat(frameworks.saveSection(s.facilitator(), version, section, current.lockVersion(), body, easyRead))
                .isInstanceOf(SaveResult.Saved.class);
    }

    private Document page(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        String html = mvc.perform(request.with(as)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    // -------------------------------------------------------------------------------------------
    // Starting, publishing, reviewing

    @Test
    void anEditorsFirstVisitStartsADraftFromTheStarterText() throws Exception {
        Setup s = setup();

        Document overview = page(get("/framework"), s.as(data, Role.FACILITATOR));

        List<VersionSummary> versions = frameworks.versions(s.facilitator());
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.isDraft()).isTrue();
            assertThat(v.basedOnNumber()).isNull();
        });
        FrameworkVersion draft = frameworks.version(s.facilitator(), versions.getFirst().id());
        assertThat(draft.sections()).extracting(SectionText::section).containsExactly(Section.values());
        assertThat(draft.section(Section.DEFINITIONS).orElseThrow().body())
                .contains("**Impact**", "**Outcomes**", "**Activities**", "**Co-production achievements**",
                        "**Benefits of co-production**", "**Evaluation and feedback**");
        assertThat(draft.section(Section.COPRODUCTION).orElseThrow().body())
                .contains("**Equality**", "**Diversity**", "**Accessibility**", "**Reciprocity**");
        assertThat(draft.section(Section.WHY).orElseThrow().body()).startsWith(s.org().name());
        assertThat(draft.sections()).allSatisfy(t -> assertThat(t.easyReadPoints()).isNotEmpty());
        assertThat(overview.select("a[href=/framework/versions/" + draft.summary().id() + "]").text()).isEqualTo("Work on the draft");

        // A second visit finds the same draft.
        page(get("/framework"), s.as(data, Role.ADMIN));
        assertThat(frameworks.versions(s.facilitator())).hasSize(1);
    }

    @Test
    void aReaderVisitingFirstSeesNothingPublishedAndStartsNothing() throws Exception {
        Setup s = setup();

        Document overview = page(get("/framework"), s.as(data, Role.VIEWER));

        assertThat(overview.text()).contains("Your organisation has not published its framework yet.");
        assertThat(frameworks.latestPublished(s.facilitator())).isEmpty();
        assertThat(frameworks.draft(s.facilitator())).isEmpty();
    }

    @Test
    void publishingFreezesTheVersionAndANewDraftCopiesIt() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        save(s, first, Section.WHY, "Our own reasons.", "We want to show what changes.");

        String location = mvc.perform(post("/framework/versions/" + first + "/publish").with(s.as(data, Role.FACILITATOR)).with(csrf())
                        .param("nextReviewDay", "1").param("nextReviewMonth", "6")
                        .param("nextReviewYear", String.valueOf(LocalDate.now().getYear() + 1)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).isEqualTo("/framework/versions/" + first);
        VersionSummary published = frameworks.latestPublished(s.facilitator()).orElseThrow();
        assertThat(published.id()).isEqualTo(first);
        assertThat(published.nextReviewOn()).isEqualTo(LocalDate.of(LocalDate.now().getYear() + 1, 6, 1));
        assertThat(published.publishedByName()).isEqualTo(s.org().person(Role.FACILITATOR).name());
        // Frozen: no way in to change it, by page or by service.
        mvc.perform(get("/framework/versions/" + first + "/sections/why/edit").with(s.as(data, Role.FACILITATOR)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/framework/versions/" + first + "/sections/why/edit").with(s.as(data, Role.FACILITATOR)).with(csrf())
                        .param("body", "Changed after publishing").param("lockVersion", "1"))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> frameworks.saveSection(s.facilitator(), first, Section.WHY, 1, "Changed", ""))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(post("/framework/versions/" + first + "/publish").with(s.as(data, Role.FACILITATOR)).with(csrf())
                        .param("nextReviewDay", "1").param("nextReviewMonth", "6")
                        .param("nextReviewYear", String.valueOf(LocalDate.now().getYear() + 1)))
                .andExpect(status().isNotFound());
        assertThat(frameworks.version(s.facilitator(), first).section(Section.WHY).orElseThrow().body()).isEqualTo("Our own reasons.");

        // The yearly review: a new draft, a copy of the last published version.
        String draftLocation = mvc.perform(post("/framework/drafts").with(s.as(data, Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        VersionSummary draft = frameworks.draft(s.facilitator()).orElseThrow();
        assertThat(draftLocation).isEqualTo("/framework/versions/" + draft.id());
        assertThat(draft.number()).isEqualTo(2);
        assertThat(draft.basedOnNumber()).isEqualTo(1);
        FrameworkVersion copy = frameworks.version(s.facilitator(), draft.id());
        FrameworkVersion original = frameworks.version(s.facilitator(), first);
        assertThat(copy.sections()).extracting(SectionText::body).isEqualTo(original.sections().stream().map(SectionText::body).toList());
        assertThat(copy.sections()).extracting(SectionText::easyRead)
                .isEqualTo(original.sections().stream().map(SectionText::easyRead).toList());
        // Starting again gives the same draft, not a third version.
        assertThat(frameworks.startDraft(s.facilitator())).isEqualTo(draft.id());
        assertThat(frameworks.versions(s.facilitator())).hasSize(2);
    }

    @Test
    void publishingAsksForAReviewDateAYearAheadAndRefusesABadOne() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        LocalDate aYear = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(1);

        Document form = page(get("/framework/versions/" + first + "/publish"), s.as(data, Role.ADMIN));
        assertThat(form.select("#nextReview-day").val()).isEqualTo(String.valueOf(aYear.getDayOfMonth()));
        assertThat(form.select("#nextReview-month").val()).isEqualTo(String.valueOf(aYear.getMonthValue()));
        assertThat(form.select("#nextReview-year").val()).isEqualTo(String.valueOf(aYear.getYear()));

        Document past = page(post("/framework/versions/" + first + "/publish").with(csrf())
                .param("nextReviewDay", "1").param("nextReviewMonth", "1").param("nextReviewYear", "2020"), s.as(data, Role.ADMIN));
        assertThat(past.select(".govuk-error-summary a[href=#nextReview]").text())
                .isEqualTo("The next review date must be today or in the future");
        Document nonsense = page(post("/framework/versions/" + first + "/publish").with(csrf())
                .param("nextReviewDay", "31").param("nextReviewMonth", "2").param("nextReviewYear", "2030"), s.as(data, Role.ADMIN));
        assertThat(nonsense.select(".govuk-error-summary").text()).contains("real date");
        Document missing = page(post("/framework/versions/" + first + "/publish").with(csrf()), s.as(data, Role.ADMIN));
        assertThat(missing.select(".govuk-error-summary").text()).contains("Enter the next review date");
        assertThat(frameworks.latestPublished(s.facilitator())).isEmpty();
    }

    @Test
    void theHomePageShowsTheReviewAsItComesNearAndWhenOverdue() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        LocalDate today = frameworks.today();
        frameworks.publish(s.facilitator(), first, today.plusDays(200));

        assertThat(page(get("/"), s.as(data, Role.FACILITATOR)).select(".app-home-notice")).isEmpty();

        mvc.perform(post("/framework/review-date").with(s.as(data, Role.FACILITATOR)).with(csrf())
                        .param("nextReviewDay", String.valueOf(today.plusDays(30).getDayOfMonth()))
                        .param("nextReviewMonth", String.valueOf(today.plusDays(30).getMonthValue()))
                        .param("nextReviewYear", String.valueOf(today.plusDays(30).getYear())))
                .andExpect(status().is3xxRedirection());

        Document editorHome = page(get("/"), s.as(data, Role.FACILITATOR));
        assertThat(editorHome.select(".app-home-notice").text())
                .contains("due for its yearly review by " + org.coproduction.impact.shared.web.Ui.day(today.plusDays(30)))
                .contains("Review the framework");
        Document memberHome = page(get("/"), s.as(data, Role.MEMBER));
        assertThat(memberHome.select(".app-home-notice").text()).contains("Ask your facilitator how you can take part");

        // Overdue: the date has passed (set directly: the form only takes future dates).
        jdbc.sql("update framework_version set next_review_on = :d where id = :id").param("d", today.minusDays(3)).param("id", first).update();
        Document overdue = page(get("/"), s.as(data, Role.ADMIN));
        assertThat(overdue.select(".app-home-notice .govuk-warning-text").text()).contains("was due for its yearly review");
    }

    // -------------------------------------------------------------------------------------------
    // Comparing

    @Test
    void twoVersionsAreComparedSectionBySection() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        save(s, first, Section.VOICES, "We ask who takes part.", "We check who takes part.");
        frameworks.publish(s.facilitator(), first, frameworks.aYearFromToday());
        UUID second = frameworks.startDraft(s.facilitator());
        save(s, second, Section.VOICES, "We ask who takes part and who is missing.", "We check who takes part.");

        List<SectionChange> changes = frameworks.compare(s.facilitator(), second, first);

        assertThat(changes).extracting(SectionChange::section).containsExactly(Section.values());
        assertThat(changes).filteredOn(SectionChange::changed).singleElement().satisfies(c -> {
            assertThat(c.section()).isEqualTo(Section.VOICES);
            assertThat(c.bodyChanged()).isTrue();
            assertThat(c.easyReadChanged()).isFalse();
            assertThat(c.body()).contains(new TextDiff.Piece(TextDiff.Kind.ADDED, " and who is missing"));
        });
        assertThat(frameworks.changedSinceBase(s.facilitator(), frameworks.version(s.facilitator(), second)))
                .containsExactly(Section.VOICES);

        Document compare = page(get("/framework/compare").param("from", first.toString()).param("to", second.toString()),
                s.as(data, Role.FACILITATOR));
        assertThat(compare.select("h1").text()).isEqualTo("Changes from version 1 to version 2");
        assertThat(compare.text()).contains("1 of 13 sections changed.");
        assertThat(compare.select("ins.app-diff__added").text()).contains("and who is missing");
        assertThat(compare.select("ins.app-diff__added .govuk-visually-hidden").first().text()).isEqualTo("[put in:");

        Document same = page(get("/framework/compare").param("from", first.toString()).param("to", first.toString()),
                s.as(data, Role.FACILITATOR));
        assertThat(same.select(".govuk-error-summary").text()).contains("Select two different versions");
    }

    // -------------------------------------------------------------------------------------------
    // Editing, stale edits and bad input

    @Test
    void savingASectionShowsItOnTheDraftRenderedSafely() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        SectionText why = frameworks.draftSection(s.facilitator(), first, Section.WHY);

        String location = mvc.perform(post("/framework/versions/" + first + "/sections/why/edit").with(s.as(data, Role.FACILITATOR))
                        .with(csrf())
                        .param("body", "We **care**.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) ![a picture](https://example.org/p.png)")
                        .param("easyRead", "  We care.  \n\n  We listen.\n")
                        .param("lockVersion", String.valueOf(why.lockVersion())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).isEqualTo("/framework/versions/" + first + "#why");
        SectionText saved = frameworks.draftSection(s.facilitator(), first, Section.WHY);
        assertThat(saved.easyRead()).isEqualTo("We care.\nWe listen.");
        assertThat(saved.lockVersion()).isEqualTo(why.lockVersion() + 1);
        Document draft = page(get("/framework/versions/" + first), s.as(data, Role.FACILITATOR));
        var section = draft.select("#why + p + .app-markdown, #why ~ .app-markdown").first();
        assertThat(section).isNotNull();
        assertThat(section.select("strong").text()).isEqualTo("care");
        assertThat(draft.select("script:not([src])")).isEmpty();
        assertThat(section.text()).contains("<script>alert('x')</script>");
        assertThat(section.select("a").eachAttr("href")).doesNotContain("javascript:alert(1)");
        assertThat(section.select("img")).isEmpty();
        assertThat(section.select("a[href=https://example.org/p.png]").text()).isEqualTo("a picture");
    }

    @Test
    void aStaleSaveChangesNothingAndShowsBothVersions() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        int opened = frameworks.draftSection(s.facilitator(), first, Section.WHY).lockVersion();
        // Someone else (the admin) saves first.
        mvc.perform(post("/framework/versions/" + first + "/sections/why/edit").with(s.as(data, Role.ADMIN)).with(csrf())
                        .param("body", "Their reasons.").param("easyRead", "Theirs.").param("lockVersion", String.valueOf(opened)))
                .andExpect(status().is3xxRedirection());

        Document clash = page(post("/framework/versions/" + first + "/sections/why/edit").with(csrf())
                .param("body", "My reasons.").param("easyRead", "Mine.").param("lockVersion", String.valueOf(opened)),
                s.as(data, Role.FACILITATOR));

        assertThat(clash.select(".govuk-error-summary a[href=#body]").text()).startsWith("Someone else saved this section");
        assertThat(clash.select(".app-their-version").text()).contains("Their reasons.", "Theirs.", s.org().admin().name());
        assertThat(clash.select("textarea#body").text()).isEqualTo("My reasons.");
        assertThat(clash.select("textarea#easyRead").text()).isEqualTo("Mine.");
        assertThat(clash.select("input[name=lockVersion]").val()).isEqualTo(String.valueOf(opened + 1));
        assertThat(frameworks.draftSection(s.facilitator(), first, Section.WHY).body()).isEqualTo("Their reasons.");
    }

    @Test
    void emptyAndOverLongTextIsRefusedWithAPlainMessage() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        SectionText before = frameworks.draftSection(s.facilitator(), first, Section.DEFINITIONS);
        String url = "/framework/versions/" + first + "/sections/definitions/edit";
        String lock = String.valueOf(before.lockVersion());

        Document empty = page(post(url).with(csrf()).param("body", "   ").param("lockVersion", lock), s.as(data, Role.FACILITATOR));
        assertThat(empty.select(".govuk-error-summary a[href=#body]").text()).isEqualTo("Enter the text of this section");
        assertThat(empty.select("#body-error").text()).contains("Enter the text of this section");

        Document tooLong = page(post(url).with(csrf()).param("body", "a".repeat(FrameworkService.MAX_BODY + 1)).param("lockVersion", lock),
                s.as(data, Role.FACILITATOR));
        assertThat(tooLong.select(".govuk-error-summary").text()).contains("20,000 characters or fewer. It has 20,001");

        Document tooManyPoints = page(post(url).with(csrf()).param("body", "Fine.").param("easyRead", "One.\n".repeat(9))
                .param("lockVersion", lock), s.as(data, Role.FACILITATOR));
        assertThat(tooManyPoints.select(".govuk-error-summary a[href=#easyRead]").text()).contains("8 sentences or fewer");

        Document longPoint = page(post(url).with(csrf()).param("body", "Fine.").param("easyRead", "word ".repeat(40))
                .param("lockVersion", lock), s.as(data, Role.FACILITATOR));
        assertThat(longPoint.select(".govuk-error-summary").text()).contains("Split long sentences in two");

        Document noLock = page(post(url).with(csrf()).param("body", "Fine."), s.as(data, Role.FACILITATOR));
        assertThat(noLock.select(".govuk-error-summary").text()).contains("Someone else saved this section");

        assertThat(frameworks.draftSection(s.facilitator(), first, Section.DEFINITIONS)).isEqualTo(before);
        mvc.perform(get("/framework/versions/" + first + "/sections/no-such-section/edit").with(s.as(data, Role.FACILITATOR)))
                .andExpect(status().isNotFound());
    }

    // -------------------------------------------------------------------------------------------
    // Who sees what

    @Test
    void membersAndViewersReadPublishedVersionsOnlyAndCannotEdit() throws Exception {
        Setup s = setup();
        UUID first = firstDraft(s);
        frameworks.publish(s.facilitator(), first, frameworks.aYearFromToday());
        UUID draft = frameworks.startDraft(s.facilitator());

        for (Role reader : List.of(Role.MEMBER, Role.VIEWER)) {
            RequestPostProcessor as = s.as(data, reader);
            Document overview = page(get("/framework"), as);
            assertThat(overview.select("a[href=/framework/versions/" + first + "]").text()).isEqualTo("Read the framework");
            assertThat(overview.select("a[href*=" + draft + "]")).isEmpty();
            assertThat(overview.text()).doesNotContain("Draft");
            Document published = page(get("/framework/versions/" + first), as);
            assertThat(published.select("h3#definitions").text()).isEqualTo("What we mean by impact, outcomes and activities");
            assertThat(published.select("a[href$=/edit]")).isEmpty();
            page(get("/framework/versions/" + first + "/easy-read"), as);
            mvc.perform(get("/framework/versions/" + draft).with(as)).andExpect(status().isNotFound());
            mvc.perform(get("/framework/versions/" + draft + "/pdf").with(as)).andExpect(status().isNotFound());
            mvc.perform(get("/framework/versions/" + draft + "/easy-read").with(as)).andExpect(status().isNotFound());
            mvc.perform(get("/framework/versions/" + draft + "/sections/why/edit").with(as)).andExpect(status().isForbidden());
            mvc.perform(post("/framework/versions/" + draft + "/publish").with(as).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/framework/drafts").with(as).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/framework/review-date").with(as).with(csrf())).andExpect(status().isForbidden());
            Document versions = page(get("/framework/versions"), as);
            assertThat(versions.select("tbody tr")).hasSize(1);
            Document compareWithDraft = page(get("/framework/compare").param("from", first.toString()).param("to", draft.toString()), as);
            assertThat(compareWithDraft.select(".govuk-error-summary").text()).contains("Select the later version");
        }
        assertThat(frameworks.draft(s.facilitator()).orElseThrow().id()).isEqualTo(draft);
    }

    @Test
    void everyRoleFindsTheFrameworkInTheNavigationAndOnTheHomePage() throws Exception {
        Setup s = setup();
        for (Role role : Role.values()) {
            Document home = page(get("/"), s.as(data, role));
            assertThat(home.select(".govuk-service-navigation a[href=/framework]").text()).isEqualTo("Framework");
            assertThat(home.select("main a[href=/framework]")).isNotEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------
    // The demo

    @Test
    void theDemoHasAPublishedVersionDueForReviewAndADraftToCompare() {
        TestData.Org org = data.organisationWithEveryRole("Framework demo");
        transaction.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(),
                Map.of(Role.ADMIN, org.admin().id(), Role.FACILITATOR, org.person(Role.FACILITATOR).id(),
                        Role.MEMBER, org.person(Role.MEMBER).id(), Role.VIEWER, org.person(Role.VIEWER).id()))));
        Tenant tenant = new Tenant(new UserId(org.person(Role.FACILITATOR).id()), org.id(), org.name(), Role.FACILITATOR);

        List<VersionSummary> versions = frameworks.versions(tenant);
        assertThat(versions).extracting(VersionSummary::number, VersionSummary::status)
                .containsExactly(tuple(2, VersionStatus.DRAFT),
                        tuple(1, VersionStatus.PUBLISHED));
        assertThat(frameworks.reviewReminder(tenant)).hasValueSatisfying(r -> assertThat(r.overdue()).isFalse());
        assertThat(frameworks.compare(tenant, versions.get(1).id(), versions.get(0).id()))
                .filteredOn(SectionChange::changed)
                .extracting(SectionChange::section)
                .containsExactly(Section.HOW_DEVELOPED, Section.VOICES);
    }
}
