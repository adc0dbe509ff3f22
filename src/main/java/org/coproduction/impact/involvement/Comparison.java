package org.coproduction.impact.involvement;

import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.form.AboutYouAnswers.WhoTookPart;
import org.jspecify.annotations.Nullable;

/**
 * Who took part set beside the area, part by part, with small numbers hidden ({@link Suppression}).
 * Shares of those who took part are of the people who said (not those who skipped the part or
 * preferred not to say), shares of the area are of its people in the census; both as whole
 * percentages. A difference of {@value #GAP} percentage points or more is said in words.
 */
public record Comparison(int people, boolean peopleHidden, List<PartRow> parts, @Nullable LocalProfile area) {

    /** The smallest difference, in percentage points, said in words. */
    public static final int GAP = 5;

    /** A count as shown: {@code hidden} means "fewer than 5" (or hidden so another cannot be worked out). */
    public record Cell(int count, boolean hidden) {

        /** Hidden because the group is under 5 (shown as "fewer than 5"), not only to protect another. */
        public boolean fewerThan5() {
            return hidden && count < Suppression.THRESHOLD;
        }
    }

    public enum Direction {
        FEWER, MORE, FEWER_THAN_5;

        public String messageKey() {
            return "involvement.finding." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A difference said in words: "Fewer young people took part than live in the area". */
    public record Finding(Direction direction, AboutYou part, String group, @Nullable Integer tookPartPercent, int areaPercent) {

        public String groupKey() {
            return "involvement.group." + part.slug() + "." + group;
        }
    }

    /** One group of a part: how many took part, and the shares beside each other. */
    public record GroupRow(String group, Cell tookPart, @Nullable Integer tookPartPercent, @Nullable Integer areaPercent) {}

    /** One part (age, ethnicity, ...): its groups, those who did not say, and what stands out. */
    public record PartRow(AboutYou part, List<GroupRow> groups, Cell didNotSay, List<Finding> findings, boolean compared) {

        /** Every figure would be hidden: the part is not shown at all. */
        public boolean withheld() {
            return groups.stream().allMatch(g -> g.tookPart().hidden()) && didNotSay.hidden();
        }
    }

    /** Compares; {@code area} may be null (no local profile yet): the counts are still shown. */
    public static Comparison of(WhoTookPart who, @Nullable LocalProfile area) {
        if (Suppression.hiddenTotal(who.people())) {
            return new Comparison(who.people(), true, List.of(), area);
        }
        List<PartRow> parts = new ArrayList<>();
        for (AboutYou part : AboutYou.values()) {
            parts.add(part(who, part, area));
        }
        return new Comparison(who.people(), false, parts, area);
    }

    private static PartRow part(WhoTookPart who, AboutYou part, @Nullable LocalProfile area) {
        List<String> groups = part.groups();
        List<Integer> counts = new ArrayList<>();
        groups.forEach(g -> counts.add(who.count(part, g)));
        counts.add(who.didNotSay(part));
        List<Boolean> hidden = Suppression.hidden(counts);
        if (Suppression.withheld(hidden)) {
            List<GroupRow> rows = groups.stream().map(g -> new GroupRow(g, new Cell(0, true), null, null)).toList();
            return new PartRow(part, rows, new Cell(0, true), List.of(), area != null && area.has(part));
        }
        int said = who.people() - who.didNotSay(part);
        boolean compared = area != null && area.has(part);
        List<GroupRow> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            Cell cell = new Cell(counts.get(i), hidden.get(i));
            Integer tookPartPercent = cell.hidden() || said == 0 ? null : percent(cell.count(), said);
            Integer areaPercent = compared ? percent(area.people(part, group), area.total(part)) : null;
            rows.add(new GroupRow(group, cell, tookPartPercent, areaPercent));
            if (compared && said > 0) {
                double areaShare = 100.0 * area.people(part, group) / area.total(part);
                if (cell.hidden()) {
                    if (areaShare >= GAP && cell.count() < Suppression.THRESHOLD) {
                        findings.add(new Finding(Direction.FEWER_THAN_5, part, group, null, areaPercent));
                    }
                } else {
                    double difference = 100.0 * cell.count() / said - areaShare;
                    if (difference <= -GAP) {
                        findings.add(new Finding(Direction.FEWER, part, group, tookPartPercent, areaPercent));
                    } else if (difference >= GAP) {
                        findings.add(new Finding(Direction.MORE, part, group, tookPartPercent, areaPercent));
                    }
                }
            }
        }
        Cell didNotSay = new Cell(counts.getLast(), hidden.getLast());
        return new PartRow(part, rows, didNotSay, findings, compared);
    }

    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    /** Every finding, part by part. */
    public List<Finding> findings() {
        return parts.stream().flatMap(p -> p.findings().stream()).toList();
    }
}
