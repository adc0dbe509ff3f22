package org.coproduction.impact.involvement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A project's reciprocity ledger: every entry, and the summaries per project and per person. */
public record Reciprocity(List<Entry> entries) {

    /**
     * One thing a co-producer received (or was offered and is still waiting for). {@code version}
     * counts its changes, so a change made from an old copy of the page is refused.
     */
    public record Entry(UUID id, UUID userId, String personName, ReciprocityKind kind, @Nullable String description,
            @Nullable Long amountPence, LocalDate offeredOn, @Nullable LocalDate givenOn, boolean benefitsAdviceOffered, int version) {

        /** Days from offered to given; null while not given. */
        public @Nullable Long days() {
            return givenOn == null ? null : ChronoUnit.DAYS.between(offeredOn, givenOn);
        }
    }

    /** Figures for a set of entries: how many, given, still waiting, money given, days to give. */
    public record Summary(int entries, int given, int waiting, long moneyGivenPence, @Nullable Long averageDays, @Nullable Long longestDays) {

        static Summary of(List<Entry> entries) {
            int given = 0;
            long money = 0;
            long days = 0;
            Long longest = null;
            for (Entry e : entries) {
                if (e.givenOn() != null) {
                    given++;
                    long d = e.days();
                    days += d;
                    longest = longest == null ? d : Math.max(longest, d);
                    if (e.amountPence() != null) {
                        money += e.amountPence();
                    }
                }
            }
            return new Summary(entries.size(), given, entries.size() - given, money, given == 0 ? null : Math.round((double) days / given),
                    longest);
        }
    }

    /**
     * An entry as it was before someone changed or removed it: the ledger's history.
     *
     * @param removed whether this change removed the entry (else it changed it)
     * @param changedByName who did it (null once they are erased)
     */
    public record Change(boolean removed, @Nullable String changedByName, java.time.OffsetDateTime changedAt, Entry before) {}

    /** A person and their summary. */
    public record PersonSummary(UUID userId, String name, Summary summary) {}

    public Summary summary() {
        return Summary.of(entries);
    }

    public List<PersonSummary> perPerson() {
        Map<UUID, List<Entry>> byPerson = new LinkedHashMap<>();
        entries.stream().sorted(java.util.Comparator.comparing(Entry::personName))
                .forEach(e -> byPerson.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e));
        return byPerson.values().stream().map(l -> new PersonSummary(l.getFirst().userId(), l.getFirst().personName(), Summary.of(l))).toList();
    }

    /** Money given or waiting without a record that advice about benefits was offered. */
    public long moneyWithoutAdvice() {
        return entries.stream().filter(e -> e.kind().money() && !e.benefitsAdviceOffered()).count();
    }

    /** Pounds and pence, as people read them: "£25.00". */
    public static String pounds(long pence) {
        return String.format(java.util.Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
    }
}
