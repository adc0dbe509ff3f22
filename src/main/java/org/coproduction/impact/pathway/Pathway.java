package org.coproduction.impact.pathway;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A project's pathway to impact, as one read: the problem, the two parts of the targeted impact,
 * and every outcome, activity and statement (archived ones too, flagged). {@code version} is the
 * version every edit must name, so a stale edit is caught instead of silently overwriting.
 */
public record Pathway(
        UUID id,
        UUID projectId,
        @Nullable String problem,
        @Nullable String projectImpact,
        @Nullable String coproductionImpact,
        int version,
        List<Outcome> outcomes,
        List<Activity> activities,
        List<Statement> statements) {

    public Pathway {
        outcomes = List.copyOf(outcomes);
        activities = List.copyOf(activities);
        statements = List.copyOf(statements);
    }

    public List<Outcome> currentOutcomes() {
        return outcomes.stream().filter(o -> !o.archived()).toList();
    }

    public List<Outcome> currentOutcomes(Term term) {
        return currentOutcomes().stream().filter(o -> o.term() == term).toList();
    }

    public List<Activity> currentActivities() {
        return activities.stream().filter(a -> !a.archived()).toList();
    }

    public List<Statement> currentStatements() {
        return statements.stream().filter(s -> !s.archived()).toList();
    }

    public List<Statement> currentStatements(StatementKind kind) {
        return currentStatements().stream().filter(s -> s.kind() == kind).toList();
    }

    public Optional<Outcome> outcome(UUID id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Activity> activity(UUID id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Statement> statement(UUID id) {
        return statements.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Map<UUID, Outcome> outcomesById() {
        return outcomes.stream().collect(Collectors.toMap(Outcome::id, Function.identity()));
    }

    /** Current outcomes that lead directly to the given outcome (the earlier steps towards it). */
    public List<Outcome> leadingTo(UUID outcomeId) {
        return currentOutcomes().stream()
                .filter(o -> o.leadsTo().contains(outcomeId))
                .sorted(Comparator.comparing(Outcome::term).thenComparing(Outcome::position))
                .toList();
    }

    /** Current outcomes leading straight to the impact. */
    public List<Outcome> leadingToImpact() {
        return currentOutcomes().stream().filter(Outcome::leadsToImpact).toList();
    }

    public List<Activity> activitiesFor(UUID outcomeId) {
        return currentActivities().stream().filter(a -> a.outcomeIds().contains(outcomeId)).toList();
    }

    public List<Statement> statementsFor(UUID outcomeId) {
        return currentStatements().stream().filter(s -> outcomeId.equals(s.outcomeId())).toList();
    }

    public String outcomeTitle(UUID id) {
        return outcome(id).map(Outcome::title).orElse("");
    }

    public boolean isEmpty() {
        return blank(problem) && blank(projectImpact) && blank(coproductionImpact)
                && currentOutcomes().isEmpty() && currentActivities().isEmpty() && currentStatements().isEmpty();
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
