package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Forms with many responses (issue 11, "speed and scale"; issue 18 item 10): the analysis counts
 * in PostgreSQL and shows only the latest free-text answers with a paged list of all of them; the
 * exports stream rows through a database cursor, and the Excel export types its cells (dates,
 * numbers, a score beside each rating). Bulk responses are inserted with one SQL statement, as the
 * bench generator does.
 */
@IntegrationTest
class FormScaleIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    FormResults results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnswerCounts answerCounts;

    TestData.Org org;

    TestData.Person facilitatorPerson;

    Tenant facilitator;

    UUID project;

    @BeforeEach
    void anOrganisationWithAProject() {
        org = data.organisationWithEveryRole("Scale");
        facilitatorPerson = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(facilitatorPerson.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(facilitator, new ProjectService.ProjectDetails("Big project " + TestData.suffix(), null, null, null, null,
                facilitatorPerson.id(), false, List.of()));
    }

    private UUID openForm(String title, List<Question> questions) {
        UUID id = forms.create(facilitator, project, title, null, false, null, questions);
        forms.setStatus(facilitator, id, FormStatus.OPEN);
        return id;
    }

    private UUID answer(UUID formId, Map<String, List<String>> values) {
        PublicForm pf = respondents.locate(forms.form(facilitator, formId).token()).orElseThrow();
        Draft draft = respondents.start(pf, Source.ONLINE, null);
        assertThat(respondents.savePage(pf, draft, respondents.questions(pf, draft), values)).isEmpty();
        return ((SubmitResult.Saved) respondents.submit(pf, draft.token())).responseId();
    }

    /**
     * {@code n} responses on version 1 in one statement, response {@code g} (1 to n) submitted
     * {@code g} minutes before now, so response 1 is the newest; {@code answers} is an SQL jsonb
     * expression over {@code g}.
     */
    private void bulk(UUID formId, int n, String answers) {
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, submitted_at)
                        select gen_random_uuid(), :org, :form, 1, 'bulk-' || :tag || '-' || g, %s, 'ONLINE', now() - g * interval '1 minute'
                        from generate_series(1, :n) g
                        """.formatted(answers))
                .param("org", org.id().value())
                .param("form", formId)
                .param("n", n)
                .param("tag", UUID.randomUUID().toString())
                .update();
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path).with(data.as(facilitatorPerson))).andReturn().getResponse();
    }

    @Test
    void theAnalysisShowsTheLatestTwentyTextAnswersAndLinksToAllOfThemFiftyAPage() throws Exception {
        UUID formId = openForm("Many words", List.of(FormResponsesIntegrationTest.question("note", QuestionType.SHORT_TEXT, "Anything else?", List.of()),
                FormResponsesIntegrationTest.question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes"))));
        bulk(formId, 120, "jsonb_build_object('note', jsonb_build_array('Said ' || g), 'fun', jsonb_build_array((g % 3 + 1)::text))");
        // 120 with a rating, 40 each of 1, 2 and 3; and one more without a note, left out as a test.
        UUID test = answer(formId, Map.of("fun", List.of("1")));
        respondents.exclude(facilitator, formId, test, Response.Exclusion.TEST);

        Analysis analysis = results.analysis(facilitator, formId);
        assertThat(analysis.counted()).isEqualTo(120);
        assertThat(analysis.excluded()).isEqualTo(1);
        Analysis.QuestionResult note = analysis.questions().getFirst();
        assertThat(note.answered()).isEqualTo(120);
        assertThat(note.texts()).hasSize(FormResults.LATEST_TEXTS).extracting(Analysis.TextAnswer::text)
                .startsWith("Said 1", "Said 2").endsWith("Said 20");
        assertThat(analysis.questions().get(1).tallies().getFirst().counts()).extracting(Analysis.Count::count).containsExactly(40, 40, 40);

        // Responses from over an hour ago are now settled counts (V0018); the rest are counted on each request.
        assertThat(jdbc.sql("select counted from form_answer_settled where form_id = :form").param("form", formId).query(Long.class).single())
                .isEqualTo(61); // responses 60 to 120, sent 60 to 120 minutes before the bulk insert, a moment before the line
        assertThat(jdbc.sql("select responses from form_answer_count where form_id = :form and kind = 'v' and name = 'fun' and value = '2'")
                .param("form", formId).query(Long.class).single()).isEqualTo(20); // 61, 64, ... 118
        // Leaving out a settled response (response 100, 100 minutes ago, rated 2) corrects the settled counts; counting it again restores them.
        UUID old = jdbc.sql("select id from form_response where form_id = :form and submission_token like 'bulk-%-100'").param("form", formId)
                .query(UUID.class).single();
        respondents.exclude(facilitator, formId, old, Response.Exclusion.DUPLICATE);
        Analysis without = results.analysis(facilitator, formId);
        assertThat(without.counted()).isEqualTo(119);
        assertThat(without.excluded()).isEqualTo(2);
        assertThat(without.questions().get(1).tallies().getFirst().counts()).extracting(Analysis.Count::count).containsExactly(40, 39, 40);
        assertThat(without.questions().getFirst().answered()).isEqualTo(119);
        respondents.exclude(facilitator, formId, old, null);
        Analysis again = results.analysis(facilitator, formId);
        assertThat(again.counted()).isEqualTo(120);
        assertThat(again.questions().get(1).tallies().getFirst().counts()).extracting(Analysis.Count::count).containsExactly(40, 40, 40);

        Document page = Jsoup.parse(fetch("/forms/" + formId + "/analysis").getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#question-note .app-analysis-texts li")).hasSize(20);
        assertThat(page.select("#question-note p").eachText()).contains("The latest 20 of 120 answers:");
        String all = page.select("#question-note a[href$=/analysis/note/answers]").text();
        assertThat(all).isEqualTo("See all 120 answers to \"Anything else?\"");

        Document first = Jsoup.parse(fetch("/forms/" + formId + "/analysis/note/answers").getContentAsString(StandardCharsets.UTF_8));
        assertThat(first.select(".app-analysis-texts li p.govuk-body").eachText()).hasSize(50).startsWith("Said 1").endsWith("Said 50");
        assertThat(first.select("h1").text()).isEqualTo("Anything else?");
        assertThat(first.select(".govuk-pagination__item--current").text()).isEqualTo("1");
        Document last = Jsoup.parse(fetch("/forms/" + formId + "/analysis/note/answers?page=3").getContentAsString(StandardCharsets.UTF_8));
        assertThat(last.select(".app-analysis-texts li p.govuk-body").eachText()).hasSize(20).startsWith("Said 101").endsWith("Said 120");
        assertThat(last.title()).startsWith("All answers (page 3 of 3)");
        // A page past the end shows the last; a question that is not free text has no such list.
        assertThat(Jsoup.parse(fetch("/forms/" + formId + "/analysis/note/answers?page=99").getContentAsString(StandardCharsets.UTF_8))
                .select(".govuk-pagination__item--current").text()).isEqualTo("3");
        assertThat(fetch("/forms/" + formId + "/analysis/fun/answers").getStatus()).isEqualTo(404);
        assertThat(fetch("/forms/" + formId + "/analysis/nothing/answers").getStatus()).isEqualTo(404);

        // Ten times the responses: the analysis page is the same size, give or take the digits of the counts.
        int before = page.outerHtml().length();
        bulk(formId, 1200, "jsonb_build_object('note', jsonb_build_array('Later ' || g || ' ' || repeat('word ', 40)))");
        String after = fetch("/forms/" + formId + "/analysis").getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(after).select("#question-note .app-analysis-texts li")).hasSize(20);
        assertThat(after.length()).isLessThan(before + 20 * 300);
    }

    @Test
    void pastTenThousandTheTablesListTheNewestAndSaySoRatherThanCountingEveryResponse() throws Exception {
        UUID formId = openForm("Very many", List.of(FormResponsesIntegrationTest.question("note", QuestionType.SHORT_TEXT, "Anything else?", List.of())));
        bulk(formId, ResponsePage.LISTED + 5, "jsonb_build_object('note', jsonb_build_array('Said ' || g))");

        ResponsePage first = results.responses(facilitator, formId, null, null, null, 1, 25);
        assertThat(first.more()).isTrue();
        assertThat(first.total()).isEqualTo(ResponsePage.LISTED);
        assertThat(first.pages()).isEqualTo(ResponsePage.LISTED / 25);
        // The last page listed holds the 10,000th newest; a page past it shows that last page.
        ResponsePage last = results.responses(facilitator, formId, null, null, null, 1_000_000, 25);
        assertThat(last.page()).isEqualTo(ResponsePage.LISTED / 25);
        assertThat(last.responses()).hasSize(25);
        assertThat(last.responses().getLast().answers().get("note")).containsExactly("Said " + ResponsePage.LISTED);

        Document page = Jsoup.parse(fetch("/forms/" + formId + "/responses").getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#responses-heading").text()).isEqualTo("More than 10,000 responses");
        assertThat(page.select("#responses-more").text()).contains("lists the newest 10,000", "choose dates", "download all the responses");
        assertThat(page.select("#responses-showing").text()).isEqualTo("Showing 1 to 50 of 10,000 responses");
        // The version filter does not count every response either.
        assertThat(page.select("select#version option").eachText()).contains("Version 1 (more than 10,000 counted)");
        assertThat(Jsoup.parse(fetch("/forms/" + formId + "/versions").getContentAsString(StandardCharsets.UTF_8)).text())
                .contains("more than 10,000");

        // Narrowed by dates to fewer than the limit, the count is exact again and nothing is said.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        ResponsePage recent = results.responses(facilitator, formId, null, today, today, 1, 25);
        assertThat(recent.more()).isFalse();
        assertThat(recent.total()).isLessThanOrEqualTo(24 * 60L);

        // A free-text question's answers: the newest 10,000 are paged through, and the page says how to read them all.
        Document answers = Jsoup.parse(fetch("/forms/" + formId + "/analysis/note/answers?page=1000").getContentAsString(StandardCharsets.UTF_8));
        assertThat(answers.select(".govuk-pagination__item--current").text()).isEqualTo(String.valueOf(ResponsePage.LISTED / 50));
        assertThat(answers.select("#answers-more").text()).contains("Only the newest 10,000 are listed here");
        assertThat(answers.select("#answers-more a").attr("href")).isEqualTo("/forms/" + formId + "/responses/export.csv");
    }

    @Test
    void theBackgroundJobSettlesAFormsBacklogSoNoPersonsRequestCountsIt() {
        UUID formId = openForm("A backlog", List.of(
                FormResponsesIntegrationTest.question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes"))));
        bulk(formId, 150, "jsonb_build_object('fun', jsonb_build_array((g % 3 + 1)::text))");
        AnswerCountsSettler settler = new AnswerCountsSettler(jdbc, answerCounts);
        String settledCount = "select counted from form_answer_settled where form_id = :form";

        assertThat(jdbc.sql(settledCount).param("form", formId).query(Long.class).optional()).as("nobody has asked yet").isEmpty();
        assertThat(settler.settleAll()).isGreaterThanOrEqualTo(1);
        // Responses 60 to 150, sent 60 to 150 minutes before the insert, are behind the line.
        assertThat(jdbc.sql(settledCount).param("form", formId).query(Long.class).single()).isEqualTo(91);

        // Settled up to the last step: the next run leaves the form alone, and the analysis still counts every response.
        String before = jdbc.sql("select settled_before::text from form_answer_settled where form_id = :form").param("form", formId)
                .query(String.class).single();
        settler.settleAll();
        assertThat(jdbc.sql("select settled_before::text from form_answer_settled where form_id = :form").param("form", formId)
                .query(String.class).single()).isEqualTo(before);
        Analysis analysis = results.analysis(facilitator, formId);
        assertThat(analysis.counted()).isEqualTo(150);
        assertThat(analysis.questions().getFirst().tallies().getFirst().counts()).extracting(Analysis.Count::count)
                .containsExactly(50, 50, 50);
    }

    @Test
    void numberSummariesAndMovementAreCountedInTheDatabaseAsBefore() {
        UUID formId = openForm("Numbers", List.of(FormResponsesIntegrationTest.question("visits", QuestionType.NUMBER, "How many visits?", List.of()),
                FormResponsesIntegrationTest.feeling("feel")));
        // Hand-computed: 1, 2, 2, 1,000 -> smallest 1, largest 1000, mean 1005 / 4 = 251.25, median (2 + 2) / 2 = 2.
        for (String visits : List.of("1", "2", "2", "1,000")) {
            answer(formId, Map.of("visits", List.of(visits), "feel.before", List.of("2"), "feel.after", List.of(visits.equals("1") ? "1" : "3")));
        }
        Analysis analysis = results.analysis(facilitator, formId);
        assertThat(analysis.questions().getFirst().numbers()).isEqualTo(new Analysis.NumberSummary(4, "1", "1000", "251.25", "2"));
        assertThat(analysis.questions().get(1).movement()).isEqualTo(new Analysis.Movement(3, 0, 1));
        // Odd and even counts: 1, 2, 2, 1000, 5 -> median 2; then 1, 2, 2, 5, 7, 1000 -> median (2 + 5) / 2 = 3.5, mean 1017 / 6 = 169.5.
        answer(formId, Map.of("visits", List.of("5"), "feel.before", List.of("2"), "feel.after", List.of("2")));
        assertThat(results.analysis(facilitator, formId).questions().getFirst().numbers())
                .isEqualTo(new Analysis.NumberSummary(5, "1", "1000", "202", "2"));
        answer(formId, Map.of("visits", List.of("7"), "feel.before", List.of("2"), "feel.after", List.of("2")));
        assertThat(results.analysis(facilitator, formId).questions().getFirst().numbers())
                .isEqualTo(new Analysis.NumberSummary(6, "1", "1000", "169.5", "3.5"));
    }

    @Test
    void theExcelExportWritesDatesAsDatesNumbersAsNumbersAndAScoreBesideEachRating() throws Exception {
        UUID formId = openForm("Typed", List.of(FormResponsesIntegrationTest.question("when", QuestionType.DATE, "When did you start?", List.of()),
                FormResponsesIntegrationTest.question("visits", QuestionType.NUMBER, "How many visits?", List.of()),
                FormResponsesIntegrationTest.feeling("feel"),
                FormResponsesIntegrationTest.question("where", QuestionType.SINGLE_CHOICE, "Where?", List.of("Centre", "Park")),
                FormResponsesIntegrationTest.question("note", QuestionType.SHORT_TEXT, "Anything else?", List.of())));
        UUID first = answer(formId, Map.of("when", List.of("2026-03-01"), "visits", List.of("12.5"), "feel.before", List.of("1"),
                "feel.after", List.of("3"), "where", List.of("2"), "note", List.of("- not much")));
        answer(formId, Map.of("feel.before", List.of("2"), "feel.after", List.of("2"), "note", List.of("Lovely")));
        String sent = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(results.response(facilitator, formId, first).submittedAt().atZoneSameInstant(ZoneId.of("Europe/London")));

        MockHttpServletResponse download = fetch("/forms/" + formId + "/responses/export.xlsx");
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(download.getHeader("Content-Disposition")).contains("attachment").contains("typed-responses.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header.subList(6, header.size())).containsExactly("When did you start?", "How many visits?",
                    "How did you feel before the activity?", "How did you feel before the activity? (score)", "How do you feel now?",
                    "How do you feel now? (score)", "Where?", "Anything else?");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(first.toString());
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
            assertThat(new DataFormatter().formatCellValue(row.getCell(1))).isEqualTo(sent);
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
            assertThat(new DataFormatter().formatCellValue(row.getCell(6))).isEqualTo("2026-03-01");
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(12.5);
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Sad");
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Happy");
            assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("Park");
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo("- not much");
            assertThat(row.getCell(13).getCellStyle().getQuotePrefixed()).isTrue();
            Row second = sheet.getRow(2);
            assertThat(second.getCell(6)).as("no date given: an empty cell").isNull();
            assertThat(second.getCell(9).getNumericCellValue()).isEqualTo(2.0);
            assertThat(second.getCell(11).getNumericCellValue()).isEqualTo(2.0);
            assertThat(second.getCell(13).getCellStyle().getQuotePrefixed()).isFalse();
            // Before and now can be averaged: (1 + 2) / 2 and (3 + 2) / 2.
            assertThat((row.getCell(9).getNumericCellValue() + second.getCell(9).getNumericCellValue()) / 2).isEqualTo(1.5);
        }

        String csv = fetch("/forms/" + formId + "/responses/export.csv").getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records.get(1).values()).containsSubsequence(first.toString(), sent, "1", "Online");
        assertThat(records.get(1).values()).endsWith("2026-03-01", "12.5", "Sad", "1", "Happy", "3", "Park", "'- not much");
    }

    @Test
    void exportsReadTheRowsThroughADatabaseCursorAndWriteEveryOne() throws Exception {
        UUID formId = openForm("Thousands", List.of(FormResponsesIntegrationTest.question("note", QuestionType.SHORT_TEXT, "Anything else?", List.of()),
                FormResponsesIntegrationTest.question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes"))));
        int n = 20_000;
        bulk(formId, n, "jsonb_build_object('note', jsonb_build_array('=HYPERLINK(' || g || ')'), 'fun', jsonb_build_array((g % 3 + 1)::text))");

        // The first bytes of CSV reach the download while the rows are still being read: PostgreSQL
        // still holds the open portal (cursor) of the query on the export's connection.
        List<Long> cursorsAtFirstWrite = new ArrayList<>();
        CountingStream out = new CountingStream() {
            @Override
            void first() {
                cursorsAtFirstWrite.add(jdbc.sql("select count(*) from pg_cursors").query(Long.class).single());
            }
        };
        results.writeCsv(facilitator, formId, out);
        assertThat(cursorsAtFirstWrite).hasSize(1);
        assertThat(cursorsAtFirstWrite.getFirst()).as("rows still being fetched when writing began").isPositive();
        assertThat(out.lines).isEqualTo(n + 1);
        assertThat(out.bytes).isGreaterThan(n * 40L);

        // Excel: every row is in the sheet (counted in the file's XML, without loading it), oldest first.
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        results.writeXlsx(facilitator, formId, xlsx);
        assertThat(rowsInFirstSheet(xlsx.toByteArray())).isEqualTo(n + 1);
    }

    private static int rowsInFirstSheet(byte[] file) throws IOException {
        Path copy = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(copy, file);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
                return xml.split("<row ", -1).length - 1;
            }
        } finally {
            Files.delete(copy);
        }
    }

    /** Counts bytes and lines written, and calls {@link #first} on the first write. */
    abstract static class CountingStream extends OutputStream {
        long bytes;
        long lines;

        abstract void first();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes == 0) {
                first();
            }
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
