package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class ResponseExportsUnitTest {

    private static final List<String> AGREE =
            List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

    private static List<String> csvHeader(String file, char delimiter) throws Exception {
        try (Reader in = new InputStreamReader(
                        ResponseExportsUnitTest.class.getResourceAsStream("/imports/" + file), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            CSVRecord first = parser.iterator().next();
            return first.toList();
        }
    }

    private static List<String> xlsxHeader(String file) throws Exception {
        try (Workbook book = WorkbookFactory.create(ResponseExportsUnitTest.class.getResourceAsStream("/imports/" + file))) {
            Row row = book.getSheetAt(0).getRow(0);
            List<String> header = new ArrayList<>();
            for (Cell cell : row) {
                header.add(cell.getStringCellValue());
            }
            return header;
        }
    }

    @Test
    void eachSampleExportIsRecognisedFromItsHeaders() throws Exception {
        assertThat(ResponseExports.detect(xlsxHeader("microsoft-forms.xlsx"))).contains(ResponseExports.Tool.MICROSOFT_FORMS);
        assertThat(ResponseExports.detect(csvHeader("google-forms.csv", ','))).contains(ResponseExports.Tool.GOOGLE_FORMS);
        assertThat(ResponseExports.detect(csvHeader("google-forms-semicolon-bom.csv", ';')))
                .contains(ResponseExports.Tool.GOOGLE_FORMS);
        assertThat(ResponseExports.detect(csvHeader("surveymonkey.csv", ','))).contains(ResponseExports.Tool.SURVEYMONKEY);
        assertThat(ResponseExports.detect(xlsxHeader("surveymonkey.xlsx"))).contains(ResponseExports.Tool.SURVEYMONKEY);
    }

    @Test
    void aSpreadsheetOfSomethingElseIsNotTakenForAnExport() {
        assertThat(ResponseExports.detect(List.of("type", "name", "label"))).isEmpty();
        assertThat(ResponseExports.detect(List.of())).isEmpty();
    }

    @Test
    void aRatingIsReadFromANumberStarsOrTheScalesWords() {
        assertThat(ResponseExports.rating("4", AGREE)).hasValue(4);
        assertThat(ResponseExports.rating("★★★★", AGREE)).hasValue(4);
        assertThat(ResponseExports.rating("strongly AGREE ", AGREE)).hasValue(5);
        assertThat(ResponseExports.rating("Disagree", AGREE)).hasValue(2);
    }

    @Test
    void aRatingOutOfRangeOrNotOnTheScaleIsRefused() {
        assertThat(ResponseExports.rating("7", AGREE)).isEmpty();
        assertThat(ResponseExports.rating("0", AGREE)).isEmpty();
        assertThat(ResponseExports.rating("★★★★★★", AGREE)).isEmpty();
        assertThat(ResponseExports.rating("Sometimes maybe", AGREE)).isEmpty();
        assertThat(ResponseExports.rating("", AGREE)).isEmpty();
    }

    private static final Question LISTENED = new Question("listened", QuestionType.RATING, "How much did you feel listened to?", null, null, null,
            false, AGREE, ScaleStyle.WORDS, null, null, null, null);

    private static final Question SESSIONS = new Question("sessions", QuestionType.MULTIPLE_CHOICE, "Which sessions did you come to?", null,
            null, null, false, List.of("Planning", "Review", "Tea, cake and chat"), ScaleStyle.WORDS, null, null, null, null);

    /** The first rows of a sample file that are not blank, as the import reads them. */
    private static List<List<String>> rows(String file) throws Exception {
        byte[] bytes = ResponseExportsUnitTest.class.getResourceAsStream("/imports/" + file).readAllBytes();
        List<List<String>> rows = new ArrayList<>();
        org.coproduction.impact.shared.sheet.SheetRows.read(file, bytes, "x.", (n, cells, dates) -> {
            if (!cells.stream().allMatch(String::isBlank)) {
                rows.add(cells);
            }
            return null;
        });
        return rows;
    }

    @Test
    void eachToolsLayoutFindsItsQuestionsTimeAndId() throws Exception {
        var ms = ResponseExports.layout(1, rows("microsoft-forms.xlsx").get(0), null).orElseThrow();
        assertThat(ms.asked()).extracting(ResponseExports.Asked::label)
                .containsExactly("How much did you feel listened to?", "Which sessions did you come to?", "What changed for you?");
        assertThat(ms.timeColumn()).isEqualTo(2);
        assertThat(ms.idColumn()).isZero();

        var google = ResponseExports.layout(1, rows("google-forms-semicolon-bom.csv").get(0), null).orElseThrow();
        assertThat(google.asked()).hasSize(3);
        assertThat(google.idColumn()).isEqualTo(-1);

        List<List<String>> sm = rows("surveymonkey.csv");
        var monkey = ResponseExports.layout(1, sm.get(0), sm.get(1)).orElseThrow();
        assertThat(monkey.headerRows()).isEqualTo(2);
        assertThat(monkey.asked()).extracting(ResponseExports.Asked::label)
                .containsExactly("How much did you feel listened to?", "Which sessions did you come to?", "What changed for you?");
        // The multiple choice question spans its three choice columns, named in the second header row.
        assertThat(monkey.asked().get(1).columns()).hasSize(3);
        assertThat(monkey.asked().get(1).parts()).containsExactly("Planning", "Review", "Cooking");

        List<List<String>> smx = rows("surveymonkey.xlsx");
        assertThat(ResponseExports.layout(1, smx.get(0), smx.get(1)).orElseThrow().asked().get(1).columns()).hasSize(3);
    }

    @Test
    void timesAreReadAsEachToolWritesThem() {
        assertThat(ResponseExports.time(ResponseExports.Tool.GOOGLE_FORMS, "2026/03/04 10:15:02 AM GMT", null))
                .isEqualTo(java.time.OffsetDateTime.parse("2026-03-04T10:15:02Z"));
        // SurveyMonkey writes US dates: 03/04 is the 4th of March; in summer UK time is an hour ahead of UTC.
        assertThat(ResponseExports.time(ResponseExports.Tool.SURVEYMONKEY, "07/04/2026 02:30:00 PM", null))
                .isEqualTo(java.time.OffsetDateTime.parse("2026-07-04T14:30:00+01:00"));
        // Microsoft Forms' workbook holds Excel serials: 46085.4271 is 4 March 2026 at 10:15:01.
        assertThat(ResponseExports.time(ResponseExports.Tool.MICROSOFT_FORMS, "46085.4271", null))
                .isEqualTo(java.time.OffsetDateTime.parse("2026-03-04T10:15:01Z"));
        assertThat(ResponseExports.time(ResponseExports.Tool.GOOGLE_FORMS, "not a date", null)).isNull();
    }

    @Test
    void answersAreConvertedToTheFormsScaleAndChoices() {
        assertThat(ResponseExports.convert(LISTENED, ResponseExports.Tool.GOOGLE_FORMS, "q", List.of("Strongly agree")))
                .isEqualTo(new ResponseExports.Read.Values(List.of("5")));
        assertThat(ResponseExports.convert(LISTENED, ResponseExports.Tool.GOOGLE_FORMS, "q", List.of("7")))
                .isInstanceOf(ResponseExports.Read.Wrong.class);
        // Google joins choices with ", ", even when a choice has a comma of its own.
        assertThat(ResponseExports.convert(SESSIONS, ResponseExports.Tool.GOOGLE_FORMS, "q", List.of("Tea, cake and chat, Planning")))
                .isEqualTo(new ResponseExports.Read.Values(List.of("3", "1")));
        // Microsoft joins them with ";" and ends with one.
        assertThat(ResponseExports.convert(SESSIONS, ResponseExports.Tool.MICROSOFT_FORMS, "q", List.of("Planning;Review;")))
                .isEqualTo(new ResponseExports.Read.Values(List.of("1", "2")));
        // SurveyMonkey gives a column per choice ticked.
        assertThat(ResponseExports.convert(SESSIONS, ResponseExports.Tool.SURVEYMONKEY, "q", List.of("Planning", "Review")))
                .isEqualTo(new ResponseExports.Read.Values(List.of("1", "2")));
        assertThat(ResponseExports.convert(SESSIONS, ResponseExports.Tool.GOOGLE_FORMS, "Sessions", List.of("Review, Cooking")))
                .isEqualTo(new ResponseExports.Read.Wrong("form.import.refused.choice", List.of("Sessions", "Cooking")));
        assertThat(ResponseExports.convert(SESSIONS, ResponseExports.Tool.GOOGLE_FORMS, "q", List.of(" ")))
                .isEqualTo(new ResponseExports.Read.Values(List.of()));
    }

    @Test
    void aQuestionIsProposedWhereTheWordsAreTheSame() {
        var asked = new ResponseExports.Asked("how much did you feel listened to", List.of(3), List.of(""));
        assertThat(ResponseExports.proposal(asked, List.of(SESSIONS, LISTENED))).contains("listened");
        assertThat(ResponseExports.proposal(new ResponseExports.Asked("Something else", List.of(3), List.of("")), List.of(LISTENED))).isEmpty();
    }

    @Test
    void aNewFormsQuestionsTakeTheTypeTheirAnswersSuggest() {
        var asked = new ResponseExports.Asked("How was it?", List.of(1), List.of(""));
        assertThat(infer(asked, ResponseExports.Tool.MICROSOFT_FORMS, "★★★★★", "4", "2").type()).isEqualTo(QuestionType.RATING);
        assertThat(infer(asked, ResponseExports.Tool.MICROSOFT_FORMS, "★★★★★", "4", "2").options()).containsExactly("1", "2", "3", "4", "5");
        assertThat(infer(asked, ResponseExports.Tool.GOOGLE_FORMS, "Often", "Never", "often").options())
                .containsExactly("Never", "Rarely", "Sometimes", "Often", "Always");
        assertThat(infer(asked, ResponseExports.Tool.MICROSOFT_FORMS, "Planning;Review;", "Review;").type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(infer(asked, ResponseExports.Tool.GOOGLE_FORMS, "Bus", "Car", "Bus", "Walked").type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(infer(asked, ResponseExports.Tool.GOOGLE_FORMS, "12", "1,200", "3.5").type()).isEqualTo(QuestionType.NUMBER);
        // Words that never repeat are what people wrote, whatever their commas.
        assertThat(infer(asked, ResponseExports.Tool.GOOGLE_FORMS, "I felt heard", "More, please, and sooner").type())
                .isEqualTo(QuestionType.LONG_TEXT);
    }

    private static Question infer(ResponseExports.Asked asked, ResponseExports.Tool tool, String... answers) {
        ResponseExports.Seen seen = new ResponseExports.Seen();
        for (String a : answers) {
            seen.add(tool, List.of(a));
        }
        return ResponseExports.infer(asked, seen);
    }
}
