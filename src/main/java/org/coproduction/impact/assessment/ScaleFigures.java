package org.coproduction.impact.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the counted answers to one rating, choice or yes/no field say: how many chose each answer, the
 * middle answer (for a scale), and how many answered positively, always with the number of people behind
 * them. Under {@link #SMALL} answers no percentage is given: "3 people answered" says more honestly
 * what three answers can show.
 *
 * @param scale whether the answers are ordered (a rating or before-and-after scale), so a middle answer means something
 * @param positive how many gave a positive answer; null where positive has no meaning (plain choices)
 */
public record ScaleFigures(int answered, List<Share> distribution, boolean scale, @Nullable String median, @Nullable Share positive) {

    /** Fewer answers than this show counts only, never a percentage. */
    public static final int SMALL = 5;

    public ScaleFigures {
        distribution = List.copyOf(distribution);
    }

    /** {@code count} of {@code of} people, with the whole percentage only when {@code of} is large enough to carry one. */
    public record Share(String label, int count, int of) {

        public boolean small() {
            return of < SMALL;
        }

        /** The whole percentage, or null when there are too few answers for one. */
        public @Nullable Integer percent() {
            return small() || of == 0 ? null : (int) Math.round(100.0 * count / of);
        }
    }

    public boolean small() {
        return answered < SMALL;
    }

    /**
     * Figures for a scale or choices: {@code labels} in order, counts by position ("1" = the first label).
     *
     * @param scale whether the labels are an ordered scale (positive: the upper half, above its middle)
     * @param answered how many responses answered the field (a multiple choice may count more choices than that)
     */
    public static ScaleFigures ofPositions(List<String> labels, Map<String, Integer> byPosition, int answered, boolean scale) {
        List<Share> shares = new ArrayList<>();
        int[] counts = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            counts[i] = byPosition.getOrDefault(String.valueOf(i + 1), 0);
            shares.add(new Share(labels.get(i), counts[i], answered));
        }
        if (!scale) {
            return new ScaleFigures(answered, shares, false, null, null);
        }
        int positive = 0;
        double middle = (labels.size() + 1) / 2.0;
        for (int i = 0; i < labels.size(); i++) {
            if (i + 1 > middle) {
                positive += counts[i];
            }
        }
        String label = labels.isEmpty() ? "" : labels.getLast();
        return new ScaleFigures(answered, shares, true, median(labels, counts), new Share(label, positive, answered));
    }

    /** Figures for a yes/no field: "yes" is the positive answer. */
    public static ScaleFigures ofYesNo(String yes, String no, Map<String, Integer> byValue, int answered) {
        Share yesShare = new Share(yes, byValue.getOrDefault("yes", 0), answered);
        Share noShare = new Share(no, byValue.getOrDefault("no", 0), answered);
        return new ScaleFigures(answered, List.of(yesShare, noShare), false, null, yesShare);
    }

    /**
     * The middle answer of a scale: the label in the middle when the answers are put in order; with an even
     * number of answers whose two middle ones differ, both, as "A to B". Null with no answers.
     */
    static @Nullable String median(List<String> labels, int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        int lower = positionOf(counts, (total - 1) / 2);
        int upper = positionOf(counts, total / 2);
        return lower == upper ? labels.get(lower) : labels.get(lower) + " – " + labels.get(upper);
    }

    /** The position of the answer at {@code index} (from 0) when all answers are put in order. */
    private static int positionOf(int[] counts, int index) {
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (index < seen) {
                return i;
            }
        }
        return counts.length - 1;
    }

    /** Which way the answers point: more than half positive is towards, fewer than half away, exactly half mixed. */
    public Direction direction() {
        if (positive == null || answered == 0) {
            return Direction.TO_READ;
        }
        int twice = positive.count() * 2;
        return twice > answered ? Direction.TOWARDS : twice < answered ? Direction.AWAY : Direction.MIXED;
    }
}
