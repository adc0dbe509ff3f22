package org.coproduction.impact.overview;

import java.time.LocalDate;
import java.util.UUID;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.LatestReview;
import org.jspecify.annotations.Nullable;

/**
 * One project on the overview.
 *
 * @param outcomes current outcomes of its pathway
 * @param review its latest closed review round with the judgements counted; null: none closed yet
 * @param withEvidence outcomes with at least one piece of evidence
 * @param nameLang the language ("en" or "cy") of {@code name} as shown: its main name's or its second's ({@code Project#nameLang})
 * @param missingPlanned outcomes whose plan names a type of evidence that has none yet
 * @param withoutPlan outcomes with no plan row
 * @param latestEvidence the date of the latest evidence for any outcome; null: none
 * @param items recorded items in the period
 * @param activities activities among them
 * @param peopleTakingPart people taking part in those activities (named people once a month, plus others counted)
 * @param responses counted form answers in the period
 */
public record ProjectLine(UUID projectId, String name, String nameLang, ProjectStatus status, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
        int outcomes, @Nullable LatestReview review, int withEvidence, int missingPlanned, int withoutPlan,
        @Nullable LocalDate latestEvidence, int items, int activities, int peopleTakingPart, long responses) {

    public int judged(Judgement judgement) {
        return review == null ? 0 : review.count(judgement);
    }

    public String href() {
        return "/projects/" + projectId;
    }
}
