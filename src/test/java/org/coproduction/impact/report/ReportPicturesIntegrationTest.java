package org.coproduction.impact.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.record.ConsentDraft;
import org.coproduction.impact.record.ConsentHow;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.record.Upload;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.Documents;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.PdfUa;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A story's photos in a published report: shown with their descriptions on the page, in the PDF and
 * in the Word file, only while consent covers the report's audience, never a photo without a
 * description, and never to another organisation.
 */
@IntegrationTest
class ReportPicturesIntegrationTest {

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
    RecordService records;

    @Autowired
    MediaService media;

    private static final String DESCRIBED = "Sam and Jo planting beans in the raised bed";

    record Setup(TestData.Org org, Tenant facilitator, UUID project, UUID story, UUID described, UUID undescribed, UUID report) {

        String base() {
            return ReportService.base(project) + "/" + report;
        }
    }

    /** A case study with two photos (one described, one not), consent for funders, in a published impact report. */
    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Report photos");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Garden " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("People grow their own food", Term.SHORT, true, List.of(), null))).itemId();
        UUID story = ((RecordEdit.Saved) records.add(facilitator, project, ItemDraft.caseStudy("The raised bed", ReviewService.today().minusDays(3),
                Speaker.ANONYMOUS, null, null, "Nobody gardened.", "We built a raised bed.", "People take beans home.", "I love it.",
                List.of(outcome), List.of(), List.of()), List.of(new Upload("beans.png", TestMedia.png(40, 20)),
                new Upload("shed.jpg", TestMedia.jpeg(30, 30))))).id();
        RecordedItem item = records.item(facilitator, project, story);
        assertThat(item.mediaIds()).hasSize(2);
        UUID described = item.mediaIds().get(0);
        UUID undescribed = item.mediaIds().get(1);
        assertThat(media.describe(facilitator, described, DESCRIBED)).isTrue();
        records.addConsent(facilitator, project, story, new ConsentDraft("Sam", ConsentHow.WRITTEN, EnumSet.of(ConsentUse.FUNDER_REPORTS), null));

        UUID round = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, March 2027", ReviewService.today(),
                List.of(outcome))).id();
        reviews.recordJudgement(facilitator, project, round, outcome, -1, Judgement.ACHIEVED, "Beans every week", "Grow more");
        reviews.closeRound(facilitator, project, round, reviews.round(facilitator, project, round).version());
        UUID report = ((ReportResult.Saved) reports.create(facilitator, project, round, ReportKind.IMPACT, "The garden")).id();
        ReviewReport r = reports.report(facilitator, project, report);
        assertThat(reports.update(facilitator, project, report, r.version(), r.title(), ConsentUse.FUNDER_REPORTS, r.words(),
                List.of("record:" + story))).isInstanceOf(ReportResult.Saved.class);
        assertThat(reports.publish(facilitator, project, report, reports.report(facilitator, project, report).version()))
                .isInstanceOf(ReportResult.Saved.class);
        return new Setup(org, facilitator, project, story, described, undescribed, report);
    }

    private MockHttpServletResponse call(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andReturn().getResponse();
    }

    private Document page(String url, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = call(url, who);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aDescribedPhotoOfAStoryIsShownWithItsDescriptionAndServedToThoseWhoMayReadTheReport() throws Exception {
        Setup s = setup();
        RequestPostProcessor viewer = data.as(s.org().person(Role.VIEWER));

        Document report = page(s.base(), viewer);
        // Nobody gave a view: said plainly, without a row of zeros.
        assertThat(report.text()).contains("No member gave a view").doesNotContain("yes 0");
        var images = report.select(".app-report-photo img");
        assertThat(images).hasSize(1);
        assertThat(images.first().attr("alt")).isEqualTo(DESCRIBED);
        assertThat(images.first().attr("src")).isEqualTo(s.base() + "/pictures/" + s.described() + "?version=1");

        MockHttpServletResponse picture = call(s.base() + "/pictures/" + s.described() + "?version=1", viewer);
        assertThat(picture.getStatus()).isEqualTo(200);
        assertThat(picture.getContentType()).isEqualTo("image/png");
        assertThat(picture.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(picture.getContentAsByteArray()).isEqualTo(media.content(s.facilitator(), s.described()).bytes());

        // The photo without a description is not in the report, and cannot be fetched through it.
        assertThat(call(s.base() + "/pictures/" + s.undescribed(), viewer).getStatus()).isEqualTo(404);
        // Nor can any other file of the organisation, or anything from another organisation.
        assertThat(call(s.base() + "/pictures/" + UUID.randomUUID(), viewer).getStatus()).isEqualTo(404);
        TestData.Org other = data.organisationWithEveryRole("Report photos, other");
        assertThat(call(s.base() + "/pictures/" + s.described(), data.as(other.admin())).getStatus()).isEqualTo(404);
    }

    @Test
    void thePdfAndTheWordFileCarryThePhotoDescribed() throws Exception {
        Setup s = setup();
        RequestPostProcessor viewer = data.as(s.org().person(Role.VIEWER));

        byte[] pdf = call(s.base() + "/report.pdf", viewer).getContentAsByteArray();
        PdfUa.assertPdfUa1(pdf);
        assertThat(Documents.figureDescriptions(pdf)).contains(DESCRIBED);

        byte[] docx = call(s.base() + "/report.docx", viewer).getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // The pathway diagram and the one described photo.
            assertThat(doc.getAllPictures()).hasSize(2);
        }
        assertThat(new String(Documents.entry(docx, "word/document.xml"), StandardCharsets.UTF_8)).contains("descr=\"" + DESCRIBED + "\"");
    }

    @Test
    void whenConsentIsWithdrawnThePhotoGoesWithItsStory() throws Exception {
        Setup s = setup();
        RequestPostProcessor viewer = data.as(s.org().person(Role.VIEWER));
        records.withdrawConsent(s.facilitator(), s.project(), s.story(),
                records.item(s.facilitator(), s.project(), s.story()).consents().getFirst().id());

        assertThat(page(s.base(), viewer).select(".app-report-photo")).isEmpty();
        assertThat(call(s.base() + "/pictures/" + s.described(), viewer).getStatus()).isEqualTo(404);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(call(s.base() + "/report.docx", viewer).getContentAsByteArray()))) {
            assertThat(doc.getAllPictures()).hasSize(1);
        }
    }
}
