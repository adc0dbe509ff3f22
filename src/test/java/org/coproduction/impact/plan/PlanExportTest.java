package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan shared as SCIE's assessment-plan table: a tagged PDF that veraPDF accepts as PDF/UA-1 and
 * a Word table, both with a row for each current plan row and none for removed ones, seen by the
 * same people as the plan page.
 */
@IntegrationTest
class PlanExportTest {

    static final String STAFF = "Staff understand co-production and feel confident to do it";

    static final String STEERING = "A steering group is formed";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PlanService plans;

    TestData.Org org;

    Tenant facilitator;

    String projectName;

    UUID project;

    @BeforeEach
    void aPlanWithTwoRowsAndARemovedOne() {
        org = data.organisationWithEveryRole("Plan export");
        TestData.Person f = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        projectName = "Day centre " + TestData.suffix();
        project = projects.create(facilitator, new ProjectService.ProjectDetails(projectName, null, null, null, null, f.id(), true,
                List.of(org.person(Role.MEMBER).id())));
        UUID staff = outcome(STAFF);
        UUID steering = outcome(STEERING);
        UUID surveys = evidence.currentWayFromSeed(facilitator, "surveys").orElseThrow().id();
        addRow(staff, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "Staff rate their confidence before and after training",
                List.of(surveys), "Staff feel confident", "Ratings go up", "Up by one point", "March 2026", "Before and after",
                "The trainers", null));
        addRow(steering, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "Minutes of the first meeting", List.of(surveys),
                "The group meets", null, null, null, null, null, null));
        UUID removed = addRow(steering, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "A row that was removed", List.of(surveys),
                "Nothing", null, null, null, null, null, null));
        plans.removeRow(facilitator, project, removed, plans.plan(facilitator, project).row(removed).orElseThrow().version());
    }

    private UUID outcome(String title) {
        EditResult r = pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private UUID addRow(UUID outcome, PlanRowDraft draft) {
        return ((PlanEdit.Saved) plans.addRow(facilitator, project, outcome, draft)).rowId();
    }

    private String base() {
        return "/projects/" + project + "/plan";
    }

    private MockHttpServletResponse download(String format, Role role) throws Exception {
        return mvc.perform(get(base() + "/export." + format).with(data.as(org.person(role))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }

    @Test
    void thePdfIsTaggedPdfUa1() throws Exception {
        MockHttpServletResponse response = download("pdf", Role.MEMBER);

        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("inline").contains("-assessment-plan.pdf");
        assertPdfUa1(response.getContentAsByteArray());
    }

    @Test
    void aLongPlanRepeatsItsHeadingsOnEveryPageAndStaysPdfUa1() throws Exception {
        UUID staff = plans.plan(facilitator, project).pathway().currentOutcomes().getFirst().id();
        UUID surveys = evidence.currentWayFromSeed(facilitator, "surveys").orElseThrow().id();
        for (int i = 1; i <= 18; i++) {
            addRow(staff, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "Evidence number " + i + " of a long plan", List.of(surveys),
                    "Success in many words, so that each row of the table takes some room on the page", "How we will know, also",
                    null, null, null, null, null));
        }
        byte[] pdf = download("pdf", Role.FACILITATOR).getContentAsByteArray();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(doc.getNumberOfPages());
            lastPage.setEndPage(doc.getNumberOfPages());
            assertThat(lastPage.getText(doc).replaceAll("\\s+", " ")).contains("Type of evidence", "Who collects it");
        }
        assertPdfUa1(pdf);
    }

    @Test
    void thePdfIsALandscapeTableOfTheCurrentRows() throws Exception {
        byte[] pdf = download("pdf", Role.FACILITATOR).getContentAsByteArray();
        // Kept for a person to look at (target/ is never committed).
        java.nio.file.Files.write(java.nio.file.Path.of("target/plan-example.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage first = doc.getPage(0);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight());
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Outcomes assessment plan: " + projectName);
            assertThat(text).contains(org.name(), "Outcomes assessment plan: " + projectName, "Type of evidence", "Form of evidence",
                    "Ways of collecting evidence", "What will success look like?", "How will we know it’s working?", "Target",
                    "Baseline", "When it is collected", "Who collects it", STEERING,
                    "Minutes of the first meeting", "Up by one point", "The trainers");
            // A narrow column wraps long titles, at a hyphen too ("co- production"), so compare without spaces.
            assertThat(text.replace(" ", "")).contains(STAFF.replace(" ", ""), STEERING.replace(" ", ""));
            assertThat(text).doesNotContain("A row that was removed");
        }
    }

    @Test
    void theWordTableHasTheHeaderRowAndOneRowPerPlanRow() throws Exception {
        MockHttpServletResponse response = download("docx", Role.ADMIN);

        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("-assessment-plan.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("Outcomes assessment plan: " + projectName);
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().getFirst();
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText).containsExactly("Outcome",
                    "Type of evidence", "Form of evidence", "Ways of collecting evidence",
                    "What will success look like? How will we know it’s working?", "Target", "Baseline",
                    "When it is collected", "Who collects it");
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRows().subList(1, 3)).extracting(r -> r.getCell(0).getText()).containsExactly(STAFF, STEERING);
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo("Staff rate their confidence before and after training");
            assertThat(table.getRow(1).getCell(4).getParagraphs()).extracting(p -> p.getText())
                    .containsExactly("Staff feel confident", "Ratings go up");
            assertThat(table.getRow(2).getCell(2).getText()).isEqualTo("Minutes of the first meeting");
        }
    }

    @Test
    void theWordTableMarksTheOrganisationsEnglishOnAWelshDownloadButNotTheServicesWords() throws Exception {
        byte[] welsh = mvc.perform(get(base() + "/export.docx").header("Accept-Language", "cy").with(data.as(org.person(Role.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(welsh))) {
            XWPFTable table = doc.getTables().getFirst();
            assertThat(table.getRow(1).getCell(0).getParagraphs().getFirst().getRuns().getFirst().getLang()).isEqualTo("en-GB");
            assertThat(table.getRow(1).getCell(2).getParagraphs().getFirst().getRuns().getFirst().getLang()).isEqualTo("en-GB");
            assertThat(table.getRow(1).getCell(PlanTable.TYPE).getParagraphs().getFirst().getRuns().getFirst().getLang())
                    .as("the type of evidence is the service's Welsh").isNull();
            assertThat(table.getRow(0).getCell(0).getParagraphs().getFirst().getRuns().getFirst().getLang()).isNull();
        }
        byte[] english = download("docx", Role.ADMIN).getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(english))) {
            assertThat(doc.getTables().getFirst().getRow(1).getCell(0).getParagraphs().getFirst().getRuns().getFirst().getLang()).isNull();
        }
    }

    @Test
    void thePlanPageLinksToBothAndOnlyTheProjectsPeopleMayDownload() throws Exception {
        var page = Jsoup.parse(mvc.perform(get(base()).with(data.as(org.person(Role.MEMBER)))).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("a[href=" + base() + "/export.pdf]").text()).isEqualTo("Download as a table (PDF)");
        assertThat(page.select("a[href=" + base() + "/export.docx]").text()).isEqualTo("Download as a table to edit (Word)");

        TestData.Person outsider = data.person(org.id(), Role.MEMBER, "outsider-" + TestData.suffix());
        for (String format : List.of("pdf", "docx")) {
            mvc.perform(get(base() + "/export." + format).with(data.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(base() + "/export." + format).with(data.as(org.person(Role.VIEWER)))).andExpect(status().isForbidden());
        }
    }
}
