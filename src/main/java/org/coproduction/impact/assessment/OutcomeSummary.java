package org.coproduction.impact.assessment;

import java.util.List;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.form.AnswerFigures;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.PlanRow;
import org.jspecify.annotations.Nullable;

/**
 * The evidence for one outcome in a round's period, set beside the plan: each plan row's "success looks
 * like", target and baseline with the figures and items that answer it, then what is tagged to the
 * outcome alone, and which way each type of evidence points.
 */
public record OutcomeSummary(ReviewRound round, Outcome outcome, List<RowEvidence> rows, RowEvidence outcomeOnly,
        EvidenceDirections directions) {

    public OutcomeSummary {
        rows = List.copyOf(rows);
    }

    /**
     * The evidence answering one plan row (or, with no row, tagged to the outcome alone).
     *
     * @param items recorded items in the period that may be used in a review with the group (consent for
     *     learning inside the organisation, or showing no one)
     * @param withheld how many more there are whose consent does not cover this use: counted, never shown
     */
    public record RowEvidence(@Nullable PlanRow row, List<QuestionEvidence> questions, List<MeasureFigures> measures,
            List<EvidenceItem> items, int withheld) {

        public RowEvidence {
            questions = List.copyOf(questions);
            measures = List.copyOf(measures);
            items = List.copyOf(items);
        }

        public boolean empty() {
            return questions.isEmpty() && measures.isEmpty() && items.isEmpty() && withheld == 0;
        }
    }

    /** A question's answers: figures for a rating, choice or yes/no question; before and after for a pair. */
    public record QuestionEvidence(AnswerFigures.Asked asked, @Nullable ScaleFigures figures, @Nullable Movement movement) {

        public Direction direction() {
            return movement != null ? movement.direction() : figures != null ? figures.direction() : Direction.TO_READ;
        }
    }

    public boolean hasEvidence() {
        return !outcomeOnly.empty() || rows.stream().anyMatch(r -> !r.empty());
    }
}
