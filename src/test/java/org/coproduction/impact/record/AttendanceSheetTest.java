package org.coproduction.impact.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.junit.jupiter.api.Test;

/** Reading attendance spreadsheets as organisations keep them, and matching their names to people (issue #13). */
class AttendanceSheetTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static byte[] sample(String name) throws IOException {
        try (InputStream in = AttendanceSheetTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    record Read(AttendanceSheet.Outcome outcome, List<AttendanceSheet.Taken> taken, List<AttendanceSheet.Refused> refused) {}

    static Read read(String filename, byte[] bytes) {
        List<AttendanceSheet.Taken> taken = new ArrayList<>();
        List<AttendanceSheet.Refused> refused = new ArrayList<>();
        AttendanceSheet.Outcome outcome = AttendanceSheet.read(filename, bytes, TODAY, line -> {
            switch (line) {
                case AttendanceSheet.Taken t -> taken.add(t);
                case AttendanceSheet.Refused r -> refused.add(r);
            }
        });
        return new Read(outcome, taken, refused);
    }

    @Test
    void aCsvWithAByteOrderMarkNamesOneARowAndRefusesRowsItCannotDateSayingWhy() throws IOException {
        Read r = read("attendance-names-per-row.csv", sample("attendance-names-per-row.csv"));
        assertThat(r.outcome().refused()).isFalse();
        assertThat(r.taken()).hasSize(6);
        assertThat(r.taken().getFirst()).isEqualTo(new AttendanceSheet.Taken(2, LocalDate.of(2024, 3, 14), "Coffee morning",
                List.of("Siân Hughes"), null));
        assertThat(r.taken().get(1).names()).containsExactly("dafydd ap gwŷn");
        assertThat(r.taken().get(4).on()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(r.refused()).extracting(AttendanceSheet.Refused::row, AttendanceSheet.Refused::reasonKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, "record.import.refused.no-date"),
                org.assertj.core.groups.Tuple.tuple(9, "record.import.refused.future"),
                org.assertj.core.groups.Tuple.tuple(10, "record.import.refused.date"));
        assertThat(r.refused().get(2).detail()).isEqualTo("31/02/2024");
        assertThat(r.outcome().rows()).isEqualTo(9);
    }

    @Test
    void aSemicolonCsvWithExcelSerialDatesNameListsInACellAndCounts() throws IOException {
        Read r = read("attendance-semicolon.csv", sample("attendance-semicolon.csv"));
        assertThat(r.taken()).containsExactly(
                new AttendanceSheet.Taken(2, LocalDate.of(2024, 1, 1), "New year walk", List.of("Siân Hughes", "Rhodri Ŵyn"), 12),
                new AttendanceSheet.Taken(3, LocalDate.of(2024, 2, 1), "Cooking together", List.of(), 8));
        assertThat(r.refused()).extracting(AttendanceSheet.Refused::reasonKey)
                .containsExactly("record.import.refused.no-people", "record.import.refused.count");
    }

    @Test
    void anXlsxWithATitleRowWelshHeadersDateCellsAndTypedDates() throws IOException {
        Read r = read("attendance-welsh-counts.xlsx", sample("attendance-welsh-counts.xlsx"));
        assertThat(r.outcome().refused()).isFalse();
        assertThat(r.taken()).containsExactly(
                new AttendanceSheet.Taken(3, LocalDate.of(2024, 5, 7), "Grŵp cerdded", List.of("Siân Hughes", "Dafydd ap Gwŷn", "Elin Tŷ-gwyn"), 9),
                new AttendanceSheet.Taken(4, LocalDate.of(2024, 5, 21), "Grŵp cerdded", List.of(), 6),
                new AttendanceSheet.Taken(5, LocalDate.of(2024, 6, 21), "Te a sgwrs", List.of("SIÂN HUGHES"), null));
        assertThat(r.refused()).containsExactly(new AttendanceSheet.Refused(6, "record.import.refused.no-date", ""));
    }

    @Test
    void aFileSavedAsWindows1252IsReadWithItsAccents() {
        byte[] bytes = "Date,Activity,Count\n01/02/2024,Caf\u00e9 club,4\n".getBytes(Charset.forName("windows-1252"));
        assertThat(read("old.csv", bytes).taken()).extracting(AttendanceSheet.Taken::activity).containsExactly("Café club");
    }

    @Test
    void headerSpellingsPeopleUse() {
        assertThat(AttendanceSheet.header("\uFEFFDate of Session ")).isEqualTo("date of session");
        assertThat(AttendanceSheet.header("No. of people:")).isEqualTo("no of people");
        byte[] bytes = "When,Event name,Who came\n2024-07-01,Fun day,Ann; Bob\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read("x.csv", bytes).taken()).containsExactly(
                new AttendanceSheet.Taken(2, LocalDate.of(2024, 7, 1), "Fun day", List.of("Ann", "Bob"), null));
    }

    @Test
    void wholeFilesThatCannotBeReadAreRefusedWithTheReason() {
        assertThat(read("a.csv", new byte[0]).outcome().refusedKey()).isEqualTo("record.import.file.empty");
        assertThat(read("a.csv", "Date,Count\n01/01/2024,3\n".getBytes(StandardCharsets.UTF_8)).outcome().refusedKey())
                .isEqualTo("record.import.file.no-activity-column");
        assertThat(read("a.csv", "Date,Activity\n01/01/2024,Walk\n".getBytes(StandardCharsets.UTF_8)).outcome().refusedKey())
                .isEqualTo("record.import.file.no-people-column");
        assertThat(read("a.csv", "Colour,Size\nred,big\n".getBytes(StandardCharsets.UTF_8)).outcome().refusedKey())
                .isEqualTo("record.import.file.no-header");
        assertThat(read("a.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 1}).outcome().refusedKey()).isEqualTo("record.import.file.unreadable");
    }

    @Test
    void datesAsPeopleTypeThem() {
        assertThat(AttendanceSheet.date("45292")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(AttendanceSheet.date("1/2/2024")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(AttendanceSheet.date("01.02.2024")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(AttendanceSheet.date("2024-02-01 10:30")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(AttendanceSheet.date("1 Feb 2024")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(AttendanceSheet.date("02/13/2024")).as("American month first is not guessed").isNull();
        assertThat(AttendanceSheet.date("next Tuesday")).isNull();
    }

    @Test
    void namesMatchOnlyExactlyIgnoringCaseAndSurroundingSpaces() {
        UUID sian = UUID.randomUUID();
        UUID dafydd = UUID.randomUUID();
        UUID annA = UUID.randomUUID();
        UUID annB = UUID.randomUUID();
        Map<String, UUID> byName = AttendanceImports.byName(List.of(new Project.Member(sian, "Siân Hughes"),
                new Project.Member(dafydd, "Dafydd ap Gwŷn"), new Project.Member(annA, "Ann Lee"), new Project.Member(annB, "ann lee")));
        assertThat(byName.get(AttendanceSheet.matchKey("  SIÂN HUGHES "))).isEqualTo(sian);
        // The same letters written with a combining accent are the same name.
        assertThat(byName.get(AttendanceSheet.matchKey("Sia\u0302n Hughes"))).isEqualTo(sian);
        assertThat(byName.get(AttendanceSheet.matchKey("dafydd ap gwŷn"))).isEqualTo(dafydd);
        assertThat(byName.get(AttendanceSheet.matchKey("Sian Hughes"))).as("no accent, not the same name").isNull();
        assertThat(byName.get(AttendanceSheet.matchKey("Dafydd"))).as("part of a name is not a match").isNull();
        assertThat(byName.get(AttendanceSheet.matchKey("Ann Lee"))).as("a name two people share matches neither").isNull();
    }
}
