package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ForcedColors;
import com.microsoft.playwright.options.Media;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.core.simple.JdbcClient;

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

    @Autowired
    JdbcClient jdbc;

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
        // A score column beside each half of the before-and-after pair, so before and now can be averaged.
        assertThat(csv.getFirst().values()).containsSubsequence("Member", "Left out", BEFORE, BEFORE + " (score)", NOW, NOW + " (score)", CHANGE);
        List<String> changes = csv.subList(1, 5).stream().map(r -> r.get(10)).toList();
        assertThat(changes).containsExactlyInAnyOrder("'=1+1", "Just testing", "More painting, please", "Nothing, it was lovely");
        assertThat(csv.subList(1, 5).stream().filter(r -> r.get(3).equals("Paper")).count()).isEqualTo(2);
        assertThat(csv.stream().filter(r -> r.get(10).equals("Just testing")).findFirst().orElseThrow().get(5)).isEqualTo("Marked as a test");
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(download(page, "Download all responses as an Excel file")))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                assertThat(row.getCell(10).getCellType()).isEqualTo(CellType.STRING);
                texts.add(row.getCell(10).getStringCellValue());
                // A formula typed as an answer stays text: quote-prefixed, without a visible apostrophe.
                assertThat(row.getCell(10).getCellStyle().getQuotePrefixed()).isEqualTo(row.getCell(10).getStringCellValue().startsWith("="));
                assertThat(row.getCell(7).getCellType()).as("the score of the answer before").isEqualTo(CellType.NUMERIC);
            }
            assertThat(texts).containsExactlyInAnyOrder("=1+1", "Just testing", "More painting, please", "Nothing, it was lovely");
        }

        // What the answers say: the test is left out.
        facilitator.clickLink("What the answers say");
        assertThat(facilitator.heading()).hasText("What the answers say");
        assertThat(page.locator("main")).containsText("Counted responses: 3.");
        assertThat(page.locator("main")).containsText("Left out as a test or duplicate: 1.");
        assertThat(page.locator("#question-feel")).containsText("3 of 3 moved up the scale");
        facilitator.assertEveryPageChecked();
    }

    @Test
    void theFacilitatorPagesThroughALongTableAndReadsTheAnswersAsBars() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitatorTenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitatorTenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null,
                null, null, f.id(), false, List.of()));
        UUID formId = forms.create(facilitatorTenant, project, "After the music group", null, false, null, List.of(
                new Question("fun", QuestionType.RATING, "Was it fun?", null, "Was it fun?", "face-happy", false, List.of("No", "A bit", "Yes"),
                        ScaleStyle.WORDS, null, null, null, null),
                new Question("feel", QuestionType.BEFORE_AFTER, BEFORE, null, "How did I feel before?", "face-happy", true,
                        List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, NOW, "How do I feel now?", null, null),
                new Question("change", QuestionType.SHORT_TEXT, CHANGE, null, "What would I change?", "change", false, List.of(),
                        ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(facilitatorTenant, formId, FormStatus.OPEN);
        // 55 answers, an hour apart: every fifth says it was not fun; every fourth felt the same before and now.
        PublicForm pf = respondents.locate(forms.form(facilitatorTenant, formId).token()).orElseThrow();
        OffsetDateTime start = OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 1; i <= 55; i++) {
            Draft draft = respondents.start(pf, Source.ONLINE, null);
            respondents.savePage(pf, draft, pf.form().questions(), Map.of("fun", List.of(i % 5 == 0 ? "1" : "3"), "feel.before", List.of("1"),
                    "feel.after", List.of(i % 4 == 0 ? "1" : "2"), "change", List.of("Answer " + i)));
            SubmitResult sent = respondents.submit(pf, draft.token());
            jdbc.sql("update form_response set submitted_at = :at where id = :id").param("at", start.plusHours(i))
                    .param("id", ((SubmitResult.Saved) sent).responseId()).update();
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        String base = "/forms/" + formId + "/responses";
        facilitator.signIn(f.username(), TestData.PASSWORD).open(base + "?version=1");
        assertThat(page.locator("#responses-showing")).hasText("Showing 1 to 50 of 55 responses");
        assertThat(page.locator("table tbody tr")).hasCount(50);
        assertThat(page.locator("table tbody tr").first()).containsText("Answer 55");
        assertThat(page.locator("nav.govuk-pagination [aria-current=page]")).hasText("1");

        // To page 2 by keyboard (from the last row: 50 rows of links are more Tabs than the helper allows); the filter goes with it.
        page.locator("table tbody tr").last().locator("a").first().focus();
        facilitator.tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page").setExact(true))).pressToLoad("Enter");
        assertThat(page.url()).endsWith(base + "?version=1&page=2");
        assertThat(page).hasTitle(Pattern.compile("^Responses \\(page 2 of 2\\)"));
        assertThat(page.locator("#responses-showing")).hasText("Showing 51 to 55 of 55 responses");
        assertThat(page.locator("table tbody tr")).hasCount(5);
        assertThat(page.locator("table tbody tr").first()).containsText("Answer 5");
        assertThat(page.locator("table tbody tr").last()).containsText("Answer 1");
        assertThat(page.locator("select[name=version]")).hasValue("1");
        facilitator.clickLink("Previous page");
        assertThat(page.locator("#responses-showing")).hasText("Showing 1 to 50 of 55 responses");

        // The analysis: each percentage with a bar as long as it.
        facilitator.clickLink("What the answers say");
        Locator fun = page.locator("#question-fun table tbody tr");
        assertThat(fun).hasCount(3);
        assertThat(fun.nth(0)).hasText(Pattern.compile("No\\s*11\\s*20%"));
        assertThat(fun.nth(2)).hasText(Pattern.compile("Yes\\s*44\\s*80%"));
        assertThat(fun.locator("rect.app-bar__fill")).hasCount(3);
        assertBarLength(fun.nth(0), 20);
        assertBarLength(fun.nth(1), 0);
        assertBarLength(fun.nth(2), 80);
        Locator moved = page.locator("#question-feel .app-bar-list li");
        assertThat(moved.nth(0)).hasText("42 of 55 moved up the scale (76%)");
        assertBarLength(moved.nth(0), 76);
        assertThat(moved.nth(1)).hasText("13 of 55 stayed the same (24%)");
        assertBarLength(moved.nth(1), 24);

        // Free-text answers: the latest 20 on this page, whatever the number of responses; all of them a link away, 50 a page.
        Locator changes = page.locator("#question-change .app-analysis-texts li");
        assertThat(changes).hasCount(20);
        assertThat(changes.first()).containsText("Answer 55");
        assertThat(page.locator("#question-change")).containsText("The latest 20 of 55 answers:");
        facilitator.clickLink("See all 55 answers to \"" + CHANGE + "\"");
        assertThat(page).hasTitle(Pattern.compile("^All answers \\(page 1 of 2\\): What would you change\\?"));
        assertThat(page.locator("h1")).hasText(CHANGE);
        assertThat(page.locator(".app-analysis-texts li")).hasCount(50);
        facilitator.clickLink("Next page");
        assertThat(page.locator(".app-analysis-texts li")).hasCount(5);
        assertThat(page.locator(".app-analysis-texts li").last()).containsText("Answer 1");
        facilitator.clickLink("Back to what the answers say");
        assertThat(page.locator("#question-change .app-analysis-texts li")).hasCount(20);

        // In forced colours (Windows high contrast) the bars take the text colour; in print they are black.
        page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.ACTIVE));
        Locator bar = fun.nth(2).locator("rect.app-bar__fill");
        assertThat(bar.evaluate("r => getComputedStyle(r).fill")).isEqualTo(bar.evaluate("r => getComputedStyle(r.closest('td')).color"));
        assertThat(bar.evaluate("r => getComputedStyle(r).fill")).isNotEqualTo("none");
        assertThat(fun.nth(2).locator("rect.app-bar__track").evaluate("r => getComputedStyle(r).stroke"))
                .isEqualTo(bar.evaluate("r => getComputedStyle(r).fill"));
        page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.NONE).setMedia(Media.PRINT));
        assertThat(bar.evaluate("r => getComputedStyle(r).fill")).isEqualTo("rgb(11, 12, 12)");
        assertBarLength(fun.nth(2), 80);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // On a phone, the analysis with its bars fits the screen.
        Visitor phone = phoneUser();
        phone.signIn(f.username(), TestData.PASSWORD).open("/forms/" + formId + "/analysis");
        assertBarLength(phone.page().locator("#question-fun table tbody tr").nth(2), 80);
        phone.open("/forms/" + formId + "/analysis/change/answers?page=2");
        assertThat(phone.page().locator(".app-analysis-texts li")).hasCount(5);
        facilitator.assertEveryPageChecked();
    }

    /** The bar in a row is drawn, and its filled part is that share of its whole length. */
    private static void assertBarLength(Locator row, int percent) {
        BoundingBox whole = row.locator("svg.app-bar").boundingBox();
        assertThat(whole.width).isGreaterThan(40);
        assertThat(row.locator("svg.app-bar").getAttribute("aria-hidden")).isEqualTo("true");
        double filled = percent == 0 ? 0 : row.locator("rect.app-bar__fill").boundingBox().width;
        assertThat(filled / whole.width * 100).isCloseTo(percent, offset(1.5));
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
