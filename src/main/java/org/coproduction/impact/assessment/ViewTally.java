package org.coproduction.impact.assessment;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many members gave each view of an outcome, and the view most of them gave: one held by more
 * than half of those who gave a view. With no such view the members were split.
 */
public record ViewTally(Map<OwnView, Integer> counts) {

    public ViewTally {
        counts = Map.copyOf(counts);
    }

    public static ViewTally of(Collection<MemberView> views) {
        Map<OwnView, Integer> counts = new EnumMap<>(OwnView.class);
        views.forEach(v -> counts.merge(v.view(), 1, Integer::sum));
        return new ViewTally(counts);
    }

    public int count(OwnView view) {
        return counts.getOrDefault(view, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The view given by more than half the members who gave one; empty when none was, or no one gave a view. */
    public Optional<OwnView> most() {
        int total = total();
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 > total).map(Map.Entry::getKey).findFirst();
    }

    /** Whether the judgement says something other than what most members said. */
    public boolean differsFrom(Judgement judgement) {
        return most().map(v -> v != judgement.matchingView()).orElse(false);
    }
}
