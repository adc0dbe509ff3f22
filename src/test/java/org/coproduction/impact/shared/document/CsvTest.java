package org.coproduction.impact.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTab", "\rReturn"})
    void cellsThatCouldRunAsAFormulaAreNeutralised(String cell) {
        assertThat(Csv.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Staff rate their confidence", "40 visitors a month", "3 in 4 people", "a=b", "’quoted’"})
    void ordinaryTextIsLeftAlone(String cell) {
        assertThat(Csv.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void emptyAndMissingCellsAreEmpty() {
        assertThat(Csv.neutralise(null)).isEmpty();
        assertThat(Csv.neutralise("")).isEmpty();
    }

    @Test
    void writesAHeaderAndQuotedRowsThatReadBackExactlyWithFormulasNeutralised() throws Exception {
        String csv = Csv.write(List.of("Outcome", "Form of evidence"),
                List.of(List.of("More people, and happier", "=1+1"), List.of("Line\nbreak", "Says “hello”")));

        assertThat(csv).startsWith(Csv.BYTE_ORDER_MARK);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsExactly("Outcome", "Form of evidence");
        assertThat(records.get(1).values()).containsExactly("More people, and happier", "'=1+1");
        assertThat(records.get(2).values()).containsExactly("Line\nbreak", "Says “hello”");
    }
}
