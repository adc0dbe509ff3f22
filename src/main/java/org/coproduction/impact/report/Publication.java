package org.coproduction.impact.report;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One published version of a report (numbered from 1), with its frozen snapshot. */
public record Publication(UUID id, UUID reportId, int number, OffsetDateTime publishedAt, @Nullable String publishedByName,
        Snapshot snapshot) {}
