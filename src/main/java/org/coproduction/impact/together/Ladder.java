package org.coproduction.impact.together;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where members and where staff place the project on the ladder of co-production: how many chose each
 * step, the middle choice of each side (the lower of the two middle ones when the count is even), and
 * the reasons they gave.
 */
public record Ladder(Map<Side, Map<Rung, Integer>> counts, Map<Side, List<Reason>> reasons) {

    public record Choice(Side side, Rung rung, @Nullable String reasons) {}

    public record Reason(Rung rung, String words) {}

    public static Ladder of(List<Choice> choices) {
        Map<Side, Map<Rung, Integer>> counts = new EnumMap<>(Side.class);
        Map<Side, List<Reason>> reasons = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<Rung, Integer> c = new EnumMap<>(Rung.class);
            for (Rung r : Rung.values()) {
                c.put(r, 0);
            }
            counts.put(side, c);
            reasons.put(side, new java.util.ArrayList<>());
        }
        for (Choice ch : choices) {
            counts.get(ch.side()).merge(ch.rung(), 1, Integer::sum);
            if (ch.reasons() != null && !ch.reasons().isBlank()) {
                reasons.get(ch.side()).add(new Reason(ch.rung(), ch.reasons()));
            }
        }
        return new Ladder(counts, reasons);
    }

    public int total(Side side) {
        return counts.get(side).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Side side, Rung rung) {
        return counts.get(side).get(rung);
    }

    /** The middle choice of one side, or null when nobody on that side chose. */
    public @Nullable Rung middle(Side side) {
        int n = total(side);
        if (n == 0) {
            return null;
        }
        int target = (n + 1) / 2;
        int seen = 0;
        for (Rung r : Rung.values()) {
            seen += count(side, r);
            if (seen >= target) {
                return r;
            }
        }
        throw new IllegalStateException("counted " + n + " choices but found no middle");
    }
}
