package org.coproduction.impact.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.Documents;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.PdfUa;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Impact and learning reports end to end on the real database: made from a closed round, consent
 * checked for the report's audience on every view and download, frozen when published while consent
 * withdrawal still applies, readable by viewers and members, and invisible to another organisation.
 */
@IntegrationTest
class ReportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestEvidence testEvidence;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReportService reports;

    @Autowired
    org.coproduction.impact.together.LessonService lessons;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.coproduction.impact.framework.FrameworkService frameworks;

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void emptyTestEvidence() {
        cleanUp.forEach(Runnable::run);
    }

    record Setup(TestData.Org org, Tenant facilitator, Tenant member, UUID project, UUID outcome, UUID round, EvidenceItem forFunders,
            EvidenceItem internalOnly, EvidenceItem milestone) {

        RequestPostProcessor as(TestData data, Role role) {
            return data.as(org.person(role));
        }
    }

    private static EvidenceItem item(EvidenceType type, String title, UUID outcome, boolean showsAPerson, Set<ConsentUse> consent) {
        return new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), type, "tracker.evidence.kind.task", title,
                ReviewService.today().minusDays(3), Set.of(outcome), Set.of(), showsAPerson, consent, null);
    }

    /** A project whose closed round judged one outcome, with a member's view and three items: two quotes and a task done. */
    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Reports");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        Tenant member = new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(m.id())));
        EditResult r = pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("People feel welcome", Term.SHORT, true, List.of(), null));
        UUID outcome = ((EditResult.Saved) r).itemId();
        EvidenceItem forFunders = item(EvidenceType.PEOPLES_VOICES, "Sam: I feel at home here", outcome, true,
                Set.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS));
        EvidenceItem internalOnly = item(EvidenceType.PEOPLES_VOICES, "Jo: only for the group", outcome, true, Set.of(ConsentUse.INTERNAL_LEARNING));
        EvidenceItem milestone = item(EvidenceType.TASKS_COMPLETED, "Welcome pack made", outcome, false, Set.of());
        testEvidence.set(org.id(), project, List.of(forFunders, internalOnly, milestone));
        cleanUp.add(() -> testEvidence.set(org.id(), project, List.of()));
        UUID round = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, March 2027", ReviewService.today(),
                List.of(outcome))).id();
        reviews.giveView(member, project, round, outcome, OwnView.YES, "More trips out, please");
        reviews.recordJudgement(facilitator, project, round, outcome, -1, Judgement.PARTLY, "Most people feel welcome now", "Ask again in June");
        reviews.closeRound(facilitator, project, round, reviews.round(facilitator, project, round).version());
        return new Setup(org, facilitator, member, project, outcome, round, forFunders, internalOnly, milestone);
    }

    private UUID draft(Setup s, ReportKind kind, List<EvidenceItem> stories) {
        UUID id = ((ReportResult.Saved) reports.create(s.facilitator(), s.project(), s.round(), kind, "What changed " + kind)).id();
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        ReportResult saved = reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(),
                new ReportWords("The centre is busier", "Members chose the timetable", "Trips", "Waiting lists", "Open on Saturdays",
                        "Trips went well.", "We will open on Saturdays."),
                stories.stream().map(i -> i.source() + ":" + i.id()).toList());
        assertThat(saved).isInstanceOf(ReportResult.Saved.class);
        return id;
    }

    private void publish(Setup s, UUID id) {
        assertThat(reports.publish(s.facilitator(), s.project(), id, reports.report(s.facilitator(), s.project(), id).version()))
                .isInstanceOf(ReportResult.Saved.class);
    }

    private MockHttpServletResponse call(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andReturn().getResponse();
    }

    private String text(String url, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = call(url, who);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).text();
    }

    @Test
    void aReportsOwnWordsAreReadInWelshWhereTheyWereGivenAndInEnglishOtherwise() throws Exception {
        Setup s = setup();
        UUID id = draft(s, ReportKind.IMPACT, List.of());
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        assertThat(reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(), r.words(), r.stories(),
                "Beth newidiodd", new ReportWords("Mae’r ganolfan yn brysurach", null, null, null, null, "Aeth y teithiau’n dda.", null)))
                .isInstanceOf(ReportResult.Saved.class);
        // The edit page keeps both, the Welsh marked as Welsh for screen readers.
        Document edit = Jsoup.parse(call(ReportService.base(s.project()) + "/" + id + "/edit", s.as(data, Role.FACILITATOR))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(edit.select("#titleCy").attr("value")).isEqualTo("Beth newidiodd");
        assertThat(edit.select("#projectImpactCy").attr("lang")).isEqualTo("cy");
        publish(s, id);
        // Later Welsh edits do not change what was published.
        r = reports.report(s.facilitator(), s.project(), id);
        reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(), r.words(), r.stories(), "Teitl newydd", r.wordsCy());

        String base = ReportService.base(s.project()) + "/" + id;
        MockHttpServletResponse welsh = mvc.perform(get(base).header("Accept-Language", "cy").with(s.as(data, Role.VIEWER))).andReturn()
                .getResponse();
        Document page = Jsoup.parse(welsh.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(page.select("h1").text()).contains("Beth newidiodd").doesNotContain("Teitl newydd");
        // Welsh where given, the English where the Welsh box was left empty.
        assertThat(page.text()).contains("Mae’r ganolfan yn brysurach", "Members chose the timetable").doesNotContain("The centre is busier");
        // The English shown in place of a missing Welsh word is marked English (WCAG 3.1.2); the Welsh is not marked.
        assertThat(page.selectFirst("p:containsOwn(Members chose the timetable)").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("p:containsOwn(Mae’r ganolfan yn brysurach)").hasAttr("lang")).isFalse();
        assertThat(page.selectFirst("h1").hasAttr("lang")).isFalse();
        assertThat(page.selectFirst(".govuk-caption-l span:containsOwn(Day centre)").attr("lang")).isEqualTo("en");
        Document easyRead = Jsoup.parse(mvc.perform(get(base + "/easy-read").header("Accept-Language", "cy").with(s.as(data, Role.MEMBER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(easyRead.selectFirst("p:containsOwn(We will open on Saturdays.)").attr("lang")).isEqualTo("en");
        assertThat(easyRead.selectFirst("p:containsOwn(Aeth y teithiau’n dda.)").hasAttr("lang")).isFalse();
        assertThat(easyRead.selectFirst("h1 span:containsOwn(Beth newidiodd)").hasAttr("lang")).isFalse();
        assertThat(Jsoup.parse(mvc.perform(get(base + "/easy-read").header("Accept-Language", "cy").with(s.as(data, Role.MEMBER))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).text()).contains("Aeth y teithiau’n dda.", "We will open on Saturdays.");
        byte[] pdf = mvc.perform(get(base + "/report.pdf").header("Accept-Language", "cy").with(s.as(data, Role.VIEWER))).andReturn()
                .getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Mae’r ganolfan yn brysurach");
        }
        // The Word file marks the same parts: the English in a Welsh file is English, the Welsh is the file's own.
        byte[] docx = mvc.perform(get(base + "/report.docx").header("Accept-Language", "cy").with(s.as(data, Role.VIEWER))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(runLanguage(docx, "Members chose the timetable")).isEqualTo("en-GB");
        assertThat(runLanguage(docx, "People feel welcome")).as("an outcome, the organisation's English").isEqualTo("en-GB");
        assertThat(runLanguage(docx, projects.project(s.facilitator(), s.project()).words().name())).isEqualTo("en-GB");
        assertThat(runLanguage(docx, "Mae’r ganolfan yn brysurach")).isNull();
        assertThat(runLanguage(docx, "Beth newidiodd")).isNull();
        byte[] englishDocx = call(base + "/report.docx", s.as(data, Role.VIEWER)).getContentAsByteArray();
        assertThat(runLanguage(englishDocx, "The centre is busier")).isNull();
        assertThat(runLanguage(englishDocx, "People feel welcome")).isNull();

        String english = text(base, s.as(data, Role.VIEWER));
        assertThat(english).contains("The centre is busier", "What changed IMPACT").doesNotContain("Mae’r ganolfan yn brysurach");
    }

    @Test
    void aWelshWritingOrganisationGivesItsReportInEnglishTooAndEnglishReadersGetIt() throws Exception {
        Setup s = setup();
        assertThat(mvc.perform(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(s.org().admin()))).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        UUID id = ((ReportResult.Saved) reports.create(s.facilitator(), s.project(), s.round(), ReportKind.IMPACT, "Beth newidiodd")).id();
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        assertThat(reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(),
                new ReportWords("Mae’r ganolfan yn brysurach", null, null, null, null, null, null), List.of(), "What changed",
                new ReportWords("The centre is busier", null, null, null, null, null, null))).isInstanceOf(ReportResult.Saved.class);

        Document edit = Jsoup.parse(call(ReportService.base(s.project()) + "/" + id + "/edit", s.as(data, Role.FACILITATOR))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(edit.select("#welsh").text()).isEqualTo("In English (optional)");
        assertThat(edit.select("label[for=titleCy]").text()).isEqualTo("Title in English");
        assertThat(edit.select("#projectImpactCy").attr("lang")).isEqualTo("en");
        assertThat(edit.text()).contains("Write the report’s own words in English too");
        publish(s, id);

        String base = ReportService.base(s.project()) + "/" + id;
        Document english = Jsoup.parse(call(base, s.as(data, Role.VIEWER)).getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.selectFirst("h1").text()).isEqualTo("What changed");
        assertThat(english.selectFirst("h1").hasAttr("lang")).isFalse();
        assertThat(english.selectFirst("p:containsOwn(The centre is busier)").hasAttr("lang")).isFalse();
        assertThat(english.text()).doesNotContain("Mae’r ganolfan yn brysurach");
        Document welsh = Jsoup.parse(mvc.perform(get(base).header("Accept-Language", "cy").with(s.as(data, Role.VIEWER))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(welsh.selectFirst("h1").text()).isEqualTo("Beth newidiodd");
        assertThat(welsh.selectFirst("p:containsOwn(Mae’r ganolfan yn brysurach)").hasAttr("lang")).isFalse();
        assertThat(welsh.text()).doesNotContain("The centre is busier");
    }

    @Test
    void changingTheOrganisationsLanguageSwapsADraftsWordsButAPublishedReportReadsAsItWas() throws Exception {
        Setup s = setup();
        UUID id = draft(s, ReportKind.IMPACT, List.of());
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(), r.words(), r.stories(), "Beth newidiodd",
                new ReportWords("Mae’r ganolfan yn brysurach", null, null, null, null, null, null));
        publish(s, id);
        String base = ReportService.base(s.project()) + "/" + id;

        assertThat(mvc.perform(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(s.org().admin()))).andReturn()
                .getResponse().getStatus()).isEqualTo(302);

        // The draft's words given in both languages swap boxes; those in English only stay the main ones.
        ReviewReport swapped = reports.report(s.facilitator(), s.project(), id);
        assertThat(swapped.title()).isEqualTo("Beth newidiodd");
        assertThat(swapped.titleCy()).isEqualTo("What changed IMPACT");
        assertThat(swapped.words().projectImpact()).isEqualTo("Mae’r ganolfan yn brysurach");
        assertThat(swapped.wordsCy().projectImpact()).isEqualTo("The centre is busier");
        assertThat(swapped.words().coproductionImpact()).isEqualTo("Members chose the timetable");
        assertThat(swapped.wordsCy().coproductionImpact()).isNull();

        // The published version was written with English main words: it still reads so, in both languages.
        Document english = Jsoup.parse(call(base, s.as(data, Role.VIEWER)).getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.selectFirst("h1").text()).isEqualTo("What changed IMPACT");
        assertThat(english.selectFirst("h1").hasAttr("lang")).isFalse();
        assertThat(english.selectFirst("p:containsOwn(The centre is busier)").hasAttr("lang")).isFalse();
        assertThat(english.selectFirst("h3 span:containsOwn(People feel welcome)").hasAttr("lang")).isFalse();
        Document welsh = Jsoup.parse(mvc.perform(get(base).header("Accept-Language", "cy").with(s.as(data, Role.VIEWER))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(welsh.selectFirst("h1").text()).isEqualTo("Beth newidiodd");
        assertThat(welsh.selectFirst("p:containsOwn(Members chose the timetable)").attr("lang")).isEqualTo("en");
        assertThat(welsh.selectFirst("h3 span:containsOwn(People feel welcome)").attr("lang")).isEqualTo("en");

        // Published again now, the new version's main words are read as Welsh, the language the organisation
        // says it writes in (words it gave in English only cannot be told apart), and the English title is the second one.
        publish(s, id);
        Document again = Jsoup.parse(call(base, s.as(data, Role.VIEWER)).getContentAsString(StandardCharsets.UTF_8));
        assertThat(again.selectFirst("h1").text()).isEqualTo("What changed IMPACT");
        assertThat(again.selectFirst("p:containsOwn(Members chose the timetable)").attr("lang")).isEqualTo("cy");
    }

    @Test
    void aWelshWordTooLongIsRefusedBesideItsOwnField() {
        Setup s = setup();
        UUID id = draft(s, ReportKind.LEARNING, List.of());
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        assertThat(reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(), r.words(), r.stories(), null,
                new ReportWords(null, null, null, null, null, "x".repeat(ReportWords.MAX_EASY + 1), null)))
                .isEqualTo(ReportResult.refused("easyLearnedCy", "report.text.too-long", ReportWords.MAX_EASY));
        assertThat(reports.report(s.facilitator(), s.project(), id).wordsCy().isEmpty()).isTrue();
    }

    @Test
    void aReportStartsOnlyFromAClosedRound() {
        Setup s = setup();
        UUID open = ((ReviewResult.Saved) reviews.createRound(s.facilitator(), s.project(), "Review, still open", ReviewService.today().plusDays(30),
                List.of(s.outcome()))).id();

        assertThat(reports.create(s.facilitator(), s.project(), open, ReportKind.IMPACT, "Too soon"))
                .isEqualTo(ReportResult.refused("roundId", "report.round.missing"));
        assertThat(reports.reports(s.facilitator(), s.project())).isEmpty();
    }

    @Test
    void aReportLeavesOutItemsWithoutConsentForItsAudience() throws Exception {
        Setup s = setup();
        UUID impact = draft(s, ReportKind.IMPACT, List.of(s.forFunders(), s.internalOnly()));
        publish(s, impact);

        ShownReport shown = reports.published(s.facilitator(), s.project(), impact, null);
        assertThat(shown.snapshot().audience()).isEqualTo(ConsentUse.FUNDER_REPORTS);
        assertThat(shown.snapshot().stories()).extracting(Snapshot.Item::title).containsExactly("Sam: I feel at home here");
        assertThat(shown.snapshot().outcomes().getFirst().items()).extracting(Snapshot.Item::title)
                .containsExactlyInAnyOrder("Sam: I feel at home here", "Welcome pack made");
        assertThat(shown.leftOut()).isEqualTo(2);

        String page = text(ReportService.base(s.project()) + "/" + impact, s.as(data, Role.VIEWER));
        assertThat(page).contains("Sam: I feel at home here", "Welcome pack made", "Partly achieved", "Most people feel welcome now",
                "The centre is busier", "Open on Saturdays");
        assertThat(page).doesNotContain("Jo: only for the group", "left out");
        assertThat(text(ReportService.base(s.project()) + "/" + impact, s.as(data, Role.FACILITATOR))).contains("2 items are left out");

        // The learning report is for the group: the same quote is in it, and members' suggestions too.
        UUID learning = draft(s, ReportKind.LEARNING, List.of(s.internalOnly()));
        publish(s, learning);
        String forTheGroup = text(ReportService.base(s.project()) + "/" + learning, s.as(data, Role.MEMBER));
        assertThat(forTheGroup).contains("Jo: only for the group", "More trips out, please", "Trips", "Waiting lists");
    }

    @Test
    void theLearningReportCarriesTheLessonsLearnedInTheRoundsPeriodAndTheImpactReportDoesNot() throws Exception {
        Setup s = setup();
        assertThat(lessons.add(s.facilitator(), s.project(), new org.coproduction.impact.together.LessonDraft(
                "Meeting after lunch suits more people.", "", "We moved the group to 2pm.", true, List.of("timing"), Set.of())))
                .isInstanceOf(org.coproduction.impact.together.TogetherResult.Saved.class);
        UUID learning = draft(s, ReportKind.LEARNING, List.of());
        UUID impact = draft(s, ReportKind.IMPACT, List.of());
        publish(s, learning);
        publish(s, impact);
        assertThat(text(ReportService.base(s.project()) + "/" + learning, s.as(data, Role.MEMBER)))
                .contains("Lessons we learned", "Meeting after lunch suits more people. What we changed: We moved the group to 2pm.");
        assertThat(text(ReportService.base(s.project()) + "/" + impact, s.as(data, Role.MEMBER)))
                .doesNotContain("Lessons we learned", "Meeting after lunch");
    }

    @Test
    void aPublishedReportIsFrozenWhileConsentWithdrawalStillApplies() throws Exception {
        Setup s = setup();
        UUID id = draft(s, ReportKind.IMPACT, List.of(s.forFunders()));
        publish(s, id);

        // Later evidence and later words do not change the published version.
        EvidenceItem later = item(EvidenceType.TASKS_COMPLETED, "Minibus bought", s.outcome(), false, Set.of());
        testEvidence.set(s.org().id(), s.project(), List.of(s.forFunders(), s.internalOnly(), s.milestone(), later));
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        reports.update(s.facilitator(), s.project(), id, r.version(), "A new title", r.audience(),
                new ReportWords("Rewritten", null, null, null, null, null, null), r.stories());
        ShownReport v1 = reports.published(s.facilitator(), s.project(), id, null);
        assertThat(v1.snapshot().title()).isEqualTo("What changed IMPACT");
        assertThat(v1.snapshot().words().projectImpact()).isEqualTo("The centre is busier");
        assertThat(v1.snapshot().outcomes().getFirst().items()).extracting(Snapshot.Item::title).doesNotContain("Minibus bought");
        assertThat(reports.preview(s.facilitator(), s.project(), id).snapshot().outcomes().getFirst().items())
                .extracting(Snapshot.Item::title).contains("Minibus bought");

        // Sam withdraws consent: gone at once from the page, the PDF, the Word file and the easy read.
        EvidenceItem withdrawn = new EvidenceItem(s.forFunders().source(), s.forFunders().id(), s.forFunders().type(), s.forFunders().kindKey(),
                s.forFunders().title(), s.forFunders().date(), s.forFunders().outcomeIds(), Set.of(), true, Set.of(), null);
        testEvidence.set(s.org().id(), s.project(), List.of(withdrawn, s.internalOnly(), s.milestone(), later));
        String base = ReportService.base(s.project()) + "/" + id;
        assertThat(text(base, s.as(data, Role.VIEWER))).doesNotContain("Sam: I feel at home here").contains("The centre is busier");
        assertThat(docxText(call(base + "/report.docx", s.as(data, Role.VIEWER)).getContentAsByteArray())).doesNotContain("Sam: I feel at home here");
        assertThat(reports.published(s.facilitator(), s.project(), id, 1).snapshot().stories()).isEmpty();

        // A second version can be published; the first is kept.
        publish(s, id);
        ShownReport v2 = reports.published(s.facilitator(), s.project(), id, null);
        assertThat(v2.publication().number()).isEqualTo(2);
        assertThat(v2.snapshot().title()).isEqualTo("A new title");
        assertThat(v2.snapshot().outcomes().getFirst().items()).extracting(Snapshot.Item::title).contains("Minibus bought");
        assertThat(reports.published(s.facilitator(), s.project(), id, 1).snapshot().title()).isEqualTo("What changed IMPACT");
        assertThat(text(base + "?version=1", s.as(data, Role.VIEWER))).contains("This is version 1. The latest is version 2.");
    }

    @Test
    void viewersReadReportsForFundersMembersReadTheirProjectsAndAnotherOrganisationSeesNothing() throws Exception {
        Setup s = setup();
        UUID impact = draft(s, ReportKind.IMPACT, List.of());
        UUID learning = draft(s, ReportKind.LEARNING, List.of());
        UUID unpublished = draft(s, ReportKind.IMPACT, List.of());
        publish(s, impact);
        publish(s, learning);
        String base = ReportService.base(s.project()) + "/";

        assertThat(call(base + impact, s.as(data, Role.VIEWER)).getStatus()).isEqualTo(200);
        assertThat(call(base + learning, s.as(data, Role.VIEWER)).getStatus()).as("a learning report is for the group").isEqualTo(404);
        assertThat(call(base + unpublished, s.as(data, Role.VIEWER)).getStatus()).isEqualTo(404);
        assertThat(call(base + unpublished, s.as(data, Role.MEMBER)).getStatus()).isEqualTo(404);
        assertThat(call(base + learning, s.as(data, Role.MEMBER)).getStatus()).isEqualTo(200);
        assertThat(call(base + impact + "/edit", s.as(data, Role.VIEWER)).getStatus()).isEqualTo(403);
        assertThat(text("/review-reports", s.as(data, Role.VIEWER))).contains("What changed IMPACT").doesNotContain("What changed LEARNING");

        TestData.Org other = data.organisationWithEveryRole("Other reports");
        for (String url : List.of(base + impact, base + impact + "/report.pdf", base + impact + "/report.docx", base + impact + "/easy-read",
                base + impact + "/easy-read.pdf", base + impact + "/edit", base + impact + "/publish")) {
            MockHttpServletResponse response = call(url, data.as(other.admin()));
            assertThat(response.getStatus()).as(url).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("What changed", "Most people feel welcome");
        }
        assertThat(text("/review-reports", data.as(other.admin()))).doesNotContain("What changed");
        int before = reports.published(s.facilitator(), s.project(), impact, null).versions().size();
        mvc.perform(post(base + impact + "/publish").param("version", "0").with(csrf()).with(data.as(other.admin())));
        assertThat(reports.published(s.facilitator(), s.project(), impact, null).versions()).hasSize(before);

        // A member in the project sees the easy-read summary first on the project page.
        String projectPage = text("/projects/" + s.project(), s.as(data, Role.MEMBER));
        assertThat(projectPage).contains("Our report is ready", "Read the easy-read summary of What changed");
        assertThat(text(base + impact + "/easy-read", s.as(data, Role.MEMBER))).contains("What we did", "What changed", "What we learned",
                "What happens next", "People feel welcome. This happened a bit.", "Trips went well.", "We will open on Saturdays.");
    }

    @Test
    void thePdfsAreTaggedPdfUaAndTheWordFileOpensWithItsHeadings() throws Exception {
        Setup s = setup();
        UUID id = draft(s, ReportKind.IMPACT, List.of(s.forFunders()));
        publish(s, id);
        String base = ReportService.base(s.project()) + "/" + id;

        MockHttpServletResponse pdf = call(base + "/report.pdf", s.as(data, Role.VIEWER));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        PdfUa.assertPdfUa1(pdf.getContentAsByteArray());
        PdfUa.assertPdfUa1(call(base + "/easy-read.pdf", s.as(data, Role.MEMBER)).getContentAsByteArray());
        // The pathway diagram is in the PDF as a figure described in words (its title and what it shows).
        assertThat(Documents.figureDescriptions(pdf.getContentAsByteArray()))
                .anySatisfy(alt -> assertThat(alt).startsWith("Pathway to impact. ").contains("leading to the impact"));

        byte[] docx = call(base + "/report.docx", s.as(data, Role.VIEWER)).getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).contains("The problem", "The impact", "Judgements at a glance", "Each outcome: evidence and judgement",
                    "People feel welcome", "Stories", "What happens next");
            assertThat(headings).contains("Our pathway to impact");
            // The diagram as a picture, with the same description as in the PDF for screen readers.
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().getFirst().getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
            assertThat(docxText(docx)).doesNotContain("<svg");
            assertThat(new String(Documents.entry(docx, "word/document.xml"), StandardCharsets.UTF_8)).contains("descr=\"Pathway to impact. ");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().getFirst().getRow(1).getCell(2).getText()).isEqualTo("Partly achieved (3/4)");
        }
        assertThat(docxText(docx)).contains("Sam: I feel at home here");

        // The chart on the page: the same SVG as in the PDF, with a title, a description and a table of the numbers.
        var page = Jsoup.parse(call(base, s.as(data, Role.VIEWER)).getContentAsString(StandardCharsets.UTF_8));
        var chart = page.selectFirst("svg.app-report-chart");
        assertThat(chart).isNotNull();
        assertThat(chart.selectFirst("title").text()).isEqualTo("Judgements at a glance");
        assertThat(chart.selectFirst("desc").text()).contains("labelled with its judgement in words");
        assertThat(chart.select("text").eachText()).contains("1", "Partly achieved");
        assertThat(page.select("table td").eachText()).contains("Partly achieved (3/4)");
    }

    @Test
    void theFrameworksYearlyReviewShowsWhichProjectsWereReviewedAndTheirJudgements() throws Exception {
        Setup s = setup();
        UUID first = frameworks.versions(s.facilitator()).getFirst().id();
        frameworks.publish(s.facilitator(), first, frameworks.aYearFromToday());

        String page = text("/framework/review-date", s.as(data, Role.FACILITATOR));
        String project = projects.project(s.facilitator(), s.project()).name();
        assertThat(page).contains("Projects reviewed since", project + ": Review, March 2027", "People feel welcome: Partly achieved");

        TestData.Org other = data.organisationWithEveryRole("Other year");
        Tenant otherFacilitator = new Tenant(new UserId(other.person(Role.FACILITATOR).id()), other.id(), other.name(), Role.FACILITATOR);
        frameworks.publish(otherFacilitator, frameworks.versions(otherFacilitator).getFirst().id(), frameworks.aYearFromToday());
        assertThat(text("/framework/review-date", data.as(other.person(Role.FACILITATOR))))
                .contains("No project has closed a review in this time.").doesNotContain(project);
    }

    @Test
    void theDemoDayCentreHasAnImpactReportPublishedFromItsClosedReview() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Demo reports");
        java.util.Map<Role, UUID> people = new java.util.HashMap<>();
        org.people().forEach((role, person) -> people.put(role, person.id()));

        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), java.util.Map.copyOf(people))));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.projects(facilitator).getFirst().id();
        List<ReviewReport> made = reports.reports(facilitator, project);
        assertThat(made).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReportKind.IMPACT);
            assertThat(r.isPublished()).isTrue();
        });
        ShownReport shown = reports.published(facilitator, project, made.getFirst().id(), null);
        assertThat(shown.snapshot().round()).isEqualTo("Review, April 2026");
        assertThat(shown.snapshot().outcomes()).extracting(Snapshot.OutcomePart::judgement)
                .containsExactlyInAnyOrder(Judgement.ACHIEVED, Judgement.NOT_YET);
        assertThat(text("/review-reports", data.as(org.person(Role.VIEWER))))
                .contains("What changed by spring 2026");
        assertThat(text(made.getFirst().href() + "/easy-read", data.as(org.person(Role.MEMBER)))).contains("We have a steering group. It is ours.");
    }

    /** The language a Word file's run with these words is marked with (null: the file's own), from the body and its tables. */
    private static @org.jspecify.annotations.Nullable String runLanguage(byte[] docx, String words) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> paragraphs = new ArrayList<>(doc.getParagraphs());
            doc.getTables().forEach(t -> t.getRows().forEach(row -> row.getTableCells().forEach(c -> paragraphs.addAll(c.getParagraphs()))));
            for (XWPFParagraph p : paragraphs) {
                for (var run : p.getRuns()) {
                    if (words.equals(run.text())) {
                        return run.getLang();
                    }
                }
            }
        }
        throw new AssertionError("no run reads: " + words);
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder all = new StringBuilder();
            doc.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
            doc.getTables().forEach(t -> all.append(t.getText()).append('\n'));
            return all.toString();
        }
    }
}
