package org.coproduction.impact.involvement;

import java.util.ArrayList;
import java.util.List;

/**
 * Which figures of a breakdown are hidden, so that no group of fewer than 5 people can be seen or
 * worked out. A breakdown is a set of counts that add up to a total that is shown (for example the
 * people of each age band, plus those who did not say, adding up to everyone who took part).
 *
 * <ul>
 *   <li>Primary: every count under 5 (0 included) is shown as "fewer than 5".
 *   <li>Secondary: if only one count is hidden, it could be worked out by taking the others from
 *       the total; and if the hidden counts add up to fewer than 5, their sum would tell too much
 *       (two hidden zeros, for instance). Then the smallest count still shown is hidden as well.
 *       After that, at least two counts are hidden and they add up to 5 or more, so none of them
 *       can be worked out.
 *   <li>A total under 5 hides the total and every count.
 * </ul>
 */
public final class Suppression {

    /** The smallest group shown. */
    public static final int THRESHOLD = 5;

    private Suppression() {}

    /** Whether each count (in the order given) is hidden, for counts that add up to a shown total. */
    public static List<Boolean> hidden(List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        List<Boolean> hidden = new ArrayList<>();
        if (total < THRESHOLD) {
            counts.forEach(c -> hidden.add(true));
            return hidden;
        }
        int hiddenCount = 0;
        int hiddenSum = 0;
        for (int c : counts) {
            boolean hide = c < THRESHOLD;
            hidden.add(hide);
            if (hide) {
                hiddenCount++;
                hiddenSum += c;
            }
        }
        if (hiddenCount > 0 && (hiddenCount == 1 || hiddenSum < THRESHOLD)) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hidden.get(i) && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden.set(smallest, true);
            }
        }
        return hidden;
    }

    /** Whether a total is hidden. */
    public static boolean hiddenTotal(int total) {
        return total < THRESHOLD;
    }
}
