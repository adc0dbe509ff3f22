package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Term;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private final Outcome steering = outcome("A steering group is formed");
    private final Outcome confidence = outcome("Members feel confident");
    private final Outcome visitors = outcome("More people use the centre");

    @Test
    void listsTheOutcomesWithNoCurrentRow() {
        Coverage coverage = Coverage.of(List.of(steering, confidence, visitors), List.of(row(steering, false), row(visitors, false)));

        assertThat(coverage.outcomes()).isEqualTo(3);
        assertThat(coverage.planned()).isEqualTo(2);
        assertThat(coverage.withoutPlan()).containsExactly(confidence);
        assertThat(coverage.complete()).isFalse();
    }

    @Test
    void aRemovedRowDoesNotCountAsAPlan() {
        Coverage coverage = Coverage.of(List.of(steering), List.of(row(steering, true)));

        assertThat(coverage.withoutPlan()).containsExactly(steering);
    }

    @Test
    void rowsOfOutcomesNoLongerInThePathwayAreNotCounted() {
        Outcome removed = outcome("Removed from the pathway");

        Coverage coverage = Coverage.of(List.of(steering), List.of(row(steering, false), row(removed, false)));

        assertThat(coverage.outcomes()).isEqualTo(1);
        assertThat(coverage.planned()).isEqualTo(1);
        assertThat(coverage.complete()).isTrue();
    }

    @Test
    void anEmptyPathwayIsTriviallyCovered() {
        assertThat(Coverage.of(List.of(), List.of()).complete()).isTrue();
    }

    static Outcome outcome(String title) {
        return new Outcome(UUID.randomUUID(), title, Term.SHORT, true, List.of(), null, 1, false);
    }

    static PlanRow row(Outcome outcome, boolean archived) {
        return new PlanRow(UUID.randomUUID(), outcome.id(), EvidenceType.QUANTITATIVE, "A count", List.of(), "More", null, null, null, null,
                null, null, 0, archived, OffsetDateTime.now(), null);
    }
}
