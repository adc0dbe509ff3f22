package org.coproduction.impact.together;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What one person sees when they give their view: the statements, and what they answered before (to change it). */
public record AnswerSheet(Place place, SelfAssessment round, Side side, List<Statement> statements, Map<UUID, Integer> scores,
        Map<UUID, String> comments, @Nullable Rung rung, @Nullable String reasons) {

    public AnswerSheet {
        statements = List.copyOf(statements);
        scores = Map.copyOf(scores);
        comments = Map.copyOf(comments);
    }
}
