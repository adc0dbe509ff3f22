package org.coproduction.impact.framework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of the framework, without its text: for lists, headings and the home page. */
public record VersionSummary(
        UUID id,
        int number,
        VersionStatus status,
        @Nullable Integer basedOnNumber,
        OffsetDateTime createdAt,
        @Nullable String createdByName,
        @Nullable OffsetDateTime publishedAt,
        @Nullable String publishedByName,
        @Nullable LocalDate nextReviewOn) {

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }
}
