package org.coproduction.impact.tracker;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One kept change of a task's status; {@code from} is empty for the task's first status. */
public record TaskChange(@Nullable TaskStatus fromStatus, TaskStatus toStatus, @Nullable String note, OffsetDateTime changedAt,
        @Nullable String changedByName) {}
