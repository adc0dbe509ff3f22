package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.form.SubmitResult;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator prints the paper copy of a feedback form (standard and easy read), types in the
 * answers that came back on paper, finds them in the responses table beside the online ones, leaves
 * a test out, downloads everything as CSV and Excel, and reads what the answers say.
 */
@BrowserJourney
class FormResponsesJourneyTest extends Journey {

    static final String BEFORE = "How did you feel before the activity?";
    static final String NOW = "How do you feel now?";
    static final String CHANGE = "What would you change?";

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Test
    void theFacilitatorPrintsThePaperFormEntersPaperAnswersAndExportsEveryResponse() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Larch");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person member = org.person(Role.MEMBER);
        Tenant facilitatorTenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitatorTenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null,
                null, null, f.id(), false, List.of(member.id())));
        UUID formId = forms.create(facilitatorTenant, project, "After the art session", null, true, null, List.of(
                new Question("feel", QuestionType.BEFORE_AFTER, BEFORE, null, "How did I feel before?", "face-happy", true,
                        List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, NOW, "How do I feel now?", null, null),
                new Question("change", QuestionType.LONG_TEXT, CHANGE, null, "What would I change?", "change", false, List.of(),
                        ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(facilitatorTenant, formId, FormStatus.OPEN);
        String code = forms.form(facilitatorTenant, formId).paperCode();
        // Two answers online: one is a test, one has text that a spreadsheet would run as a formula.
        PublicForm pf = respondents.locate(forms.form(facilitatorTenant, formId).token()).orElseThrow();
        for (Map<String, List<String>> values : List.of(
                Map.of("feel.before", List.of("2"), "feel.after", List.of("3"), "change", List.of("=1+1")),
                Map.of("feel.before", List.of("1"), "feel.after", List.of("1"), "change", List.of("Just testing")))) {
            Draft draft = respondents.start(pf, Source.ONLINE, null);
            respondents.savePage(pf, draft, pf.form().questions(), values);
            assertThat(respondents.submit(pf, draft.token())).isInstanceOf(SubmitResult.Saved.class);
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/forms/" + formId + "/paper");
        assertThat(facilitator.heading()).hasText("Paper copies");
        assertThat(page.locator("main")).containsText("Every page has the form code " + code + ".");

        // Print: both PDFs are tagged PDF/UA-1 and carry the form's code.
        assertPaperPdf(facilitator, "Download the form to print (PDF)", code, BEFORE);
        assertPaperPdf(facilitator, "Download the easy read form to print (PDF, large print with pictures)", code, "How did I feel before?");

        // Type in a paper form: the member's, by mouse.
        facilitator.clickLink("Type in answers");
        assertThat(facilitator.heading()).hasText("Type in a paper form");
        assertThat(page.locator("main")).containsText("Entered from paper so far: 0.");
        page.getByLabel("Whose answers are these?").selectOption(member.id().toString());
        group(page, BEFORE).getByLabel("Sad", new Locator.GetByLabelOptions().setExact(true)).check();
        group(page, NOW).getByLabel("Happy", new Locator.GetByLabelOptions().setExact(true)).check();
        facilitator.fill(CHANGE, "More painting, please").clickButton("Save and enter the next one");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved. Entered from paper: 1 so far. Enter the next one.");
        assertThat(page.getByLabel(CHANGE)).hasValue("");
        assertThat(group(page, BEFORE).getByLabel("Sad", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();

        // And the next one by keyboard alone, down the page in order: Space ticks, the arrow keys move along a scale.
        facilitator.tabTo(group(page, BEFORE).getByLabel("Sad", new Locator.GetByLabelOptions().setExact(true))).press("ArrowRight");
        facilitator.tabTo(group(page, NOW).getByLabel("Sad", new Locator.GetByLabelOptions().setExact(true))).press("ArrowRight").press("ArrowRight");
        facilitator.tabTo(page.getByLabel(CHANGE)).type("Nothing, it was lovely");
        facilitator.tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and enter the next one"))).pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved. Entered from paper: 2 so far.");

        // The responses table: newest first, paper answers marked as such.
        facilitator.open("/forms/" + formId + "/responses");
        assertThat(facilitator.heading()).hasText("Responses");
        Locator rows = page.locator("table tbody tr");
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(0)).containsText("Paper");
        assertThat(rows.nth(0)).containsText("Nothing, it was lovely");
        assertThat(rows.nth(1)).containsText(member.name());
        assertThat(rows.nth(1)).containsText("More painting, please");
        assertThat(rows.nth(2)).containsText("Online");

        // Leave the test out, then see it marked.
        facilitator.click(rows.nth(2).locator("a").first());
        assertThat(facilitator.heading()).hasText("One response");
        assertThat(page.locator("main")).containsText("Just testing");
        facilitator.choose("It was a test").clickButton("Leave it out");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("This response is left out of the counts.");
        facilitator.clickLink("Back");
        assertThat(rows.nth(2)).containsText("Marked as a test");

        // Download both files in the browser and read them back.
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new StringReader(new String(download(page, "Download all responses as a spreadsheet (CSV)"),
                StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(csv).hasSize(5);
        assertThat(csv.getFirst().values()).contains("Member", "Left out", BEFORE, NOW, CHANGE);
        List<String> changes = csv.subList(1, 5).stream().map(r -> r.get(8)).toList();
        assertThat(changes).containsExactlyInAnyOrder("'=1+1", "Just testing", "More painting, please", "Nothing, it was lovely");
        assertThat(csv.subList(1, 5).stream().filter(r -> r.get(3).equals("Paper")).count()).isEqualTo(2);
        assertThat(csv.stream().filter(r -> r.get(8).equals("Just testing")).findFirst().orElseThrow().get(5)).isEqualTo("Marked as a test");
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(download(page, "Download all responses as an Excel file")))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.STRING);
                texts.add(row.getCell(8).getStringCellValue());
            }
            assertThat(texts).containsExactlyInAnyOrder("'=1+1", "Just testing", "More painting, please", "Nothing, it was lovely");
        }

        // What the answers say: the test is left out.
        facilitator.clickLink("What the answers say");
        assertThat(facilitator.heading()).hasText("What the answers say");
        assertThat(page.locator("main")).containsText("Counted responses: 3.");
        assertThat(page.locator("main")).containsText("Left out as a test or duplicate: 1.");
        assertThat(page.locator("#question-feel")).containsText("3 of 3 moved up the scale");
        facilitator.assertEveryPageChecked();
    }

    private static Locator group(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    /** Clicks a download link and reads the file the browser saved. */
    private static byte[] download(Page page, String link) throws Exception {
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).click());
        return Files.readAllBytes(download.path());
    }

    /** Fetches a PDF link with the visitor's session (a PDF opens in the browser's viewer rather than as a page to scan). */
    private void assertPaperPdf(Visitor visitor, String link, String code, String firstQuestion) throws Exception {
        String href = visitor.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).getAttribute("href");
        APIResponse response = visitor.context().request().get("http://localhost:" + port + href);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/pdf");
        byte[] pdf = response.body();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Form code: " + code, "After the art session", firstQuestion);
        }
        assertPdfUa1(pdf);
    }
}
