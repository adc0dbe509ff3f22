package org.coproduction.impact.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.WayOfCollecting;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.Project;

/**
 * A project's outcomes assessment plan, as one read: the project, its pathway, every plan row
 * (removed ones too, flagged) and the organisation's ways of collecting evidence, in the list's order.
 */
public record Plan(Project project, Pathway pathway, List<PlanRow> rows, Map<UUID, WayOfCollecting> ways) {

    public Plan {
        rows = List.copyOf(rows);
        // Kept in the list's own order, which is how the ways are offered.
        ways = Collections.unmodifiableMap(new LinkedHashMap<>(ways));
    }

    public List<PlanRow> currentRows() {
        return rows.stream().filter(r -> !r.archived()).toList();
    }

    /** The current rows for one outcome, in order. */
    public List<PlanRow> rowsFor(UUID outcomeId) {
        return rows.stream().filter(r -> !r.archived() && r.outcomeId().equals(outcomeId)).toList();
    }

    /** The removed rows for one outcome, for restoring. */
    public List<PlanRow> removedRowsFor(UUID outcomeId) {
        return rows.stream().filter(r -> r.archived() && r.outcomeId().equals(outcomeId)).toList();
    }

    public Optional<PlanRow> row(UUID rowId) {
        return rows.stream().filter(r -> r.id().equals(rowId)).findFirst();
    }

    public Coverage coverage() {
        return Coverage.of(pathway.currentOutcomes(), rows);
    }

    /** Outcomes removed from the pathway that still have plan rows: their plans stay visible, marked. */
    public List<Outcome> removedOutcomesWithPlans() {
        return pathway.outcomes().stream().filter(o -> o.archived() && !rowsFor(o.id()).isEmpty()).toList();
    }

    /** A second type of evidence to suggest, where every row of the outcome uses the same type. */
    public Optional<EvidenceType> secondType(UUID outcomeId) {
        return Triangulation.secondType(rowsFor(outcomeId).stream().map(PlanRow::type).toList());
    }

    /** The ways a row uses, as they are in the organisation's list (retired ones flagged). */
    public List<WayOfCollecting> waysOf(PlanRow row) {
        return row.wayIds().stream().map(ways::get).filter(w -> w != null).toList();
    }

    /**
     * The ways a row uses that, in the organisation's list, do not give the row's type of evidence
     * (ratings collected through meeting minutes): something to look at, as the form builder's
     * "Things to look at" are. A way with no types listed is not judged.
     */
    public List<WayOfCollecting> waysNotFitting(PlanRow row) {
        return waysOf(row).stream().filter(w -> !w.types().isEmpty() && !w.gives(row.type())).toList();
    }

    public List<String> wayNames(PlanRow row) {
        return waysOf(row).stream().map(WayOfCollecting::name).toList();
    }

    public String outcomeTitle(UUID outcomeId) {
        return pathway.outcomeTitle(outcomeId);
    }
}
