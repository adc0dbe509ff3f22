package org.coproduction.impact.tracker;

import java.util.List;
import org.coproduction.impact.evidence.EvidenceItem;

/**
 * A progress report as it may be shown now, to its audience: the milestones it names, and of the
 * items chosen for it only those whose consent covers the audience today. {@code leftOut} counts
 * chosen items left out because consent does not cover this use (they are not shown);
 * {@code gone} counts chosen items the project no longer holds (removed since);
 * {@code outsidePeriod} counts chosen items dated outside the report's period (a form question's
 * latest answer came after it, say): left out, so a report speaks only of its period.
 */
public record ReportView(ProgressReport report, List<Task> milestones, List<EvidenceItem> items, int leftOut, int gone, int outsidePeriod) {

    public ReportView {
        milestones = List.copyOf(milestones);
        items = List.copyOf(items);
    }

    public ReportView(ProgressReport report, List<Task> milestones, List<EvidenceItem> items, int leftOut, int gone) {
        this(report, milestones, items, leftOut, gone, 0);
    }
}
