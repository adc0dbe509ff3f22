package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
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
 * Responses read back: exports that no spreadsheet can run as formulas, analysis across versions
 * that leaves out tests and duplicates, before-and-after movement and the same member over time,
 * paper entry that saves once per page, filters, the paper PDF, and forms as evidence.
 */
@IntegrationTest
class FormResponsesIntegrationTest {

    static final String FORMULA = "=cmd|' /C calc'!A0";

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
    List<CollectedEvidence> evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnswerCounts answerCounts;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    TestData.Org org;

    TestData.Person facilitatorPerson;

    Tenant facilitator;

    UUID project;

    @BeforeEach
    void anOrganisationWithAProject() {
        org = data.organisationWithEveryRole("Responses");
        facilitatorPerson = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(facilitatorPerson.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                facilitatorPerson.id(), false, List.of()));
    }

    static Question question(String key, QuestionType type, String text, List<String> options) {
        return new Question(key, type, text, null, null, null, false, options, ScaleStyle.WORDS, null, null, null, null);
    }

    static Question feeling(String key) {
        return new Question(key, QuestionType.BEFORE_AFTER, "How did you feel before the activity?", null, "How did I feel before?",
                "face-happy", true, List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, "How do you feel now?", "How do I feel now?", null,
                null);
    }

    private UUID openForm(String title, boolean named, List<Question> questions) {
        UUID id = forms.create(facilitator, project, title, null, named, null, questions);
        forms.setStatus(facilitator, id, FormStatus.OPEN);
        return id;
    }

    /** Answers online, as a respondent would, and returns the response id. */
    private UUID answer(UUID formId, @org.jspecify.annotations.Nullable UUID member, Map<String, List<String>> values) {
        PublicForm pf = respondents.locate(forms.form(facilitator, formId).token()).orElseThrow();
        Draft draft = respondents.start(pf, Source.ONLINE, member);
        assertThat(respondents.savePage(pf, draft, respondents.questions(pf, draft), values)).isEmpty();
        return ((SubmitResult.Saved) respondents.submit(pf, draft.token())).responseId();
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path).with(data.as(facilitatorPerson))).andReturn().getResponse();
    }

    @Test
    void exportsNeutraliseFormulasInCsvAndExcelAndKeepNumbersAsNumbers() throws Exception {
        UUID formId = openForm("Formula test", false, List.of(question("note", QuestionType.SHORT_TEXT, "Anything else?", List.of()),
                question("visits", QuestionType.NUMBER, "How many times did you come?", List.of()),
                question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes"))));
        List<String> typed = List.of(FORMULA, "+1", "-2", "@SUM(1)");
        List<UUID> ids = new ArrayList<>();
        for (String text : typed) {
            ids.add(answer(formId, null, Map.of("note", List.of(text), "visits", List.of("-2"), "fun", List.of("3"))));
        }
        respondents.exclude(facilitator, formId, ids.get(3), Response.Exclusion.DUPLICATE);

        MockHttpServletResponse csvResponse = fetch("/forms/" + formId + "/responses/export.csv");
        assertThat(csvResponse.getStatus()).isEqualTo(200);
        assertThat(csvResponse.getContentType()).startsWith("text/csv");
        assertThat(csvResponse.getHeader("Content-Disposition")).contains("attachment").contains("formula-test-responses.csv");
        String csv = csvResponse.getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(5);
        assertThat(records.getFirst().values()).containsExactly("Response", "Submitted at (UK time)", "Version", "How it came in", "Member",
                "Left out", "Anything else?", "How many times did you come?", "Was it fun?", "Was it fun? (score)");
        List<String> notes = records.subList(1, 5).stream().map(r -> r.get(6)).toList();
        assertThat(notes).containsExactlyInAnyOrder("'" + FORMULA, "'+1", "'-2", "'@SUM(1)");
        assertThat(records.subList(1, 5)).allSatisfy(r -> {
            assertThat(r.get(7)).isEqualTo("'-2");
            assertThat(r.get(8)).isEqualTo("Yes");
            assertThat(r.get(9)).isEqualTo("3");
            assertThat(r.get(3)).isEqualTo("Online");
        });
        CSVRecord duplicate = records.stream().filter(r -> r.get(0).equals(ids.get(3).toString())).findFirst().orElseThrow();
        assertThat(duplicate.get(5)).isEqualTo("Marked as a duplicate");
        assertThat(records.stream().filter(r -> r.get(0).equals(ids.get(0).toString())).findFirst().orElseThrow().get(5)).isEmpty();

        MockHttpServletResponse xlsxResponse = fetch("/forms/" + formId + "/responses/export.xlsx");
        assertThat(xlsxResponse.getStatus()).isEqualTo(200);
        assertThat(xlsxResponse.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxResponse.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Anything else?");
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Row row = sheet.getRow(i);
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("no formulas anywhere").isNotEqualTo(CellType.FORMULA);
                }
                // Shown as typed, without an apostrophe: the cell's quote prefix keeps it text when edited.
                cells.add(row.getCell(6).getStringCellValue());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
                Cell visits = row.getCell(7);
                assertThat(visits.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(visits.getNumericCellValue()).isEqualTo(-2.0);
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Yes");
                if (row.getCell(0).getStringCellValue().equals(ids.get(3).toString())) {
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Marked as a duplicate");
                }
            }
            assertThat(cells).containsExactlyInAnyOrder(FORMULA, "+1", "-2", "@SUM(1)");
            assertThat(sheet.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(3).getCellStyle().getQuotePrefixed()).as("plain text needs no prefix").isFalse();
        }
    }

    @Test
    void analysisReadsUnchangedQuestionsAcrossVersionsAndLeavesOutExcludedResponses() throws Exception {
        UUID formId = openForm("Across versions", false, List.of(question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes")),
                question("where", QuestionType.SINGLE_CHOICE, "Where was it?", List.of("Centre", "Park"))));
        answer(formId, null, Map.of("fun", List.of("3"), "where", List.of("1")));
        UUID test = answer(formId, null, Map.of("fun", List.of("1"), "where", List.of("2")));
        respondents.exclude(facilitator, formId, test, Response.Exclusion.TEST);

        // Version 2: "fun" unchanged, "where" reworded (a new key), and a new number question.
        Form v1 = forms.form(facilitator, formId);
        assertThat(forms.saveQuestions(facilitator, formId, v1.version(), List.of(question("fun", QuestionType.RATING, "Was it fun?",
                        List.of("No", "A bit", "Yes")), question("where", QuestionType.SINGLE_CHOICE, "Which place was it?", List.of("Centre", "Park")),
                question("people", QuestionType.NUMBER, "How many people came with you?", List.of()))))
                .isEqualTo(new FormEdit.Saved(2, true));
        String newWhere = forms.form(facilitator, formId).questions().get(1).key();
        answer(formId, null, Map.of("fun", List.of("2"), newWhere, List.of("2"), "people", List.of("3")));
        answer(formId, null, Map.of("fun", List.of("3"), "people", List.of("4")));

        Analysis analysis = results.analysis(facilitator, formId);
        assertThat(analysis.counted()).isEqualTo(3);
        assertThat(analysis.excluded()).isEqualTo(1);
        assertThat(analysis.questions()).extracting(r -> r.question().text())
                .containsExactly("Was it fun?", "Which place was it?", "How many people came with you?", "Where was it?");
        Analysis.QuestionResult fun = analysis.questions().getFirst();
        assertThat(fun.mapped().versions()).containsExactly(1, 2);
        assertThat(fun.answered()).isEqualTo(3);
        assertThat(fun.tallies().getFirst().counts()).containsExactly(new Analysis.Count("No", 0, 0), new Analysis.Count("A bit", 1, 33),
                new Analysis.Count("Yes", 2, 67));
        Analysis.QuestionResult oldWhere = analysis.questions().get(3);
        assertThat(oldWhere.mapped().versions()).containsExactly(1);
        assertThat(oldWhere.tallies().getFirst().counts()).extracting(Analysis.Count::count).containsExactly(1, 0);
        Analysis.QuestionResult people = analysis.questions().get(2);
        assertThat(people.numbers()).isEqualTo(new Analysis.NumberSummary(2, "3", "4", "3.5", "3.5"));

        // Counted again: the test response is back in.
        respondents.exclude(facilitator, formId, test, null);
        assertThat(results.analysis(facilitator, formId).questions().getFirst().tallies().getFirst().counts().getFirst().count()).isEqualTo(1);

        // The page says the same.
        Document page = Jsoup.parse(fetch("/forms/" + formId + "/analysis").getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#question-fun table tbody tr").eachText()).containsExactly("No 1 25%", "A bit 1 25%", "Yes 2 50%");

        // Each percentage has a bar as long as it: an SVG hidden from screen readers, no style attribute (strict CSP).
        assertThat(page.select("#question-fun table tbody tr rect.app-bar__fill").eachAttr("width")).containsExactly("25", "25", "50");
        assertThat(page.select("#question-where table tbody tr rect.app-bar__fill").eachAttr("width")).containsExactly("50", "50");
        assertThat(page.getElementById("question-" + newWhere).select("table tbody tr rect.app-bar__fill").eachAttr("width"))
                .containsExactly("0", "100");
        assertThat(page.select("svg.app-bar")).isNotEmpty().allSatisfy(svg -> {
            assertThat(svg.attr("aria-hidden")).isEqualTo("true");
            assertThat(svg.attr("focusable")).isEqualTo("false");
            assertThat(svg.attr("viewBox")).isEqualTo("0 0 100 10");
        });
        assertThat(page.select("[style], style")).isEmpty();
    }

    @Test
    void beforeAndAfterMovementAndTheSameMemberOverTime() throws Exception {
        UUID formId = openForm("Feelings", true, List.of(feeling("feel")));
        TestData.Person member = org.person(Role.MEMBER);
        answer(formId, member.id(), Map.of("feel.before", List.of("1"), "feel.after", List.of("2")));
        answer(formId, null, Map.of("feel.before", List.of("3"), "feel.after", List.of("1")));
        answer(formId, member.id(), Map.of("feel.before", List.of("2"), "feel.after", List.of("2")));
        UUID latest = answer(formId, member.id(), Map.of("feel.before", List.of("2"), "feel.after", List.of("3")));

        Analysis analysis = results.analysis(facilitator, formId);
        Analysis.QuestionResult feel = analysis.questions().getFirst();
        assertThat(feel.movement()).isEqualTo(new Analysis.Movement(2, 1, 1));
        assertThat(feel.tallies()).extracting(Analysis.Tally::caption).containsExactly("How did you feel before the activity?", "How do you feel now?");
        assertThat(analysis.pairings()).extracting(p -> p.memberName() + ": " + p.question() + ": " + p.earliest() + " -> " + p.latest() + " " + p.change())
                .containsExactly(member.name() + ": How did you feel before the activity?: Sad -> OK UP",
                        member.name() + ": How do you feel now?: OK -> Happy UP");

        // Leaving out the latest: the pair is read from what is counted.
        respondents.exclude(facilitator, formId, latest, Response.Exclusion.DUPLICATE);
        assertThat(results.analysis(facilitator, formId).pairings()).extracting(Analysis.Pairing::change)
                .containsExactly(Analysis.Change.UP, Analysis.Change.SAME);

        Document page = Jsoup.parse(fetch("/forms/" + formId + "/analysis").getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#over-time ~ div table tbody tr").first().text()).contains(member.name(), "Sad", "OK", "Moved up");
        assertThat(page.select(".app-bar-list li").eachText()).containsExactly("1 of 3 moved up the scale (33%)", "1 of 3 stayed the same (33%)",
                "1 of 3 moved down the scale (33%)");
        assertThat(page.select(".app-bar-list li rect.app-bar__fill").eachAttr("width")).containsExactly("33", "33", "33");
        assertThat(page.select("#question-feel table tbody tr rect.app-bar__fill").eachAttr("width")).hasSize(6);
    }

    @Test
    void aPaperPageSentTwiceWithTheSameTokenSavesOneResponse() throws Exception {
        UUID formId = openForm("Paper", true, List.of(feeling("feel"), question("said", QuestionType.LONG_TEXT, "What would you change?", List.of()),
                question("when", QuestionType.DATE, "When did you come?", List.of())));
        TestData.Person member = org.person(Role.MEMBER);
        Document entry = Jsoup.parse(fetch("/forms/" + formId + "/paper/enter").getContentAsString(StandardCharsets.UTF_8));
        String token = entry.selectFirst("input[name=submission]").val();
        assertThat(FormTokens.plausible(token)).isTrue();
        assertThat(entry.select("select[name=member] option").eachText()).contains(member.name());

        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse sent = mvc.perform(post("/forms/" + formId + "/paper/enter").with(data.as(facilitatorPerson)).with(csrf())
                            .param("submission", token).param("member", member.id().toString()).param("feel.before", "1")
                            .param("feel.after", "3").param("said", "More music").param("whenDay", "3").param("whenMonth", "11")
                            .param("whenYear", "2026"))
                    .andReturn().getResponse();
            assertThat(sent.getRedirectedUrl()).isEqualTo("/forms/" + formId + "/paper/enter");
        }
        List<Response> saved = respondents.responses(facilitator, formId, null, null, null);
        assertThat(saved).hasSize(1);
        Response paper = saved.getFirst();
        assertThat(paper.source()).isEqualTo(Source.PAPER);
        assertThat(paper.memberId()).isEqualTo(member.id());
        assertThat(paper.enteredByName()).isEqualTo(facilitatorPerson.name());
        assertThat(paper.answers().values()).isEqualTo(Map.of("feel.before", List.of("1"), "feel.after", List.of("3"), "said",
                List.of("More music"), "when", List.of("2026-11-03")));

        // A wrong answer: nothing saved, the error next to the question, what was typed kept.
        String next = Jsoup.parse(fetch("/forms/" + formId + "/paper/enter").getContentAsString(StandardCharsets.UTF_8))
                .selectFirst("input[name=submission]").val();
        assertThat(next).isNotEqualTo(token);
        Document invalid = Jsoup.parse(mvc.perform(post("/forms/" + formId + "/paper/enter").with(data.as(facilitatorPerson)).with(csrf())
                        .param("submission", next).param("feel.before", "2").param("said", "Less noise").param("whenDay", "31")
                        .param("whenMonth", "2").param("whenYear", "2026"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(invalid.select(".govuk-error-summary a").eachText()).hasSize(1).first().asString().startsWith("When did you come?: ");
        assertThat(invalid.selectFirst("textarea[name=said]").text()).isEqualTo("Less noise");
        assertThat(invalid.selectFirst("input[name=submission]").val()).isEqualTo(next);
        assertThat(respondents.responses(facilitator, formId, null, null, null)).hasSize(1);

        // An empty page is refused: nothing on it to keep.
        Document empty = Jsoup.parse(mvc.perform(post("/forms/" + formId + "/paper/enter").with(data.as(facilitatorPerson)).with(csrf())
                        .param("submission", next).param("feel.before", "").param("said", " "))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Type in at least one answer from the paper copy");
        assertThat(empty.select(".govuk-error-summary a").attr("href")).isEqualTo("#questions");
        assertThat(empty.select("#questions")).hasSize(1);
        assertThat(respondents.responses(facilitator, formId, null, null, null)).hasSize(1);

        // A skipped question is typed in as skipped: "must be answered" is for people answering online,
        // and the paper copy says questions can be left out.
        assertThat(forms.form(facilitator, formId).questions().getFirst().needsAnswer()).isTrue();
        MockHttpServletResponse gaps = mvc.perform(post("/forms/" + formId + "/paper/enter").with(data.as(facilitatorPerson)).with(csrf())
                        .param("submission", next).param("feel.before", "2").param("feel.after", "").param("said", "Less noise"))
                .andReturn().getResponse();
        assertThat(gaps.getRedirectedUrl()).isEqualTo("/forms/" + formId + "/paper/enter");
        List<Response> both = respondents.responses(facilitator, formId, null, null, null);
        assertThat(both).hasSize(2);
        assertThat(both.stream().map(r -> r.answers().values()).toList()).contains(Map.of("feel.before", List.of("2"), "said", List.of("Less noise")));

        // The table shows it as entered from paper.
        Document table = Jsoup.parse(fetch("/forms/" + formId + "/responses").getContentAsString(StandardCharsets.UTF_8));
        assertThat(table.select("table tbody tr:contains(More music)").text()).contains("Paper", member.name(), "Sad", "Happy", "More music", "3 November 2026");
        assertThat(table.select("table tbody tr:contains(Less noise)").text()).contains("Paper", "OK");
    }

    @Test
    void theTableFiltersByDayAndVersionNewestFirst() throws Exception {
        UUID formId = openForm("Filters", false, List.of(question("said", QuestionType.LONG_TEXT, "What happened?", List.of())));
        UUID early = answer(formId, null, Map.of("said", List.of("In March")));
        UUID middle = answer(formId, null, Map.of("said", List.of("In June " + "very long words ".repeat(10))));
        Form v1 = forms.form(facilitator, formId);
        forms.saveQuestions(facilitator, formId, v1.version(), List.of(question("said", QuestionType.LONG_TEXT, "What happened?", List.of()),
                question("fun", QuestionType.YES_NO, "Was it fun?", List.of())));
        UUID late = answer(formId, null, Map.of("said", List.of("In October"), "fun", List.of("yes")));
        at(early, OffsetDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC));
        at(middle, OffsetDateTime.of(2026, 6, 15, 23, 30, 0, 0, ZoneOffset.UTC)); // 16 June in the UK (summer time)
        at(late, OffsetDateTime.of(2026, 10, 1, 9, 0, 0, 0, ZoneOffset.UTC));

        String base = "/forms/" + formId + "/responses";
        assertThat(rows(base)).containsExactly("In October", "In June", "In March");
        assertThat(rows(base + "?fromDay=16&fromMonth=6&fromYear=2026")).containsExactly("In October", "In June");
        assertThat(rows(base + "?fromDay=1&fromMonth=4&fromYear=2026&toDay=15&toMonth=6&toYear=2026")).isEmpty();
        assertThat(rows(base + "?toDay=16&toMonth=6&toYear=2026")).containsExactly("In June", "In March");
        assertThat(rows(base + "?version=1")).containsExactly("In June", "In March");
        assertThat(rows(base + "?version=2")).containsExactly("In October");

        Document all = Jsoup.parse(fetch(base).getContentAsString(StandardCharsets.UTF_8));
        assertThat(all.select("thead th").eachText()).contains("What happened?", "Was it fun?");
        assertThat(all.select("tbody tr").get(1).select("a").eachAttr("href")).contains(base + "/" + middle);
        assertThat(all.select("tbody tr").get(1).text()).contains("…").doesNotContain("very long words ".repeat(10).strip());
        Document version1 = Jsoup.parse(fetch(base + "?version=1").getContentAsString(StandardCharsets.UTF_8));
        assertThat(version1.select("thead th").eachText()).doesNotContain("Was it fun?");

        Document wrong = Jsoup.parse(fetch(base + "?fromDay=31&fromMonth=2&fromYear=2026").getContentAsString(StandardCharsets.UTF_8));
        assertThat(wrong.select(".govuk-error-summary a").eachText()).containsExactly("Enter a real date for ‘From’, like 27 3 2026");
        assertThat(wrong.title()).startsWith("Error:");
    }

    @Test
    void theTableShowsFiftyAPageNewestFirstAndEveryPageLinkKeepsTheFilters() throws Exception {
        UUID formId = openForm("Paging", false, List.of(question("said", QuestionType.SHORT_TEXT, "What happened?", List.of())));
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 1; i <= 60; i++) {
            at(answer(formId, null, Map.of("said", List.of("Answer " + i))), start.plusHours(i));
        }
        String base = "/forms/" + formId + "/responses";

        Document first = page(base);
        assertThat(said(first)).hasSize(50).startsWith("Answer 60", "Answer 59").endsWith("Answer 12", "Answer 11");
        assertThat(first.title()).startsWith("Responses (page 1 of 2)");
        assertThat(first.selectFirst("#responses-heading").text()).isEqualTo("60 responses");
        assertThat(first.selectFirst("#responses-showing").text()).isEqualTo("Showing 1 to 50 of 60 responses");
        assertThat(first.select("nav.govuk-pagination")).hasSize(1);
        assertThat(first.selectFirst("nav.govuk-pagination").attr("aria-label")).isEqualTo("Pages of responses");
        assertThat(first.select("nav.govuk-pagination [aria-current=page]").eachText()).containsExactly("1");
        assertThat(first.select(".govuk-pagination__prev")).isEmpty();
        assertThat(first.selectFirst(".govuk-pagination__next a").attr("href")).isEqualTo(base + "?page=2");
        assertThat(first.select(".govuk-pagination__item a").eachAttr("aria-label")).containsExactly("Page 1", "Page 2");

        Document second = page(base + "?page=2");
        assertThat(said(second)).containsExactly("Answer 10", "Answer 9", "Answer 8", "Answer 7", "Answer 6", "Answer 5", "Answer 4",
                "Answer 3", "Answer 2", "Answer 1");
        assertThat(second.selectFirst("#responses-showing").text()).isEqualTo("Showing 51 to 60 of 60 responses");
        assertThat(second.select("nav.govuk-pagination [aria-current=page]").eachText()).containsExactly("2");
        assertThat(second.selectFirst(".govuk-pagination__prev a").attr("href")).isEqualTo(base + "?page=1");
        assertThat(second.select(".govuk-pagination__next")).isEmpty();

        // A page that does not exist shows the nearest one that does, never an error.
        for (String beyond : List.of("999", "99999999999999999999999")) {
            MockHttpServletResponse response = fetch(base + "?page=" + beyond);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(said(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)))).isEqualTo(said(second));
        }
        for (String before : List.of("abc", "0", "-3", "", "2.5")) {
            MockHttpServletResponse response = fetch(base + "?page=" + before);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(said(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)))).isEqualTo(said(first));
        }

        // The filters go with every page link, and are counted in SQL with the page.
        String filtered = base + "?version=1&fromDay=1&fromMonth=3&fromYear=2026";
        Document kept = page(filtered);
        assertThat(kept.selectFirst("#responses-showing").text()).isEqualTo("Showing 1 to 50 of 60 responses");
        assertThat(kept.selectFirst(".govuk-pagination__next a").attr("href")).isEqualTo(filtered + "&page=2");
        assertThat(kept.select(".govuk-pagination__item a").eachAttr("href")).containsExactly(filtered + "&page=1", filtered + "&page=2");
        Document keptSecond = page(filtered + "&page=2");
        assertThat(said(keptSecond)).hasSize(10);
        assertThat(keptSecond.selectFirst(".govuk-pagination__prev a").attr("href")).isEqualTo(filtered + "&page=1");
        assertThat(keptSecond.selectFirst("select[name=version] option[selected]").val()).isEqualTo("1");

        // From 2 March (UK time): answers 14 to 60, one page, no page links.
        Document fewer = page(base + "?fromDay=2&fromMonth=3&fromYear=2026&page=2");
        assertThat(said(fewer)).hasSize(47).startsWith("Answer 60").endsWith("Answer 14");
        assertThat(fewer.selectFirst("#responses-showing").text()).isEqualTo("Showing 1 to 47 of 47 responses");
        assertThat(fewer.select("nav.govuk-pagination")).isEmpty();
        assertThat(fewer.title()).startsWith("Responses");
        assertThat(fewer.title()).doesNotContain("page");
    }

    private Document page(String path) throws Exception {
        MockHttpServletResponse response = fetch(path);
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The answers in the table's "What happened?" column, top to bottom. */
    private static List<String> said(Document page) {
        return page.select("table tbody tr").stream().map(tr -> tr.select("td").get(3).text()).toList();
    }

    private void at(UUID response, OffsetDateTime when) {
        jdbc.sql("update form_response set submitted_at = :at where id = :id").param("at", when).param("id", response).update();
    }

    private List<String> rows(String path) throws Exception {
        Document page = Jsoup.parse(fetch(path).getContentAsString(StandardCharsets.UTF_8));
        return page.select("table tbody tr").stream().map(tr -> tr.select("td").get(3).text().split(" ")[0] + " "
                + tr.select("td").get(3).text().split(" ")[1]).map(s -> s.replace("…", "")).toList();
    }

    @Test
    void markingAResponseAsATestKeepsItAndCountingItAgainUndoesThat() throws Exception {
        UUID formId = openForm("Exclusion", false, List.of(question("fun", QuestionType.YES_NO, "Was it fun?", List.of())));
        UUID id = answer(formId, null, Map.of("fun", List.of("no")));
        String path = "/forms/" + formId + "/responses/" + id;

        Document page = Jsoup.parse(fetch(path).getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".govuk-summary-list").get(1).text()).contains("Was it fun?", "No");

        Document noReason = Jsoup.parse(mvc.perform(post(path + "/exclude").with(data.as(facilitatorPerson)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(noReason.select(".govuk-error-summary a").eachText()).containsExactly("Choose why this response should be left out");
        assertThat(respondents.responses(facilitator, formId, null, null, null).getFirst().excluded()).isNull();

        mvc.perform(post(path + "/exclude").with(data.as(facilitatorPerson)).with(csrf()).param("reason", "TEST"));
        assertThat(respondents.responses(facilitator, formId, null, null, null).getFirst().excluded()).isEqualTo(Response.Exclusion.TEST);
        assertThat(Jsoup.parse(fetch("/forms/" + formId + "/responses").getContentAsString(StandardCharsets.UTF_8)).select("tbody tr").text())
                .contains("Marked as a test");

        mvc.perform(post(path + "/include").with(data.as(facilitatorPerson)).with(csrf()));
        assertThat(respondents.responses(facilitator, formId, null, null, null).getFirst().excluded()).isNull();
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", formId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_event where entity_id = :id order by id").param("id", id.toString()).query(String.class).list())
                .containsExactly("FORM_RESPONSE_EXCLUDED", "FORM_RESPONSE_COUNTED");

        // A response is read alone, and only under its own form.
        UUID other = openForm("Another form", false, List.of(question("fun", QuestionType.YES_NO, "Was it fun?", List.of())));
        assertThat(fetch("/forms/" + other + "/responses/" + id).getStatus()).isEqualTo(404);
        assertThat(fetch("/forms/" + formId + "/responses/" + UUID.randomUUID()).getStatus()).isEqualTo(404);

        // Members may not see responses.
        assertThat(mvc.perform(get(path).with(data.as(org.person(Role.MEMBER)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void thePaperFormIsPdfUaWithItsCodeOnEveryPage() throws Exception {
        List<Question> many = new ArrayList<>();
        many.add(feeling("feel"));
        for (int i = 1; i <= 8; i++) {
            many.add(question("q" + i, QuestionType.LONG_TEXT, "Question number " + i + ": what would you tell us?", List.of()));
        }
        many.add(new Question("about", QuestionType.ABOUT_YOU, "About you", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                null, null));
        UUID formId = openForm("Paper print", false, many);
        String code = forms.form(facilitator, formId).paperCode();
        for (String kind : List.of("form.pdf", "easy-read.pdf")) {
            MockHttpServletResponse response = fetch("/forms/" + formId + "/paper/" + kind);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/pdf");
            byte[] pdf = response.getContentAsByteArray();
            // Kept for a person to look at (target/ is never committed).
            java.nio.file.Files.write(java.nio.file.Path.of("target/form-paper-" + kind), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(1);
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    PDFTextStripper page = new PDFTextStripper();
                    page.setStartPage(p);
                    page.setEndPage(p);
                    assertThat(page.getText(doc)).as(kind + " page " + p).contains("Form code: " + code);
                }
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains(kind.equals("form.pdf") ? "How did you feel before the activity?" : "How did I feel before?");
                // The paper copy says, as the online one does, how the answers will be used.
                assertThat(text).contains(kind.equals("form.pdf") ? "We use your answers to learn and improve, inside our organisation and group."
                        : "Only our group and our staff will see your answers.");
            }
            assertPdfUa1(pdf);
        }
    }

    @Test
    void formsAreEvidenceForTheirTaggedQuestions() {
        UUID outcome = UUID.randomUUID();
        UUID row = UUID.randomUUID();
        Question rating = new Question("fun", QuestionType.RATING, "Was it fun?", null, null, null, false, List.of("No", "Yes"), ScaleStyle.WORDS,
                null, null, outcome, null);
        Question said = new Question("said", QuestionType.LONG_TEXT, "What would you change?", null, null, null, false, List.of(),
                ScaleStyle.WORDS, null, null, null, row);
        Question count = new Question("count", QuestionType.NUMBER, "How many times?", null, null, null, false, List.of(), ScaleStyle.WORDS,
                null, null, outcome, row);
        Question untagged = question("else", QuestionType.SHORT_TEXT, "Anything else?", List.of());
        UUID anonymous = openForm("Anonymous", false, List.of(rating, said, count, untagged));
        UUID named = openForm("Named", true, List.of(rating));
        openForm("Nobody answered", false, List.of(rating));
        UUID onlyTests = openForm("Only tests", false, List.of(rating));
        answer(anonymous, null, Map.of("fun", List.of("2"), "said", List.of("More tea"), "count", List.of("3")));
        answer(named, org.person(Role.MEMBER).id(), Map.of("fun", List.of("1")));
        respondents.exclude(facilitator, onlyTests, answer(onlyTests, null, Map.of("fun", List.of("1"))), Response.Exclusion.TEST);
        // Two more answers to the rating alone, and a test that is not counted.
        answer(anonymous, null, Map.of("fun", List.of("1")));
        answer(anonymous, null, Map.of("fun", List.of("2"), "else", List.of("No")));
        respondents.exclude(facilitator, anonymous, answer(anonymous, null, Map.of("fun", List.of("1"))), Response.Exclusion.TEST);

        List<EvidenceItem> items = evidence.stream().flatMap(e -> e.items(org.id(), project).stream())
                .filter(i -> i.source().equals("form")).toList();
        assertThat(items).extracting(EvidenceItem::title).containsExactlyInAnyOrder("Anonymous: Was it fun?", "Anonymous: What would you change?",
                "Anonymous: How many times?", "Named: Was it fun?");
        EvidenceItem fun = items.stream().filter(i -> i.title().equals("Anonymous: Was it fun?")).findFirst().orElseThrow();
        assertThat(fun.type()).isEqualTo(EvidenceType.PEOPLES_RATINGS);
        assertThat(fun.outcomeIds()).containsExactly(outcome);
        assertThat(fun.showsAPerson()).isFalse();
        assertThat(fun.mayBeUsedFor(ConsentUse.PUBLIC)).isTrue();
        assertThat(fun.href()).isEqualTo("/forms/" + anonymous + "/analysis#question-fun");
        // Each item says how many answers it holds, so the evidence table can show how much there is.
        assertThat(fun.count()).isEqualTo(3);
        assertThat(items.stream().filter(i -> i.title().endsWith("change?")).findFirst().orElseThrow().count()).isEqualTo(1);
        assertThat(items.stream().filter(i -> i.title().endsWith("change?")).findFirst().orElseThrow())
                .satisfies(i -> assertThat(i.type()).isEqualTo(EvidenceType.PEOPLES_VOICES))
                .satisfies(i -> assertThat(i.planRowIds()).containsExactly(row));
        assertThat(items.stream().filter(i -> i.title().endsWith("times?")).findFirst().orElseThrow().type()).isEqualTo(EvidenceType.QUANTITATIVE);
        EvidenceItem namedItem = items.stream().filter(i -> i.title().startsWith("Named")).findFirst().orElseThrow();
        assertThat(namedItem.showsAPerson()).isTrue();
        assertThat(namedItem.consentedUses()).isEqualTo(Set.of(ConsentUse.INTERNAL_LEARNING));
        assertThat(namedItem.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();
        assertThat(namedItem.date()).isEqualTo(respondents.today());
        // Written answers can name people: by default (the form said "learning inside our organisation") only for that.
        EvidenceItem written = items.stream().filter(i -> i.title().endsWith("change?")).findFirst().orElseThrow();
        assertThat(written.showsAPerson()).isTrue();
        assertThat(written.mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isTrue();
        assertThat(written.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();

        // Once the answers so far are settled (as the background job does, a while after they came
        // in), an item counts the settled answers and those since, each once: one more answer to the
        // rating makes four, the written answer stays at one, and the test left out still counts for nothing.
        jdbc.sql("update form_response set submitted_at = submitted_at - interval '2 hours' where form_id = :form").param("form", anonymous).update();
        answerCounts.current(org.id(), anonymous);
        assertThat(jdbc.sql("select count(*) from form_answer_settled where form_id = :form").param("form", anonymous).query(Long.class).single())
                .isEqualTo(1);
        answer(anonymous, null, Map.of("fun", List.of("2")));
        List<EvidenceItem> settled = evidence.stream().flatMap(e -> e.items(org.id(), project).stream())
                .filter(i -> i.source().equals("form")).toList();
        assertThat(settled.stream().filter(i -> i.title().equals("Anonymous: Was it fun?")).findFirst().orElseThrow().count()).isEqualTo(4);
        assertThat(settled.stream().filter(i -> i.title().endsWith("change?")).findFirst().orElseThrow().count()).isEqualTo(1);
        assertThat(settled.stream().filter(i -> i.title().endsWith("times?")).findFirst().orElseThrow().count()).isEqualTo(1);
        assertThat(settled).extracting(EvidenceItem::title).hasSize(4);
    }

    @Test
    void theFormSaysOnItsFirstPageHowAnswersWillBeUsedAndReportsKeepToIt() throws Exception {
        UUID outcome = UUID.randomUUID();
        Question said = new Question("said", QuestionType.LONG_TEXT, "What would you change?", null, null, null, false, List.of(),
                ScaleStyle.WORDS, null, null, outcome, null);
        UUID formId = openForm("Café", false, List.of(said));
        Form form = forms.form(facilitator, formId);
        assertThat(form.answersUse()).isEqualTo(ConsentUse.INTERNAL_LEARNING);
        Document start = Jsoup.parse(mvc.perform(get("/r/" + form.token())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(start.select("#answers-use").text())
                .isEqualTo("We use your answers to learn and improve, inside our organisation and group. We do not share what you write outside it.");

        // The facilitator chooses reports to funders on the settings page.
        Document settings = Jsoup.parse(fetch("/forms/" + formId + "/edit/settings").getContentAsString(StandardCharsets.UTF_8));
        assertThat(settings.select("input[name=answersUse]").eachAttr("value")).containsExactly("INTERNAL_LEARNING", "FUNDER_REPORTS", "PUBLIC");
        assertThat(settings.select("input[name=answersUse][checked]").val()).isEqualTo("INTERNAL_LEARNING");
        MockHttpServletResponse saved = mvc.perform(post("/forms/" + formId + "/edit/settings").with(data.as(facilitatorPerson)).with(csrf())
                        .param("version", String.valueOf(form.version())).param("title", "Café").param("named", "no")
                        .param("answersUse", "FUNDER_REPORTS"))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/forms/" + formId);
        assertThat(forms.form(facilitator, formId).answersUse()).isEqualTo(ConsentUse.FUNDER_REPORTS);
        start = Jsoup.parse(mvc.perform(get("/r/" + form.token())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(start.select("#answers-use").text()).contains("in reports to the people who pay for this work");

        answer(formId, null, Map.of("said", List.of("Sam from number 4 should come")));
        EvidenceItem written = evidence.stream().flatMap(e -> e.items(org.id(), project).stream())
                .filter(i -> i.title().equals("Café: What would you change?")).findFirst().orElseThrow();
        assertThat(written.showsAPerson()).isTrue();
        assertThat(written.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isTrue();
        assertThat(written.mayBeUsedFor(ConsentUse.PUBLIC)).isFalse();

        // Something that is not a use is refused beside the field, and nothing changes.
        Document refused = Jsoup.parse(mvc.perform(post("/forms/" + formId + "/edit/settings").with(data.as(facilitatorPerson)).with(csrf())
                        .param("version", String.valueOf(forms.form(facilitator, formId).version())).param("title", "Café").param("named", "no")
                        .param("answersUse", "EVERYONE"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly("Choose how the answers will be used");
        assertThat(forms.form(facilitator, formId).answersUse()).isEqualTo(ConsentUse.FUNDER_REPORTS);
    }

    @Test
    void theDemoHasAnAnsweredFormWithPaperAnswersAndATestLeftOut() {
        Map<Role, UUID> people = new java.util.EnumMap<>(Role.class);
        org.people().forEach((role, person) -> people.put(role, person.id()));
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new org.coproduction.impact.organisation.DemoOrganisationCreated(org.id(), org.name(), Map.copyOf(people))));

        UUID demoProject = projects.projects(facilitator).stream()
                .filter(p -> forms.forms(facilitator, p.id()).stream().anyMatch(f -> f.title().equals(ResponsesDemoData.TITLE)))
                .findFirst().orElseThrow().id();
        Form form = forms.forms(facilitator, demoProject).stream().filter(f -> f.title().equals(ResponsesDemoData.TITLE)).findFirst().orElseThrow();
        Analysis analysis = results.analysis(facilitator, form.id());
        assertThat(analysis.counted()).isEqualTo(7);
        assertThat(analysis.excluded()).isEqualTo(1);
        assertThat(results.enteredFromPaper(facilitator, form.id())).isEqualTo(2);
        assertThat(analysis.questions().getFirst().movement()).isEqualTo(new Analysis.Movement(5, 2, 0));
        assertThat(analysis.pairings()).extracting(Analysis.Pairing::memberName).containsOnly(org.person(Role.MEMBER).name());
        assertThat(evidence.stream().flatMap(e -> e.items(org.id(), demoProject).stream()).filter(i -> i.source().equals("form")))
                .extracting(EvidenceItem::type).containsExactlyInAnyOrder(EvidenceType.PEOPLES_RATINGS, EvidenceType.PEOPLES_VOICES);
    }
}
