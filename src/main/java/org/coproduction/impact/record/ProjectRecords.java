package org.coproduction.impact.record;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.plan.PlanRow;

/**
 * A project's recorded evidence as one person may see it, with what the forms need: the pathway's
 * outcomes and activities, the plan's rows, the themes in use and whether members may add their own.
 */
public record ProjectRecords(
        Project project,
        Pathway pathway,
        List<PlanRow> planRows,
        List<RecordedItem> items,
        boolean membersMayAdd,
        List<String> themesInUse) {

    public ProjectRecords {
        planRows = List.copyOf(planRows);
        items = List.copyOf(items);
        themesInUse = List.copyOf(themesInUse);
    }

    public List<RecordedItem> currentItems() {
        return items.stream().filter(i -> !i.archived()).toList();
    }

    public Optional<RecordedItem> item(UUID id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<PlanRow> currentPlanRows() {
        return planRows.stream().filter(r -> !r.archived()).toList();
    }

    public Optional<PlanRow> planRow(UUID id) {
        return planRows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The project's people: its facilitator and members, who can be named in attendance or as the speaker. */
    public List<Project.Member> people() {
        return project.people();
    }

    /** A plan row named as people read it: its outcome, then its form of evidence. */
    public String planRowLabel(PlanRow row) {
        return pathway.outcomeTitle(row.outcomeId()) + ": " + row.formOfEvidence();
    }
}
