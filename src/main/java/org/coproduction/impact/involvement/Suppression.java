package org.coproduction.impact.involvement;

import java.util.ArrayList;
import java.util.List;

/**
 * Which figures of a breakdown are hidden, so that no group of fewer than 5 people can be seen or
 * worked out. A breakdown is a set of counts that add up to a total that is shown (for example the
 * people of each age band, plus those who did not say, adding up to everyone who took part).
 *
 * <ul>
 *   <li>Primary: every count under 5 (0 included) is hidden, and shown as "fewer than 5".
 *   <li>Secondary: someone who knows the total, the counts shown, and that a "fewer than 5" is 0 to
 *       4 and a "not shown" is 5 or more, must not be able to work out that a hidden group has
 *       exactly 1, 2, 3 or 4 people. While they could (one hidden count alone is the total less the
 *       others; two hidden fours are the only way to make 8), the smallest count still shown is
 *       hidden too, and shown as "not shown". Working out that a group has nobody in it is allowed:
 *       it picks out no one, and hiding it would hide most of a small project's figures.
 *   <li>A total under 5 hides the total and every count.
 * </ul>
 *
 * <p>When every count ends up hidden, the breakdown is withheld whole ({@link #withheld}): it would
 * show nothing but "fewer than 5" and "not shown", and even those can tell too much (two fours
 * and nothing else), so the page says only that too few people answered.
 */
public final class Suppression {

    /** The smallest group shown. */
    public static final int THRESHOLD = 5;

    private Suppression() {}

    /** Whether each count (in the order given) is hidden, for counts that add up to a shown total. */
    public static List<Boolean> hidden(List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        List<Boolean> hidden = new ArrayList<>();
        for (int c : counts) {
            hidden.add(total < THRESHOLD || c < THRESHOLD);
        }
        while (!safe(counts, hidden)) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hidden.get(i) && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            hidden.set(smallest, true);
        }
        return hidden;
    }

    /**
     * Whether no hidden group of fewer than 5 can be worked out to have exactly 1 to 4 people: for
     * each, the least and the most it could be, given what is shown, differ (or it can only be 0).
     */
    static boolean safe(List<Integer> counts, List<Boolean> hidden) {
        long sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (hidden.get(i)) {
                sum += counts.get(i);
            }
        }
        long sumLow = 0;
        long sumHigh = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (hidden.get(i)) {
                sumLow += low(counts.get(i));
                sumHigh += high(counts.get(i), sum);
            }
        }
        for (int i = 0; i < counts.size(); i++) {
            int c = counts.get(i);
            if (hidden.get(i) && c < THRESHOLD) {
                long least = Math.max(low(c), sum - (sumHigh - high(c, sum)));
                long most = Math.min(high(c, sum), sum - (sumLow - low(c)));
                if (least >= most && least >= 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long low(int count) {
        return count < THRESHOLD ? 0 : THRESHOLD;
    }

    private static long high(int count, long sum) {
        return count < THRESHOLD ? THRESHOLD - 1 : sum;
    }

    /** Whether the whole breakdown is withheld: every count is hidden. */
    public static boolean withheld(List<Boolean> hidden) {
        return hidden.stream().allMatch(h -> h);
    }

    /** Whether a total is hidden. */
    public static boolean hiddenTotal(int total) {
        return total < THRESHOLD;
    }
}
