package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coproduction.impact.evidence.EvidenceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TriangulationTest {

    @Test
    void suggestsNothingForAnOutcomeWithoutEvidence() {
        assertThat(Triangulation.secondType(List.of())).isEmpty();
    }

    @Test
    void suggestsNothingOnceTwoTypesAreUsed() {
        assertThat(Triangulation.secondType(List.of(EvidenceType.PEOPLES_RATINGS, EvidenceType.PEOPLES_VOICES))).isEmpty();
    }

    @Test
    void pairsTypesAsScieSRealLifeExamplesDo() {
        // Views with numbers (diversity), ratings with views (staff training), a task with a count (steering group).
        assertThat(Triangulation.secondType(List.of(EvidenceType.PEOPLES_VOICES))).contains(EvidenceType.QUANTITATIVE);
        assertThat(Triangulation.secondType(List.of(EvidenceType.PEOPLES_RATINGS))).contains(EvidenceType.PEOPLES_VOICES);
        assertThat(Triangulation.secondType(List.of(EvidenceType.TASKS_COMPLETED))).contains(EvidenceType.QUANTITATIVE);
    }

    @Test
    void severalRowsOfTheSameTypeStillCountAsOneType() {
        assertThat(Triangulation.secondType(List.of(EvidenceType.QUANTITATIVE, EvidenceType.QUANTITATIVE, EvidenceType.QUANTITATIVE)))
                .contains(EvidenceType.PEOPLES_VOICES);
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void everyTypeHasADifferentSecondTypeAndAReason(EvidenceType only) {
        assertThat(Triangulation.secondType(List.of(only))).hasValueSatisfying(second -> assertThat(second).isNotEqualTo(only));
        assertThat(Triangulation.reasonKey(only)).startsWith("plan.triangulate.");
    }
}
