package org.coproduction.impact.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reach over time, worked out from recorded activities: for each month or quarter, how many sessions
 * there were, how many people took part (named people, each once, plus the others counted at each
 * session), and how many named people came for the first time. People counted but not named cannot be
 * told apart, so they are never counted as new.
 */
public final class Reach {

    private Reach() {}

    public enum Period {
        MONTH,
        QUARTER
    }

    /**
     * One period's figures.
     *
     * @param start the first day of the period
     * @param quarter the period is a quarter (otherwise a month)
     */
    public record Row(LocalDate start, boolean quarter, int sessions, int namedPeople, int others, int newPeople) {

        public int peopleTakingPart() {
            return namedPeople + others;
        }
    }

    /** The figures for each period with at least one activity, oldest first. Removed activities are left out. */
    public static List<Row> of(List<RecordedItem> items, Period period) {
        List<RecordedItem> activities = items.stream()
                .filter(i -> i.kind() == RecordKind.ACTIVITY && !i.archived())
                .sorted(Comparator.comparing(RecordedItem::happenedOn).thenComparing(RecordedItem::createdAt))
                .toList();
        Map<LocalDate, List<RecordedItem>> byPeriod = new TreeMap<>();
        for (RecordedItem a : activities) {
            byPeriod.computeIfAbsent(start(a.happenedOn(), period), k -> new ArrayList<>()).add(a);
        }
        Set<UUID> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, List<RecordedItem>> e : byPeriod.entrySet()) {
            Set<UUID> named = new LinkedHashSet<>();
            int others = 0;
            for (RecordedItem a : e.getValue()) {
                a.attendees().forEach(p -> named.add(p.userId()));
                others += a.othersCount();
            }
            int fresh = (int) named.stream().filter(id -> !seen.contains(id)).count();
            seen.addAll(named);
            rows.add(new Row(e.getKey(), period == Period.QUARTER, e.getValue().size(), named.size(), others, fresh));
        }
        return rows;
    }

    static LocalDate start(LocalDate day, Period period) {
        YearMonth month = YearMonth.from(day);
        if (period == Period.MONTH) {
            return month.atDay(1);
        }
        int firstMonth = ((day.getMonthValue() - 1) / 3) * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }
}
