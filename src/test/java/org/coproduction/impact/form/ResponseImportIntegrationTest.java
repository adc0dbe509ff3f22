package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Responses brought in from other tools' exports (issue #13), through the pages and the service:
 * nothing added before confirming, each row added once, times kept, refused rows listed with their
 * reasons, the analysis counting them (also behind a form's settled line), and another organisation
 * seeing nothing.
 */
@IntegrationTest
class ResponseImportIntegrationTest {

    static final List<String> AGREE = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    FormResults results;

    @Autowired
    ResponseImports imports;

    @Autowired
    JdbcClient jdbc;

    TestData.Org org;

    TestData.Person facilitatorPerson;

    Tenant facilitator;

    UUID formId;

    static Question question(String key, QuestionType type, String text, List<String> options) {
        return new Question(key, type, text, null, null, null, false, options, ScaleStyle.WORDS, null, null, null, null);
    }

    /** The form every sample export answers: a rating, a multiple choice and free text. */
    static List<Question> sampleQuestions() {
        return List.of(question("listened", QuestionType.RATING, "How much did you feel listened to?", AGREE),
                question("sessions", QuestionType.MULTIPLE_CHOICE, "Which sessions did you come to?", List.of("Planning", "Review")),
                question("changed", QuestionType.LONG_TEXT, "What changed for you?", List.of()));
    }

    @BeforeEach
    void aFormAskingTheSampleQuestions() {
        org = data.organisationWithEveryRole("Imports");
        facilitatorPerson = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(facilitatorPerson.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Carers’ voice " + TestData.suffix(), null, null, null, null,
                facilitatorPerson.id(), false, List.of()));
        formId = forms.create(facilitator, project, "How was it?", null, false, null, sampleQuestions());
        forms.setStatus(facilitator, formId, FormStatus.OPEN);
    }

    static byte[] sample(String file) throws Exception {
        return ResponseImportIntegrationTest.class.getResourceAsStream("/imports/" + file).readAllBytes();
    }

    private int responses() {
        return jdbc.sql("select count(*) from form_response where form_id = :f").param("f", formId).query(Integer.class).single();
    }

    private String upload(String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/forms/" + formId + "/responses/import").file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .with(csrf()).with(data.as(facilitatorPerson)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(data.as(facilitatorPerson))).andReturn().getResponse().getContentAsString());
    }

    /** The preview page once the file has been read (it is read in the background). */
    private Document readPage(String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            Document page = page(url);
            if (page.getElementById("check-progress") == null) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the file was still being read");
    }

    /** Uploads a file, keeps the proposed matching, and returns the preview page's address. */
    private String uploadAndRead(String file) throws Exception {
        String url = upload(file, sample(file));
        assertThat(url).startsWith("/forms/" + formId + "/responses/imports/");
        Document matching = page(url);
        var match = post(url + "/match").with(csrf()).with(data.as(facilitatorPerson));
        for (var select : matching.select("select")) {
            var chosen = select.selectFirst("option[selected]");
            match = match.param(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
        }
        assertThat(mvc.perform(match).andReturn().getResponse().getRedirectedUrl()).isEqualTo(url);
        return url;
    }

    @Test
    void aGoogleFormsExportIsMatchedPreviewedAndAddedOnceWithItsTimes() throws Exception {
        String url = upload("google-forms.csv", sample("google-forms.csv"));
        Document matching = page(url);
        assertThat(matching.select("#tool").text()).isEqualTo("This is an export from Google Forms with 3 questions.");
        // Each question is proposed where the words are the same.
        assertThat(matching.select("select option[selected]").eachAttr("value")).containsExactly("listened", "sessions", "changed");

        Document preview = readPage(uploadAndRead("google-forms.csv"));
        assertThat(responses()).as("nothing added before confirming").isZero();
        assertThat(preview.select("#summary").text())
                .isEqualTo("5 rows read from the Google Forms export: 2 responses can be added and 3 rows are left out.");
        assertThat(preview.select("#refused").text()).isEqualTo("3 rows will not be brought in");
        assertThat(preview.text()).contains("“Cooking” for “Which sessions did you come to?” is not one of this form’s choices",
                "The time “not a date” could not be read", "“7” for “How much did you feel listened to?” is not a point on this form’s scale of 5");
        assertThat(preview.text()).contains("Strongly agree", "Planning, Review", "Dw i’n teimlo’n rhan o’r grŵp; ŵ ŷ");

        String confirm = uploadAndRead("google-forms.csv");
        readPage(confirm);
        var first = mvc.perform(post(confirm + "/confirm").with(csrf()).with(data.as(facilitatorPerson))).andReturn();
        assertThat(first.getFlashMap().get("notice")).isEqualTo("2 responses added from the export");
        mvc.perform(post(confirm + "/confirm").with(csrf()).with(data.as(facilitatorPerson)));
        assertThat(responses()).isEqualTo(2);
        assertThat(jdbc.sql("select submitted_at from form_response where form_id = :f order by submitted_at").param("f", formId)
                .query(OffsetDateTime.class).list())
                .containsExactly(OffsetDateTime.parse("2026-03-04T10:15:02Z"), OffsetDateTime.parse("2026-03-04T11:20:45Z"));
        assertThat(jdbc.sql("select distinct source from form_response where form_id = :f").param("f", formId).query(String.class).list())
                .containsExactly("IMPORT");

        // The same file uploaded again: its rows are already in, and there is nothing to confirm.
        Document again = readPage(uploadAndRead("google-forms.csv"));
        assertThat(again.text()).contains("2 of these responses are already in this form");
        assertThat(again.select("form[action$=/confirm]")).isEmpty();
        assertThat(responses()).isEqualTo(2);
        // The responses page lists them as brought in.
        assertThat(page("/forms/" + formId + "/responses").text()).contains("Brought in from another tool");
    }

    @Test
    void eachToolsSampleGivesItsRowsAndReasons() throws Exception {
        Document ms = readPage(uploadAndRead("microsoft-forms.xlsx"));
        assertThat(ms.select("#summary").text())
                .isEqualTo("5 rows read from the Microsoft Forms export: 3 responses can be added and 2 rows are left out.");
        assertThat(ms.text()).contains("The time “sometime” could not be read", "“Knitting” for “Which sessions did you come to?”");

        Document monkey = readPage(uploadAndRead("surveymonkey.csv"));
        assertThat(monkey.select("#summary").text())
                .isEqualTo("3 rows read from the SurveyMonkey export: 2 responses can be added and 1 row is left out.");
        assertThat(monkey.text()).contains("“Sometimes maybe” for “How much did you feel listened to?” is not a point on this form’s scale of 5");

        Document monkeyBook = readPage(uploadAndRead("surveymonkey.xlsx"));
        assertThat(monkeyBook.select("#summary").text()).startsWith("3 rows read from the SurveyMonkey export: 2 responses can be added");

        Document semicolons = readPage(uploadAndRead("google-forms-semicolon-bom.csv"));
        assertThat(semicolons.select("#summary").text()).contains("2 responses can be added");
    }

    @Test
    void theAnalysisCountsImportedResponsesEvenBehindTheSettledLine() throws Exception {
        // The form's counts are settled before the import (its line is now an hour ago); the imported
        // responses, sent in March, are behind it and must still be counted.
        assertThat(results.analysis(facilitator, formId).counted()).isZero();
        String url = uploadAndRead("microsoft-forms.xlsx");
        readPage(url);
        mvc.perform(post(url + "/confirm").with(csrf()).with(data.as(facilitatorPerson)));
        Analysis analysis = results.analysis(facilitator, formId);
        assertThat(analysis.counted()).isEqualTo(3);
        Map<String, Integer> listened = new java.util.HashMap<>();
        analysis.questions().getFirst().tallies().getFirst().counts().forEach(c -> listened.put(c.label(), c.count()));
        assertThat(listened).containsEntry("Strongly agree", 2).containsEntry("Agree", 1);
        assertThat(jdbc.sql("select counted from form_answer_settled where form_id = :f").param("f", formId).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aNewFormIsMadeFromAnExportsQuestionsAndTakesItsResponses() throws Exception {
        UUID project = forms.form(facilitator, formId).projectId();
        var made = mvc.perform(multipart("/projects/" + project + "/forms/from-export")
                        .file(new MockMultipartFile("file", "Carers_survey.csv", "text/csv", sample("google-forms.csv")))
                        .with(csrf()).with(data.as(facilitatorPerson)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(made).matches("/forms/[0-9a-f-]{36}/responses/imports/[0-9a-f-]{36}");
        UUID newForm = UUID.fromString(made.substring("/forms/".length(), "/forms/".length() + 36));
        Form form = forms.form(facilitator, newForm);
        assertThat(form.title()).isEqualTo("Carers survey");
        assertThat(form.status()).isEqualTo(FormStatus.DRAFT);
        assertThat(form.questions()).extracting(Question::type)
                .containsExactly(QuestionType.RATING, QuestionType.MULTIPLE_CHOICE, QuestionType.LONG_TEXT);
        assertThat(form.questions().get(0).options()).isEqualTo(AGREE);
        assertThat(form.questions().get(1).options()).containsExactly("Planning", "Review", "Cooking");
        assertThat(form.questions()).extracting(Question::text)
                .containsExactly("How much did you feel listened to?", "Which sessions did you come to?", "What changed for you?");

        // Every question is matched to its new one; the row with Cooking now fits, the others are still refused.
        Document matching = page(made);
        assertThat(matching.select("select option[selected]").eachAttr("value")).doesNotContain("");
        var match = post(made + "/match").with(csrf()).with(data.as(facilitatorPerson));
        for (var select : matching.select("select")) {
            match = match.param(select.attr("name"), select.selectFirst("option[selected]").attr("value"));
        }
        mvc.perform(match);
        Document preview = readPage(made);
        assertThat(preview.select("#summary").text())
                .isEqualTo("5 rows read from the Google Forms export: 3 responses can be added and 2 rows are left out.");
        mvc.perform(post(made + "/confirm").with(csrf()).with(data.as(facilitatorPerson)));
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", newForm).query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedNextToTheFieldAndKeepsNothing() throws Exception {
        byte[] attendance = "Date,Activity,Name\n14/03/2024,Coffee morning,Siân\n".getBytes(StandardCharsets.UTF_8);
        var response = mvc.perform(multipart("/forms/" + formId + "/responses/import")
                        .file(new MockMultipartFile("file", "attendance.csv", "text/csv", attendance)).with(csrf()).with(data.as(facilitatorPerson)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#file-error").text()).contains("The file is not an export of responses from Microsoft Forms, Google Forms or SurveyMonkey");
        assertThat(jdbc.sql("select count(*) from form_response_import where form_id = :f").param("f", formId).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aQuestionChosenTwiceIsRefusedNextToItAndNothingIsRead() throws Exception {
        String url = upload("google-forms.csv", sample("google-forms.csv"));
        var response = mvc.perform(post(url + "/match").with(csrf()).with(data.as(facilitatorPerson))
                        .param("column-0", "listened").param("column-1", "listened").param("column-2", ""))
                .andReturn().getResponse();
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#column-1-error").text()).contains("another question in the file already goes to this one");
        assertThat(jdbc.sql("select status from form_response_import where form_id = :f").param("f", formId).query(String.class).single())
                .isEqualTo("MAPPING");
    }

    @Test
    void anotherOrganisationSeesNothingOfAnImport() throws Exception {
        String url = uploadAndRead("google-forms.csv");
        readPage(url);
        TestData.Org other = data.organisationWithEveryRole("Elsewhere");
        assertThat(mvc.perform(get(url).with(data.as(other.person(Role.ADMIN)))).andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post(url + "/confirm").with(csrf()).with(data.as(other.person(Role.ADMIN))));
        assertThat(responses()).isZero();
        // A member of the same organisation may not bring responses in either.
        assertThat(mvc.perform(get("/forms/" + formId + "/responses/import").with(data.as(org.person(Role.MEMBER)))).andReturn().getResponse()
                .getStatus()).isIn(403, 404);
    }

    /**
     * A Microsoft Forms workbook of 100,000 responses is read as a stream of rows (the workbook is
     * never built in memory): every row is read, with its time from a date-formatted cell.
     */
    @Test
    void aHundredThousandRowWorkbookIsReadInFull() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = book.createSheet("Sheet1");
            var dated = book.createCellStyle();
            dated.setDataFormat(book.createDataFormat().getFormat("m/d/yy h:mm"));
            var header = sheet.createRow(0);
            String[] names = {"Id", "Start time", "Completion time", "Email", "Name", "How much did you feel listened to?",
                    "Which sessions did you come to?", "What changed for you?"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= 100_000; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                var done = row.createCell(2);
                done.setCellValue(45658.375 + i / 480.0);
                done.setCellStyle(dated);
                row.createCell(3).setCellValue("anonymous");
                row.createCell(5).setCellValue(AGREE.get(i % 5));
                row.createCell(6).setCellValue(i % 2 == 0 ? "Planning;Review;" : "Review;");
            }
            book.write(out);
        }
        byte[] bytes = out.toByteArray();
        long start = System.nanoTime();
        UUID id = ((ResponseImports.Upload.Recognised) imports.upload(facilitator, formId, "big.xlsx", bytes)).importId();
        assertThat(imports.startAndRead(facilitator, formId, id, Map.of(0, "listened", 1, "sessions"))).isEmpty();
        long read = System.nanoTime();
        System.out.printf("100,000-row Microsoft Forms workbook (%,d bytes): read and staged %d ms%n", bytes.length, (read - start) / 1_000_000);
        ResponseImports.Preview p = imports.preview(facilitator, formId, id);
        assertThat(p.rowsRead()).isEqualTo(100_000);
        assertThat(p.refusals()).isZero();
        assertThat(p.responses()).isEqualTo(100_000);
        // The first response's time came from its date-formatted cell: 1 January 2025, 09:00 UK time, plus three minutes.
        assertThat(p.first().getFirst().submittedAt()).isEqualTo(OffsetDateTime.parse("2025-01-01T09:03:00Z"));
    }

    @Test
    void aHundredThousandRowExportImportsInFull() {
        StringBuilder csv = new StringBuilder("Timestamp,How much did you feel listened to?,Which sessions did you come to?,What changed for you?\n");
        for (int i = 0; i < 100_000; i++) {
            OffsetDateTime at = OffsetDateTime.parse("2025-01-01T09:00:00Z").plusMinutes(i * 3L);
            csv.append(at.format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd hh:mm:ss a", java.util.Locale.ENGLISH))).append(" GMT,")
                    .append(AGREE.get(i % 5)).append(',').append(i % 3 == 0 ? "\"Planning, Review\"" : "Review").append(',')
                    .append(i % 10 == 0 ? "Felt heard, number " + i : "").append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        UUID id = ((ResponseImports.Upload.Recognised) imports.upload(facilitator, formId, "big.csv", bytes)).importId();
        assertThat(imports.startAndRead(facilitator, formId, id, Map.of(0, "listened", 1, "sessions", 2, "changed"))).isEmpty();
        long read = System.nanoTime();
        ResponseImports.Preview p = imports.preview(facilitator, formId, id);
        long previewed = System.nanoTime();
        ResponseImports.Confirmed done = imports.confirm(facilitator, formId, id);
        long confirmed = System.nanoTime();
        Analysis analysis = results.analysis(facilitator, formId);
        long analysed = System.nanoTime();
        System.out.printf("100,000-row response import (%,d bytes): read and staged %d ms, preview page data %d ms, confirm %d ms, analysis after %d ms%n",
                bytes.length, (read - start) / 1_000_000, (previewed - read) / 1_000_000, (confirmed - previewed) / 1_000_000,
                (analysed - confirmed) / 1_000_000);
        assertThat(p.rowsRead()).isEqualTo(100_000);
        assertThat(p.refusals()).isZero();
        assertThat(p.responses()).isEqualTo(100_000);
        assertThat(done).isEqualTo(new ResponseImports.Confirmed.Added(100_000));
        assertThat(responses()).isEqualTo(100_000);
        assertThat(analysis.counted()).isEqualTo(100_000);
    }
}
