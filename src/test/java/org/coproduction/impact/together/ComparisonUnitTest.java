package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The side-by-side and change arithmetic, against figures worked out by hand. */
class ComparisonUnitTest {

    static final Statement LISTENED = new Statement(UUID.randomUUID(), Principle.EQUALITY, "Views count", "My views count", 0, 0);
    static final Statement DECIDE = new Statement(UUID.randomUUID(), Principle.EQUALITY, "Members decide", "I help decide", 1, 0);
    static final Statement GET_THERE = new Statement(UUID.randomUUID(), Principle.ACCESSIBILITY, "Times and places", "I can get there", 2, 0);
    static final List<Statement> ALL = List.of(LISTENED, DECIDE, GET_THERE);

    static Comparison.Score m(Statement s, int score) {
        return new Comparison.Score(s.id(), s.principle(), Side.MEMBERS, score);
    }

    static Comparison.Score st(Statement s, int score) {
        return new Comparison.Score(s.id(), s.principle(), Side.STAFF, score);
    }

    @Test
    void meansAreTakenPerSideAndPrincipleToOneDecimalPlace() {
        // Equality, members: 2 + 1 + 2 = 5 over 3 answers = 1.666… → 1.7; staff: 4 + 3 = 7 over 2 = 3.5.
        Comparison c = Comparison.of(ALL, List.of(m(LISTENED, 2), m(LISTENED, 1), m(DECIDE, 2), st(LISTENED, 4), st(DECIDE, 3)), List.of());
        Comparison.PrincipleRow equality = c.principle(Principle.EQUALITY);
        assertThat(equality.members()).isEqualByComparingTo("1.7");
        assertThat(equality.membersCount()).isEqualTo(3);
        assertThat(equality.staff()).isEqualByComparingTo("3.5");
        assertThat(equality.staffCount()).isEqualTo(2);
        assertThat(equality.gap()).isEqualByComparingTo("-1.8");
        assertThat(equality.membersLower()).isTrue();
        assertThat(equality.membersHigher()).isFalse();
        assertThat(equality.weak()).isTrue();

        // Per statement: "views count" members (2 + 1) / 2 = 1.5, staff 4.
        Comparison.StatementRow listened = c.statements().getFirst();
        assertThat(listened.members()).isEqualByComparingTo("1.5");
        assertThat(listened.staff()).isEqualByComparingTo("4.0");

        // Nobody answered on diversity: no means, not weak, no gap.
        Comparison.PrincipleRow diversity = c.principle(Principle.DIVERSITY);
        assertThat(diversity.members()).isNull();
        assertThat(diversity.staff()).isNull();
        assertThat(diversity.gap()).isNull();
        assertThat(diversity.weak()).isFalse();
    }

    @Test
    void aPrincipleIsWeakWhenEitherSideIsBelowTheMiddleOfTheScale() {
        // Members 3 and 2 → 2.5 exactly: not below the middle. Staff 2 → 2.0: weak.
        Comparison c = Comparison.of(ALL, List.of(m(GET_THERE, 3), m(GET_THERE, 2), st(GET_THERE, 2)), List.of());
        Comparison.PrincipleRow access = c.principle(Principle.ACCESSIBILITY);
        assertThat(access.members()).isEqualByComparingTo("2.5");
        assertThat(access.weak()).isTrue();
        // 2.5 against 2.0: half a point apart is "seen differently", members higher.
        assertThat(access.membersHigher()).isTrue();

        Comparison onlyMembers = Comparison.of(ALL, List.of(m(GET_THERE, 3), m(GET_THERE, 2)), List.of());
        assertThat(onlyMembers.principle(Principle.ACCESSIBILITY).weak()).isFalse();
        // Four tenths apart is "much the same".
        Comparison close = Comparison.of(ALL, List.of(m(GET_THERE, 3), m(GET_THERE, 3), m(GET_THERE, 3), m(GET_THERE, 3), m(GET_THERE, 4),
                st(GET_THERE, 3), st(GET_THERE, 4)), List.of());
        // Members 16/5 = 3.2, staff 7/2 = 3.5: 0.3 apart.
        assertThat(close.principle(Principle.ACCESSIBILITY).membersLower()).isFalse();
        assertThat(close.principle(Principle.ACCESSIBILITY).membersHigher()).isFalse();
    }

    @Test
    void theChangeSinceLastTimeIsBetweenTheRoundedMeansOfEachSide() {
        // Before: members 1 and 2 → 1.5; staff 4. Now: members 3, 3, 2 → 2.7; staff none.
        List<Comparison.Score> before = List.of(m(LISTENED, 1), m(DECIDE, 2), st(LISTENED, 4));
        List<Comparison.Score> now = List.of(m(LISTENED, 3), m(DECIDE, 3), m(LISTENED, 2));
        Comparison.PrincipleRow equality = Comparison.of(ALL, now, before).principle(Principle.EQUALITY);
        assertThat(equality.members()).isEqualByComparingTo("2.7");
        assertThat(equality.membersChange()).isEqualByComparingTo("1.2");
        assertThat(equality.staffChange()).isNull();
        // No earlier round: no change at all.
        assertThat(Comparison.of(ALL, now, List.of()).principle(Principle.EQUALITY).membersChange()).isNull();
        // Down is negative.
        assertThat(Comparison.of(ALL, before, now).principle(Principle.EQUALITY).membersChange()).isEqualByComparingTo("-1.2");
    }

    @Test
    void aScoreIsOnTheFourPointScale() {
        assertThatThrownBy(() -> m(LISTENED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m(LISTENED, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLadderCountsEachSideAndFindsItsMiddleStep() {
        Ladder ladder = Ladder.of(List.of(new Ladder.Choice(Side.MEMBERS, Rung.CONSULTATION, "We are asked but nothing changes"),
                new Ladder.Choice(Side.MEMBERS, Rung.INFORMING, null), new Ladder.Choice(Side.MEMBERS, Rung.CO_DESIGN, " "),
                new Ladder.Choice(Side.STAFF, Rung.CO_PRODUCTION, "We share decisions"), new Ladder.Choice(Side.STAFF, Rung.CO_DESIGN, null)));
        assertThat(ladder.total(Side.MEMBERS)).isEqualTo(3);
        assertThat(ladder.count(Side.MEMBERS, Rung.CONSULTATION)).isEqualTo(1);
        // Members: informing, consultation, co-design → the middle is consultation.
        assertThat(ladder.middle(Side.MEMBERS)).isEqualTo(Rung.CONSULTATION);
        // Staff: co-design, co-production → the lower of the two middle ones.
        assertThat(ladder.middle(Side.STAFF)).isEqualTo(Rung.CO_DESIGN);
        assertThat(ladder.reasons().get(Side.MEMBERS)).extracting(Ladder.Reason::words).containsExactly("We are asked but nothing changes");
        assertThat(Ladder.of(List.of()).middle(Side.STAFF)).isNull();
    }

    @Test
    void theChartsBarsAreAsLongAsTheirMeans() {
        assertThat(ResultsChart.length(new BigDecimal("4.0"))).isEqualTo(220);
        assertThat(ResultsChart.length(new BigDecimal("2.5"))).isEqualTo(138);
        assertThat(ResultsChart.length(BigDecimal.ZERO)).isZero();
    }
}
