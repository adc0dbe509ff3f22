package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/** A progress report's details as a facilitator gives them. */
public record ReportDraft(
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        ConsentUse audience,
        @Nullable String challenges,
        @Nullable String risks,
        Set<UUID> outcomeIds,
        List<UUID> milestoneIds,
        List<ProgressReport.ItemRef> items) {

    public ReportDraft {
        outcomeIds = Set.copyOf(outcomeIds);
        milestoneIds = List.copyOf(milestoneIds);
        items = List.copyOf(items);
    }
}
