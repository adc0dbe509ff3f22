package org.coproduction.impact.together;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.jspecify.annotations.Nullable;

/**
 * One round's results, members beside staff: the comparison (with the change since {@code previous}),
 * the ladder, the comments, how many of each side took part, and the weak areas already made tasks.
 */
public record AssessmentResults(Project project, SelfAssessment round, @Nullable SelfAssessment previous, List<Statement> statements,
        Comparison comparison, Ladder ladder, Map<UUID, List<Comment>> comments, Map<Side, Integer> respondents, Map<Principle, UUID> actions) {

    public record Comment(Side side, String words) {}

    public AssessmentResults {
        statements = List.copyOf(statements);
        comments = Map.copyOf(comments);
        respondents = Map.copyOf(respondents);
        actions = Map.copyOf(actions);
    }

    public int respondents(Side side) {
        return respondents.getOrDefault(side, 0);
    }

    public List<Statement> statements(Principle p) {
        return statements.stream().filter(s -> s.principle() == p).toList();
    }

    public List<Comment> comments(UUID statementId) {
        return comments.getOrDefault(statementId, List.of());
    }
}
