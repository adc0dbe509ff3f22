package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked breakdowns: which counts are hidden, and why none of the hidden ones can be worked
 * out by someone who knows the total, the counts shown, and that "fewer than 5" means 0 to 4 and
 * "not shown" means 5 or more.
 */
class SuppressionTest {

    @Test
    void hidesNothingWhenEveryGroupHasFiveOrMore() {
        assertThat(Suppression.hidden(List.of(5, 12, 30))).containsExactly(false, false, false);
    }

    @Test
    void hidesAGroupUnderFiveAndTheSmallestOtherSoItCannotBeTakenFromTheTotal() {
        // Total 30. Hiding only the 3 leaves 30 - 7 - 20 = 3. With the 7 hidden too, the two add up to
        // 10: the first could be 0 to 4 and the second 6 to 10.
        assertThat(Suppression.hidden(List.of(3, 7, 20))).containsExactly(true, true, false);
    }

    @Test
    void hiddenZerosMayBeWorkedOutBecauseTheyPickOutNobody() {
        // Total 39: 39 - 12 - 27 = 0, so both hidden groups have nobody. That tells nothing about anyone.
        assertThat(Suppression.hidden(List.of(0, 0, 12, 27))).containsExactly(true, true, false, false);
        assertThat(Suppression.hidden(List.of(0, 5, 8, 30))).containsExactly(true, false, false, false);
    }

    @Test
    void twoHiddenFoursAreNotEnoughBecauseOnlyFourAndFourAddUpToEight() {
        assertThat(Suppression.hidden(List.of(4, 4, 6, 40))).containsExactly(true, true, true, false);
    }

    @Test
    void aOneBesideZerosIsNotEnoughBecauseTheZerosAddNothing() {
        // 0 + 0 + 1 = 1 could be (0, 0, 1), (0, 1, 0) or (1, 0, 0): each could be 0 or 1. Safe.
        assertThat(Suppression.hidden(List.of(0, 0, 1, 30))).containsExactly(true, true, true, false);
        // A 1 alone beside a "not shown" 6: 7 could be (1, 6), (2, 5), (0, 7): safe.
        assertThat(Suppression.hidden(List.of(1, 6, 30))).containsExactly(true, true, false);
    }

    @Test
    void leavesTwoHiddenGroupsWhoseSumFitsMoreThanOneSplit() {
        // 2 + 3 = 5: (1, 4), (2, 3), (3, 2), (4, 1) all fit, so nothing more is hidden.
        assertThat(Suppression.hidden(List.of(2, 3, 6, 40))).containsExactly(true, true, false, false);
        // 0 + 1 = 1: (0, 1) or (1, 0).
        assertThat(Suppression.hidden(List.of(0, 1, 12, 27))).containsExactly(true, true, false, false);
    }

    @Test
    void picksTheFirstOfEqualSmallestGroups() {
        assertThat(Suppression.hidden(List.of(9, 2, 9, 30))).containsExactly(true, true, false, false);
    }

    @Test
    void hidesEverythingWhenTheTotalIsUnderFive() {
        assertThat(Suppression.hidden(List.of(1, 2, 1))).containsExactly(true, true, true);
        assertThat(Suppression.hiddenTotal(4)).isTrue();
        assertThat(Suppression.hiddenTotal(5)).isFalse();
    }

    @Test
    void hidesAllWhenEveryGroupIsSmallButTheTotalIsNot() {
        assertThat(Suppression.hidden(List.of(2, 2, 1, 3))).containsExactly(true, true, true, true);
    }

    @Test
    void noHiddenCountCanBeWorkedOutInAnySmallBreakdown() {
        // Every breakdown of three counts from 0 to 10, and of four from 0 to 6, with a total of 5 or
        // more, checked by trying every set of numbers that fits what is shown (not by Suppression's
        // own check): no hidden group under 5 can only be one number of 1 to 4. Left out: breakdowns where every count is hidden: the page withholds those whole.
        check(new int[3], 0, 10);
        check(new int[4], 0, 6);
    }

    private static void check(int[] counts, int at, int max) {
        if (at < counts.length) {
            for (int v = 0; v <= max; v++) {
                counts[at] = v;
                check(counts, at + 1, max);
            }
            return;
        }
        List<Integer> list = java.util.Arrays.stream(counts).boxed().toList();
        int total = list.stream().mapToInt(Integer::intValue).sum();
        if (total < 5) {
            return;
        }
        List<Boolean> hidden = Suppression.hidden(list);
        if (Suppression.withheld(hidden)) {
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 5) {
                assertThat(hidden.get(i)).as(list + " hides every group under 5").isTrue();
            }
        }
        List<Integer> hiddenAt = new java.util.ArrayList<>();
        int hiddenSum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (hidden.get(i)) {
                hiddenAt.add(i);
                hiddenSum += counts[i];
            }
        }
        List<java.util.Set<Integer>> possible = new java.util.ArrayList<>();
        hiddenAt.forEach(i -> possible.add(new java.util.HashSet<>()));
        fits(counts, hiddenAt, new int[hiddenAt.size()], 0, hiddenSum, possible);
        for (int j = 0; j < hiddenAt.size(); j++) {
            if (counts[hiddenAt.get(j)] < 5 && !possible.get(j).equals(java.util.Set.of(0))) {
                assertThat(possible.get(j)).as(list + ": hidden count at " + hiddenAt.get(j) + " could only be").hasSizeGreaterThan(1);
            }
        }
    }

    /** Every set of hidden numbers that fits: each "fewer than 5" is 0 to 4, each "not shown" 5 or more, adding up to the rest of the total. */
    private static void fits(int[] counts, List<Integer> hiddenAt, int[] guess, int j, int left, List<java.util.Set<Integer>> possible) {
        if (j == hiddenAt.size()) {
            if (left == 0) {
                for (int k = 0; k < guess.length; k++) {
                    possible.get(k).add(guess[k]);
                }
            }
            return;
        }
        boolean underFive = counts[hiddenAt.get(j)] < 5;
        int low = underFive ? 0 : 5;
        int high = underFive ? 4 : left;
        for (int v = low; v <= Math.min(high, left); v++) {
            guess[j] = v;
            fits(counts, hiddenAt, guess, j + 1, left - v, possible);
        }
    }
}
