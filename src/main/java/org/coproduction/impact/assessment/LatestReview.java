package org.coproduction.impact.assessment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * A project's latest closed review round and how many of its outcomes were judged each way: for the
 * organisation overview. Outcomes of the round without a judgement are not counted.
 */
public record LatestReview(UUID projectId, UUID roundId, String title, LocalDate reviewOn, Map<Judgement, Integer> counts) {

    public LatestReview {
        counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
    }

    public int count(Judgement judgement) {
        return counts.getOrDefault(judgement, 0);
    }

    public String href() {
        return ReviewService.base(projectId) + "/" + roundId;
    }
}
