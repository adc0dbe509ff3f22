package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.ReviewReport;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.together.Rung;
import org.coproduction.impact.together.SelfAssessmentService;
import org.coproduction.impact.together.Statement;
import org.coproduction.impact.together.TogetherResult;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "How we worked together" in a published report, against the real database: the latest
 * self-assessment per principle in words with the ladder, the reciprocity ledger with the median
 * days to payment (hand-worked: 4, 10 and 14 days give 10), and who took part with fewer than 5
 * people hidden; frozen when published.
 */
@IntegrationTest
class WorkedTogetherReportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReportService reports;

    @Autowired
    SelfAssessmentService selfAssessments;

    @Autowired
    InvolvementService involvement;

    @Test
    void aPublishedReportSaysHowWeWorkedTogetherWithSmallGroupsHiddenAndKeepsItsFigures() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Worked together");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        Tenant member = new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Carers group " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(m.id())));

        // The self-assessment: the member says "mostly" to everything and puts the project at co-design; staff "always", co-production.
        UUID round = ((TogetherResult.Saved) selfAssessments.start(facilitator, project, "Spring check")).id();
        Map<UUID, Integer> threes = new HashMap<>();
        Map<UUID, Integer> fours = new HashMap<>();
        for (Statement s : selfAssessments.statements(facilitator)) {
            threes.put(s.id(), 3);
            fours.put(s.id(), 4);
        }
        assertThat(selfAssessments.answer(member, project, round, threes, Map.of(), Rung.CO_DESIGN, "We plan together"))
                .isInstanceOf(TogetherResult.Saved.class);
        assertThat(selfAssessments.answer(facilitator, project, round, fours, Map.of(), Rung.CO_PRODUCTION, ""))
                .isInstanceOf(TogetherResult.Saved.class);

        // Three payments given after 14, 4 and 10 days (median 10), and a certificate still waiting.
        LocalDate offered = LocalDate.of(2026, 3, 2);
        for (int days : List.of(14, 4, 10)) {
            assertThat(involvement.record(facilitator, project, new InvolvementService.ReciprocityDraft(m.id(), ReciprocityKind.PAYMENT, null,
                    2500L, offered, offered.plusDays(days), true))).isTrue();
        }
        involvement.record(facilitator, project, new InvolvementService.ReciprocityDraft(m.id(), ReciprocityKind.CERTIFICATE, null, null,
                offered, null, false));

        // One person told us about themselves: fewer than 5, so no figures.
        involvement.saveOwnAnswers(member, Map.of(AboutYou.AGE, "65-79"));

        UUID outcome = ((EditResult.Saved) pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("Carers feel less alone", Term.SHORT, true, List.of(), null))).itemId();
        UUID review = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, spring", ReviewService.today(),
                List.of(outcome))).id();
        reviews.recordJudgement(facilitator, project, review, outcome, -1, Judgement.PARTLY, "Some do", null);
        reviews.closeRound(facilitator, project, review, reviews.round(facilitator, project, review).version());
        UUID report = ((ReportResult.Saved) reports.create(facilitator, project, review, ReportKind.LEARNING, "What we learned")).id();
        ReviewReport r = reports.report(facilitator, project, report);
        reports.update(facilitator, project, report, r.version(), r.title(), r.audience(),
                new ReportWords("Busier", "Together", "Trips", "Waiting lists", "Saturdays", "It went well.", "Open later."), List.of());
        assertThat(reports.publish(facilitator, project, report, reports.report(facilitator, project, report).version()))
                .isInstanceOf(ReportResult.Saved.class);

        String url = ReportService.base(project) + "/" + report;
        String page = text(url, data.as(f));
        assertThat(page).contains("How we worked together",
                "In the latest co-production self-assessment, “Spring check”, 1 member and 1 member of staff answered.",
                "Equality: members said Mostly (3.0 out of 4); staff said Always (4.0 out of 4).",
                "Accessibility: members said Mostly (3.0 out of 4); staff said Always (4.0 out of 4).",
                "On the ladder of co-production, members put the project at “Co-design” and staff at “Co-production”.",
                "3 things of 4 offered to people for their time were given (A payment: 3); £75.00 in money.",
                "Payments took a median of 10 days from being offered to being paid.",
                "Fewer than 5 people told us about themselves, so no figures are shown.");
        assertThat(page).doesNotContain("65-79", "aged 65 to 79", m.name() + ":");

        // The same section, in the same words, in the tagged PDF and the Word file (line breaks aside).
        List<String> section = List.of("How we worked together", "On the ladder of co-production, members put the project at",
                "3 things of 4 offered to people for their time were given (A payment: 3); £75.00 in money.",
                "Payments took a median of 10 days from being offered to being paid.",
                "Fewer than 5 people told us about themselves, so no figures are shown.");
        try (var pdf = Loader.loadPDF(bytes(url + "/report.pdf", data.as(f)))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(section).doesNotContain("65-79");
        }
        try (var docx = new XWPFDocument(new java.io.ByteArrayInputStream(bytes(url + "/report.docx", data.as(f))));
                var words = new XWPFWordExtractor(docx)) {
            assertThat(words.getText().replaceAll("\\s+", " ")).contains(section).doesNotContain("65-79");
        }

        // Frozen: a payment recorded after publishing does not change the published report.
        involvement.record(facilitator, project, new InvolvementService.ReciprocityDraft(m.id(), ReciprocityKind.PAYMENT, null, 1000L,
                offered, offered.plusDays(1), true));
        assertThat(text(url, data.as(f))).contains("3 things of 4 offered").doesNotContain("4 things of 5 offered");
    }

    private byte[] bytes(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    private String text(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).text();
    }
}
