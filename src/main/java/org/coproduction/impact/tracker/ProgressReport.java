package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/**
 * A progress report as saved: its period, audience, words, the outcomes it shows progress on, the
 * milestones it names and the evidence items chosen for it. Which chosen items are shown is decided
 * each time it is shown ({@link ReportView}), never stored.
 */
public record ProgressReport(
        UUID id,
        UUID projectId,
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        ConsentUse audience,
        @Nullable String challenges,
        @Nullable String risks,
        Set<UUID> outcomeIds,
        List<UUID> milestoneIds,
        List<ItemRef> items,
        int version,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    public ProgressReport {
        outcomeIds = Set.copyOf(outcomeIds);
        milestoneIds = List.copyOf(milestoneIds);
        items = List.copyOf(items);
    }

    /** An item of evidence, named by the module that holds it and its id there. */
    public record ItemRef(String source, UUID id) {

        /** As one form value: {@code source:id}. */
        public String key() {
            return source + ":" + id;
        }
    }
}
