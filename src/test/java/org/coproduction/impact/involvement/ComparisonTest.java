package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.form.AboutYouAnswers.WhoTookPart;
import org.coproduction.impact.involvement.Comparison.Direction;
import org.coproduction.impact.involvement.Comparison.Finding;
import org.coproduction.impact.involvement.Comparison.PartRow;
import org.junit.jupiter.api.Test;

/** Who took part beside the area, with the figures worked out by hand. */
class ComparisonTest {

    /** The area: 1,000 people of each of the age bands but 18-24 (2,000) and 80-plus (none given). */
    private static LocalProfile area() {
        Map<String, Long> ages = new LinkedHashMap<>();
        ages.put("under-18", 1000L);
        ages.put("18-24", 2000L);
        ages.put("25-34", 1000L);
        ages.put("35-49", 1000L);
        ages.put("50-64", 1000L);
        ages.put("65-79", 1000L);
        Map<AboutYou, Map<String, Long>> people = new EnumMap<>(AboutYou.class);
        people.put(AboutYou.AGE, ages);
        return new LocalProfile("Brookfield", "Census 2021", OffsetDateTime.parse("2026-12-01T10:00:00Z"), people);
    }

    private static WhoTookPart tookPart(int people, Map<String, Integer> ages) {
        Map<AboutYou, Map<String, Integer>> counts = new EnumMap<>(AboutYou.class);
        counts.put(AboutYou.AGE, ages);
        return new WhoTookPart(people, counts);
    }

    @Test
    void saysFewerYoungPeopleTookPartThanLiveInTheAreaWithSharesOfThoseWhoSaid() {
        // 50 people; 40 gave their age: 10 under 18, 2 aged 18-24, 8 + 8 + 6 + 6 in the middle bands.
        // The area's 7,000: under-18 1,000 (14%), 18-24 2,000 (29%), each other band 14%.
        Map<String, Integer> ages = new LinkedHashMap<>();
        ages.put("under-18", 10);
        ages.put("18-24", 2);
        ages.put("25-34", 8);
        ages.put("35-49", 8);
        ages.put("50-64", 6);
        ages.put("65-79", 6);
        Comparison c = Comparison.of(tookPart(50, ages), area());

        PartRow age = c.parts().get(AboutYou.AGE.ordinal());
        assertThat(age.compared()).isTrue();
        // 10 of 40 = 25% against 14% (1,000 of 7,000 = 14.3%): 10.7 points more.
        assertThat(age.groups().get(0).tookPartPercent()).isEqualTo(25);
        assertThat(age.groups().get(0).areaPercent()).isEqualTo(14);
        // 18-24: 2 is under 5: hidden, no share shown; the area's share is 29%.
        assertThat(age.groups().get(1).tookPart().fewerThan5()).isTrue();
        assertThat(age.groups().get(1).tookPartPercent()).isNull();
        // 80-plus: nobody (0, hidden); did not say: 50 - 40 = 10, shown.
        assertThat(age.groups().get(6).tookPart().hidden()).isTrue();
        assertThat(age.didNotSay().count()).isEqualTo(10);
        assertThat(age.didNotSay().hidden()).isFalse();
        // The secondary: the 2 and the 0 add up to 2, which fits (0, 2), (1, 1), (2, 0): no more hidden.
        assertThat(age.groups().stream().filter(g -> g.tookPart().hidden()).count()).isEqualTo(2);

        // 25-34 and 35-49: 8 of 40 = 20% against 14.3%: 5.7 points more. 50-64, 65-79: 6 of 40 = 15%: 0.7 points, nothing said.
        assertThat(c.findings()).containsExactly(
                new Finding(Direction.MORE, AboutYou.AGE, "under-18", 25, 14),
                new Finding(Direction.FEWER_THAN_5, AboutYou.AGE, "18-24", null, 29),
                new Finding(Direction.MORE, AboutYou.AGE, "25-34", 20, 14),
                new Finding(Direction.MORE, AboutYou.AGE, "35-49", 20, 14));
    }

    @Test
    void saysFewerWhenAShownGroupIsFiveOrMorePointsBelowTheArea() {
        // 71 people, 66 gave their age (5 did not), no group under 5, so nothing is hidden. 18-24: 5 of 66 = 7.6%
        // (8%) against 2,000 of 7,000 = 28.6% (29%): 21 points fewer. under-18: 9 of 66 = 13.6% against
        // 14.3%; 25-34: 15.2%; the 12s: 18.2%, 3.9 points more: none of them said.
        Map<String, Integer> ages = new LinkedHashMap<>();
        ages.put("under-18", 9);
        ages.put("18-24", 5);
        ages.put("25-34", 10);
        ages.put("35-49", 12);
        ages.put("50-64", 12);
        ages.put("65-79", 12);
        ages.put("80-plus", 6);
        Comparison c = Comparison.of(tookPart(71, ages), area());

        assertThat(c.parts().get(AboutYou.AGE.ordinal()).groups()).noneMatch(g -> g.tookPart().hidden());
        // 80-plus: 6 of 66 = 9% against none in this made-up area: 9 points more.
        assertThat(c.findings()).containsExactly(
                new Finding(Direction.FEWER, AboutYou.AGE, "18-24", 8, 29),
                new Finding(Direction.MORE, AboutYou.AGE, "80-plus", 9, 0));
    }

    @Test
    void withholdsAPartWhoseEveryFigureWouldBeHidden() {
        // 5 people: 4 aged 25-34, 1 did not say, nobody else. Every count is under 5: the part is withheld.
        Comparison c = Comparison.of(tookPart(5, Map.of("25-34", 4)), area());
        PartRow age = c.parts().get(AboutYou.AGE.ordinal());
        assertThat(age.withheld()).isTrue();
        assertThat(c.findings()).isEmpty();
    }

    @Test
    void showsNothingWhenFewerThanFivePeopleTookPart() {
        Comparison c = Comparison.of(tookPart(4, Map.of("18-24", 4)), area());
        assertThat(c.peopleHidden()).isTrue();
        assertThat(c.parts()).isEmpty();
    }

    @Test
    void showsCountsWithoutComparingWhenThereIsNoLocalProfile() {
        Comparison c = Comparison.of(tookPart(20, Map.of("18-24", 12, "25-34", 8)), null);
        PartRow age = c.parts().get(AboutYou.AGE.ordinal());
        assertThat(age.compared()).isFalse();
        assertThat(age.groups().get(1).tookPart().count()).isEqualTo(12);
        assertThat(age.groups().get(1).tookPartPercent()).isEqualTo(60);
        assertThat(age.groups().get(1).areaPercent()).isNull();
        assertThat(c.findings()).isEmpty();
        // A part nobody answered: every group "fewer than 5" (0), all 20 did not say.
        assertThat(c.parts().get(AboutYou.RELIGION.ordinal()).didNotSay()).isEqualTo(new Comparison.Cell(20, false));
    }
}
