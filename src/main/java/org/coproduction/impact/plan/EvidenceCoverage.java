package org.coproduction.impact.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The evidence collected so far for each of a pathway's current outcomes, against the plan. An item
 * counts for an outcome when it is tagged to the outcome or to one of the outcome's plan rows (rows
 * removed from the plan too: the item was collected for them). An item tagged to two outcomes counts
 * for each, once.
 */
public record EvidenceCoverage(List<OutcomeCoverage> outcomes) {

    public EvidenceCoverage {
        outcomes = List.copyOf(outcomes);
    }

    /** One outcome: its items (newest first), how many of each type, which types the plan names, which of those have none. */
    public record OutcomeCoverage(Outcome outcome, List<EvidenceItem> items, Map<EvidenceType, Integer> counts, Set<EvidenceType> planned) {

        public OutcomeCoverage {
            items = List.copyOf(items);
            counts = Map.copyOf(counts);
            planned = Set.copyOf(planned);
        }

        public int count(EvidenceType type) {
            return counts.getOrDefault(type, 0);
        }

        /** Types the plan names for the outcome and no evidence yet, in SCIE's order. */
        public List<EvidenceType> missing() {
            return EnumSet.allOf(EvidenceType.class).stream().filter(t -> planned.contains(t) && count(t) == 0).toList();
        }

        /** Types with at least one item, in SCIE's order. */
        public List<EvidenceType> found() {
            return EnumSet.allOf(EvidenceType.class).stream().filter(t -> count(t) > 0).toList();
        }

        /** How much evidence of the type: answers to form questions, values of measures, one for each other item. */
        public int amount(EvidenceType type) {
            return itemsOf(type).stream().mapToInt(EvidenceItem::count).sum();
        }

        /** Whether the plan names any type of evidence for the outcome. */
        public boolean hasPlan() {
            return !planned.isEmpty();
        }

        public List<EvidenceItem> itemsOf(EvidenceType type) {
            return items.stream().filter(i -> i.type() == type).toList();
        }

        public @Nullable LocalDate latest() {
            return items.stream().map(EvidenceItem::date).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    public static EvidenceCoverage of(Plan plan, Collection<EvidenceItem> items) {
        List<OutcomeCoverage> lines = plan.pathway().currentOutcomes().stream().map(o -> outcome(plan, o, items)).toList();
        return new EvidenceCoverage(lines);
    }

    private static OutcomeCoverage outcome(Plan plan, Outcome outcome, Collection<EvidenceItem> items) {
        Set<UUID> rowsOfOutcome = new HashSet<>();
        plan.rows().stream().filter(r -> r.outcomeId().equals(outcome.id())).forEach(r -> rowsOfOutcome.add(r.id()));
        List<EvidenceItem> mine = items.stream()
                .filter(i -> i.outcomeIds().contains(outcome.id()) || i.planRowIds().stream().anyMatch(rowsOfOutcome::contains))
                .sorted(Comparator.comparing(EvidenceItem::date).reversed().thenComparing(EvidenceItem::title))
                .toList();
        Map<EvidenceType, Integer> counts = new EnumMap<>(EvidenceType.class);
        mine.forEach(i -> counts.merge(i.type(), 1, Integer::sum));
        Set<EvidenceType> planned = EnumSet.noneOf(EvidenceType.class);
        plan.rowsFor(outcome.id()).forEach(r -> planned.add(r.type()));
        return new OutcomeCoverage(outcome, mine, counts, planned);
    }

    public Optional<OutcomeCoverage> outcome(UUID outcomeId) {
        return outcomes.stream().filter(o -> o.outcome().id().equals(outcomeId)).findFirst();
    }
}
