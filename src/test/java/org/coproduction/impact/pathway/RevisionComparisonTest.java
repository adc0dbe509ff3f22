package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionComparisonTest {

    private static PathwayDocument withOutcome(String title, Term term, boolean impact) {
        return new PathwayDocument(PathwayDocument.FORMAT, PathwayDocument.VERSION, null, null, null,
                List.of(new PathwayDocument.OutcomeEntry("o1", title, term, impact, List.of(), null)), List.of(), List.of());
    }

    @Test
    void choicesAreComparedAsWordsNotStoredCodesOrSymbols() {
        List<Change> changes = RevisionComparison.compare(
                withOutcome("More people use the centre", Term.MEDIUM, false),
                withOutcome("More people use the centre", Term.LONG, true));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
            assertThat(c.fields()).extracting(Change.FieldChange::labelKey, Change.FieldChange::before, Change.FieldChange::after,
                            Change.FieldChange::choice)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("pathway.outcome.term.label", "pathway.term.medium", "pathway.term.long", true),
                            org.assertj.core.groups.Tuple.tuple("pathway.outcome.leads-to-impact.legend", "common.no", "common.yes", true));
        });
    }

    @Test
    void anUnchangedPathwayHasNoChanges() {
        PathwayDocument same = withOutcome("A steering group is formed", Term.SHORT, false);
        assertThat(RevisionComparison.compare(same, same)).isEmpty();
    }
}
