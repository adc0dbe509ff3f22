package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task's details as a facilitator gives them (its status changes separately, with evidence). */
public record TaskDraft(
        String title,
        @Nullable UUID ownerUserId,
        @Nullable String ownerName,
        @Nullable LocalDate dueOn,
        boolean milestone,
        Set<UUID> outcomeIds,
        Set<UUID> planRowIds) {

    public TaskDraft {
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
    }
}
