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
}
