package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One task or milestone of a project's action tracker. The owner is a person of the organisation
 * ({@code ownerUserId}, with their name) or someone named in free text. A done task carries the
 * evidence that it is done: the date, a note and, if given, a document.
 */
public record Task(
        UUID id,
        UUID projectId,
        String title,
        @Nullable UUID ownerUserId,
        @Nullable String ownerName,
        @Nullable LocalDate dueOn,
        TaskStatus status,
        boolean milestone,
        @Nullable LocalDate doneOn,
        @Nullable String doneNote,
        @Nullable UUID doneMediaId,
        Set<UUID> outcomeIds,
        Set<UUID> planRowIds,
        int version,
        boolean archived,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    public Task {
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
    }

    /** Still open with its due date passed. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }

    public boolean done() {
        return status == TaskStatus.DONE;
    }

    /** Done within the period, both days included. */
    public boolean doneBetween(LocalDate from, LocalDate to) {
        return done() && doneOn != null && !doneOn.isBefore(from) && !doneOn.isAfter(to);
    }
}
