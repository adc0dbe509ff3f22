package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Compares two versions of a pathway item by item, so a facilitator can see what changed. */
final class RevisionComparison {

    private RevisionComparison() {}

    static List<Change> compare(PathwayDocument before, PathwayDocument after) {
        List<Change> changes = new ArrayList<>();
        text(changes, "pathway.problem.label", before.problem(), after.problem());
        text(changes, "pathway.project-impact.label", before.projectImpact(), after.projectImpact());
        text(changes, "pathway.coproduction-impact.label", before.coproductionImpact(), after.coproductionImpact());

        Map<String, String> titlesBefore = titles(before);
        Map<String, String> titlesAfter = titles(after);
        items(changes, "pathway.history.item.outcome", before.outcomes(), after.outcomes(),
                PathwayDocument.OutcomeEntry::key, PathwayDocument.OutcomeEntry::title, (a, b) -> {
                    List<Change.FieldChange> f = new ArrayList<>();
                    field(f, "pathway.outcome.title.label", a.title(), b.title());
                    choice(f, "pathway.outcome.term.label", a.term().messageKey(), b.term().messageKey());
                    choice(f, "pathway.outcome.leads-to-impact.legend", yesNo(a.leadsToImpact()), yesNo(b.leadsToImpact()));
                    field(f, "pathway.outcome.leads-to.label", names(a.leadsTo(), titlesBefore), names(b.leadsTo(), titlesAfter));
                    field(f, "pathway.outcome.how.label", a.howWeWillKnow(), b.howWeWillKnow());
                    return f;
                });
        items(changes, "pathway.history.item.activity", before.activities(), after.activities(),
                PathwayDocument.ActivityEntry::key, PathwayDocument.ActivityEntry::title, (a, b) -> {
                    List<Change.FieldChange> f = new ArrayList<>();
                    field(f, "pathway.activity.title.label", a.title(), b.title());
                    choice(f, "pathway.activity.kind.label", a.kind().messageKey(), b.kind().messageKey());
                    field(f, "pathway.activity.who.label", a.whoIsInvolved(), b.whoIsInvolved());
                    field(f, "pathway.activity.outcomes.label", names(a.outcomes(), titlesBefore), names(b.outcomes(), titlesAfter));
                    return f;
                });
        items(changes, "pathway.history.item.statement", before.statements(), after.statements(),
                PathwayDocument.StatementEntry::key, PathwayDocument.StatementEntry::text, (a, b) -> {
                    List<Change.FieldChange> f = new ArrayList<>();
                    choice(f, "pathway.statement.kind.label", a.kind().messageKey(), b.kind().messageKey());
                    field(f, "pathway.statement.text.label", a.text(), b.text());
                    field(f, "pathway.statement.outcome.label",
                            a.outcome() == null ? "" : titlesBefore.getOrDefault(a.outcome(), ""),
                            b.outcome() == null ? "" : titlesAfter.getOrDefault(b.outcome(), ""));
                    return f;
                });
        return changes;
    }

    private interface FieldDiff<T> {
        List<Change.FieldChange> diff(T before, T after);
    }

    private static <T> void items(List<Change> changes, String itemKey, List<T> before, List<T> after,
            Function<T, String> key, Function<T, String> title, FieldDiff<T> diff) {
        Map<String, T> old = before.stream().collect(Collectors.toMap(key, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        Map<String, T> now = after.stream().collect(Collectors.toMap(key, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        for (T item : after) {
            T was = old.get(key.apply(item));
            if (was == null) {
                changes.add(new Change(Change.Kind.ADDED, itemKey, title.apply(item), List.of()));
            } else {
                List<Change.FieldChange> fields = diff.diff(was, item);
                if (!fields.isEmpty()) {
                    changes.add(new Change(Change.Kind.CHANGED, itemKey, title.apply(item), fields));
                }
            }
        }
        for (T item : before) {
            if (!now.containsKey(key.apply(item))) {
                changes.add(new Change(Change.Kind.REMOVED, itemKey, title.apply(item), List.of()));
            }
        }
    }

    private static void text(List<Change> changes, String labelKey, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(nullToEmpty(before), nullToEmpty(after))) {
            changes.add(new Change(Change.Kind.CHANGED, labelKey, "",
                    List.of(new Change.FieldChange(labelKey, nullToEmpty(before), nullToEmpty(after)))));
        }
    }

    private static void field(List<Change.FieldChange> fields, String labelKey, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(nullToEmpty(before), nullToEmpty(after))) {
            fields.add(new Change.FieldChange(labelKey, nullToEmpty(before), nullToEmpty(after)));
        }
    }

    private static void choice(List<Change.FieldChange> fields, String labelKey, String beforeKey, String afterKey) {
        if (!beforeKey.equals(afterKey)) {
            fields.add(new Change.FieldChange(labelKey, beforeKey, afterKey, true));
        }
    }

    private static Map<String, String> titles(PathwayDocument d) {
        return d.outcomes().stream().collect(Collectors.toMap(PathwayDocument.OutcomeEntry::key, PathwayDocument.OutcomeEntry::title, (x, y) -> x));
    }

    private static String names(List<String> keys, Map<String, String> titles) {
        return keys.stream().map(k -> titles.getOrDefault(k, k)).sorted().collect(Collectors.joining("; "));
    }

    /** The message key of "Yes" or "No", so the answer is read in words, not as a symbol. */
    private static String yesNo(boolean b) {
        return b ? "common.yes" : "common.no";
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
