package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.involvement.LocalProfileCsv.Reading;
import org.coproduction.impact.involvement.LocalProfileCsv.Rejected;
import org.coproduction.impact.involvement.LocalProfileCsv.Row;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class LocalProfileCsvTest {

    @Test
    void readsEveryRowOfTheSampleFile() throws IOException {
        String sample = new ClassPathResource("involvement/example-local-profile.csv").getContentAsString(StandardCharsets.UTF_8);
        Reading.Read read = (Reading.Read) LocalProfileCsv.read(sample);
        assertThat(read.rejected()).isEmpty();
        assertThat(read.rows()).hasSize(32);
        assertThat(read.rows().getFirst()).isEqualTo(new Row(2, AboutYou.AGE, "under-18", 22310));
    }

    @Test
    void listsEachRowThatCannotBeUsedWithItsLineAndReason() {
        String csv = """
                part,group,people
                age,18-24,"9,120"
                shoe size,9,100
                age,teenagers,100
                ethnicity,white,lots
                age,18-24,10
                religion,none
                sex,prefer-not-to-say,4
                """;
        Reading.Read read = (Reading.Read) LocalProfileCsv.read(csv);
        assertThat(read.rows()).containsExactly(new Row(2, AboutYou.AGE, "18-24", 9120));
        assertThat(read.rejected()).containsExactly(
                new Rejected(3, "involvement.profile.reason.part", "shoe size"),
                new Rejected(4, "involvement.profile.reason.group", "teenagers"),
                new Rejected(5, "involvement.profile.reason.people", "lots"),
                new Rejected(6, "involvement.profile.reason.duplicate", "2"),
                new Rejected(7, "involvement.profile.reason.columns", "2"),
                new Rejected(8, "involvement.profile.reason.group", "prefer-not-to-say"));
    }

    @Test
    void refusesAFileWithoutTheHeaderRow() {
        assertThat(LocalProfileCsv.read("age,18-24,100\n")).isEqualTo(new Reading.Refused("involvement.profile.error.layout"));
        assertThat(LocalProfileCsv.read("  ")).isEqualTo(new Reading.Refused("involvement.profile.error.empty"));
    }
}
