package org.coproduction.impact.pathway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pathway as a document: the JSON format used to export and import pathways (documented in
 * docs/pathway-format.md) and to keep each revision. Items refer to each other by {@code key}:
 * "o1", "a1", "s1"... in an export, the items' ids in a revision.
 */
public record PathwayDocument(
        String format,
        int formatVersion,
        @Nullable String problem,
        @Nullable String projectImpact,
        @Nullable String coproductionImpact,
        List<OutcomeEntry> outcomes,
        List<ActivityEntry> activities,
        List<StatementEntry> statements) {

    public static final String FORMAT = "coproduction-impact/pathway";
    public static final int VERSION = 1;

    public PathwayDocument {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        activities = activities == null ? List.of() : List.copyOf(activities);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public record OutcomeEntry(
            String key, String title, Term term, boolean leadsToImpact, List<String> leadsTo, @Nullable String howWeWillKnow) {
        public OutcomeEntry {
            leadsTo = leadsTo == null ? List.of() : List.copyOf(leadsTo);
        }
    }

    public record ActivityEntry(String key, String title, ActivityKind kind, @Nullable String whoIsInvolved, List<String> outcomes) {
        public ActivityEntry {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    public record StatementEntry(String key, StatementKind kind, String text, @Nullable String outcome) {}

    /** The current (not archived) content of a pathway, with portable keys for sharing. */
    public static PathwayDocument export(Pathway p) {
        return of(p, true);
    }

    /** The current content of a pathway keyed by ids, so two revisions can be compared item by item. */
    static PathwayDocument snapshot(Pathway p) {
        return of(p, false);
    }

    private static PathwayDocument of(Pathway p, boolean portable) {
        Map<UUID, String> keys = new HashMap<>();
        List<Outcome> outcomes = p.currentOutcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            keys.put(outcomes.get(i).id(), portable ? "o" + (i + 1) : outcomes.get(i).id().toString());
        }
        List<OutcomeEntry> outcomeEntries = outcomes.stream()
                .map(o -> new OutcomeEntry(keys.get(o.id()), o.title(), o.term(), o.leadsToImpact(),
                        o.leadsTo().stream().filter(keys::containsKey).map(keys::get).sorted().toList(), o.howWeWillKnow()))
                .toList();
        List<Activity> activities = p.currentActivities();
        List<ActivityEntry> activityEntries = new java.util.ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            activityEntries.add(new ActivityEntry(portable ? "a" + (i + 1) : a.id().toString(), a.title(), a.kind(), a.whoIsInvolved(),
                    a.outcomeIds().stream().filter(keys::containsKey).map(keys::get).sorted().toList()));
        }
        List<Statement> statements = p.currentStatements();
        List<StatementEntry> statementEntries = new java.util.ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            statementEntries.add(new StatementEntry(portable ? "s" + (i + 1) : s.id().toString(), s.kind(), s.text(),
                    s.outcomeId() == null ? null : keys.get(s.outcomeId())));
        }
        return new PathwayDocument(FORMAT, VERSION, p.problem(), p.projectImpact(), p.coproductionImpact(),
                outcomeEntries, activityEntries, statementEntries);
    }
}
