package org.coproduction.impact.together;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One round's results, members beside staff: the comparison (with the change since {@code previous}),
 * the ladder, the comments, how many of each side took part, and the weak areas already made tasks.
 */
public record AssessmentResults(Place place, SelfAssessment round, @Nullable SelfAssessment previous, List<Statement> statements,
        Comparison comparison, Ladder ladder, Map<UUID, List<Comment>> comments, Map<Side, Integer> respondents, Map<Principle, Action> actions) {

    public record Comment(Side side, String words) {}

    /** A weak area made a task: the task, in the tracker of this project. */
    public record Action(UUID taskId, UUID projectId) {

        public String href() {
            return "/projects/" + projectId + "/tasks/" + taskId;
        }
    }

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
