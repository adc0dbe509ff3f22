package org.coproduction.impact.assessment;

import java.util.List;
import java.util.Map;
import org.coproduction.impact.form.AnswerFigures;
import org.jspecify.annotations.Nullable;

/**
 * Before-and-after answers: how many people moved up the scale, stayed or moved down, counted only where
 * both answers are the same person's (one response, or a named member's earliest "before" and latest
 * "now"); answers without their other half are counted apart, as unpaired, and never in the moves.
 */
public record Movement(int up, int same, int down, int unpairedBefore, int unpairedAfter, ScaleFigures before, ScaleFigures after) {

    public int paired() {
        return up + same + down;
    }

    public int unpaired() {
        return unpairedBefore + unpairedAfter;
    }

    public ScaleFigures.Share upShare() {
        return new ScaleFigures.Share("", up, paired());
    }

    public ScaleFigures.Share sameShare() {
        return new ScaleFigures.Share("", same, paired());
    }

    public ScaleFigures.Share downShare() {
        return new ScaleFigures.Share("", down, paired());
    }

    /** Moves from the pairs: a side is a scale position ("1" = the first label). */
    public static Movement of(List<String> labels, List<AnswerFigures.PairCount> pairs) {
        int up = 0;
        int same = 0;
        int down = 0;
        int beforeOnly = 0;
        int afterOnly = 0;
        java.util.Map<String, Integer> before = new java.util.HashMap<>();
        java.util.Map<String, Integer> after = new java.util.HashMap<>();
        int beforeCount = 0;
        int afterCount = 0;
        for (AnswerFigures.PairCount p : pairs) {
            Integer b = position(p.before(), labels.size());
            Integer a = position(p.after(), labels.size());
            if (b != null) {
                before.merge(String.valueOf(b), p.people(), Integer::sum);
                beforeCount += p.people();
            }
            if (a != null) {
                after.merge(String.valueOf(a), p.people(), Integer::sum);
                afterCount += p.people();
            }
            if (b != null && a != null) {
                if (a > b) {
                    up += p.people();
                } else if (a < b) {
                    down += p.people();
                } else {
                    same += p.people();
                }
            } else if (b != null) {
                beforeOnly += p.people();
            } else if (a != null) {
                afterOnly += p.people();
            }
        }
        return new Movement(up, same, down, beforeOnly, afterOnly, ScaleFigures.ofPositions(labels, Map.copyOf(before), beforeCount, true),
                ScaleFigures.ofPositions(labels, Map.copyOf(after), afterCount, true));
    }

    private static @Nullable Integer position(@Nullable String value, int size) {
        if (value == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(value.strip());
            return p >= 1 && p <= size ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** More people moved up than down: towards; more down: away; as many, or no pairs, mixed or to read. */
    public Direction direction() {
        if (paired() == 0) {
            return after.direction();
        }
        return up > down ? Direction.TOWARDS : down > up ? Direction.AWAY : Direction.MIXED;
    }
}
