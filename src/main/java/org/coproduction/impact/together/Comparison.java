package org.coproduction.impact.together;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Members' view beside staff's, per principle and per statement, with the change since the last
 * round. Pure arithmetic on the four-point scale (1 never, 4 always): the mean of the answers given,
 * to one decimal place; a principle is a weak area when either side's mean is below the middle of
 * the scale (2.5); members and staff see it differently when their means are at least half a point
 * apart ({@link #DIFFERENT}).
 */
public record Comparison(List<PrincipleRow> principles, List<StatementRow> statements) {

    /** Below this mean, a side sees the principle as a weak area: nearer "sometimes" than "mostly". */
    public static final BigDecimal WEAK = new BigDecimal("2.5");

    /** Means this far apart or more are reported as members and staff seeing it differently. */
    public static final BigDecimal DIFFERENT = new BigDecimal("0.5");

    public Comparison {
        principles = List.copyOf(principles);
        statements = List.copyOf(statements);
    }

    /** One answer with a score (answers left blank are not scores and are not counted). */
    public record Score(UUID statementId, Principle principle, Side side, int score) {

        public Score {
            if (score < 1 || score > 4) {
                throw new IllegalArgumentException("a score is from 1 to 4: " + score);
            }
        }
    }

    /**
     * @param members members' mean, or null when no member answered
     * @param membersChange change of members' mean since the previous round, or null when either has none
     */
    public record PrincipleRow(Principle principle, @Nullable BigDecimal members, int membersCount, @Nullable BigDecimal staff, int staffCount,
            @Nullable BigDecimal membersChange, @Nullable BigDecimal staffChange) {

        public boolean weak() {
            return (members != null && members.compareTo(WEAK) < 0) || (staff != null && staff.compareTo(WEAK) < 0);
        }

        /** Members' mean minus staff's; null unless both answered. */
        public @Nullable BigDecimal gap() {
            return members == null || staff == null ? null : members.subtract(staff);
        }

        public boolean membersLower() {
            BigDecimal g = gap();
            return g != null && g.negate().compareTo(DIFFERENT) >= 0;
        }

        public boolean membersHigher() {
            BigDecimal g = gap();
            return g != null && g.compareTo(DIFFERENT) >= 0;
        }
    }

    public record StatementRow(UUID statementId, @Nullable BigDecimal members, int membersCount, @Nullable BigDecimal staff, int staffCount) {}

    /** Compares this round's scores, and each principle's change since {@code previous} (empty: no earlier round). */
    public static Comparison of(List<Statement> statements, List<Score> now, List<Score> previous) {
        List<PrincipleRow> rows = new ArrayList<>();
        for (Principle p : Principle.values()) {
            Mean m = mean(now, p, null, Side.MEMBERS);
            Mean s = mean(now, p, null, Side.STAFF);
            Mean pm = mean(previous, p, null, Side.MEMBERS);
            Mean ps = mean(previous, p, null, Side.STAFF);
            rows.add(new PrincipleRow(p, m.value(), m.count(), s.value(), s.count(), change(m, pm), change(s, ps)));
        }
        List<StatementRow> perStatement = new ArrayList<>();
        for (Statement st : statements) {
            Mean m = mean(now, st.principle(), st.id(), Side.MEMBERS);
            Mean s = mean(now, st.principle(), st.id(), Side.STAFF);
            perStatement.add(new StatementRow(st.id(), m.value(), m.count(), s.value(), s.count()));
        }
        return new Comparison(rows, perStatement);
    }

    public PrincipleRow principle(Principle p) {
        return principles.stream().filter(r -> r.principle() == p).findFirst().orElseThrow();
    }

    public Map<Principle, PrincipleRow> byPrinciple() {
        Map<Principle, PrincipleRow> map = new EnumMap<>(Principle.class);
        principles.forEach(r -> map.put(r.principle(), r));
        return map;
    }

    private record Mean(@Nullable BigDecimal value, int count) {}

    private static Mean mean(List<Score> scores, Principle p, @Nullable UUID statement, Side side) {
        int sum = 0;
        int n = 0;
        for (Score s : scores) {
            if (s.principle() == p && s.side() == side && (statement == null || statement.equals(s.statementId()))) {
                sum += s.score();
                n++;
            }
        }
        return n == 0 ? new Mean(null, 0) : new Mean(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP), n);
    }

    /** The change between the rounded means, so the figures shown add up. */
    private static @Nullable BigDecimal change(Mean now, Mean before) {
        return now.value() == null || before.value() == null ? null : now.value().subtract(before.value());
    }
}
