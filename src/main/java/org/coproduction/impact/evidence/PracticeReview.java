package org.coproduction.impact.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A review of something the organisation already collects (a feedback form, an attendance sheet,
 * minutes...), answering the guidance's questions: what is collected and why, what it is used for,
 * how it is collected and recorded, who can access it, whether it is accessible, whether people
 * find it relevant and easy, and what to improve or keep. A gap found can become a new way.
 */
public record PracticeReview(
        UUID id,
        String name,
        @Nullable String whatAndWhy,
        @Nullable String usedFor,
        @Nullable String howCollected,
        @Nullable String whoCanAccess,
        @Nullable ReviewAnswer accessible,
        @Nullable String accessibleNotes,
        @Nullable ReviewAnswer relevantAndEasy,
        @Nullable String relevantNotes,
        @Nullable String toImprove,
        @Nullable String toKeep,
        @Nullable String gap,
        @Nullable UUID gapWayId,
        int version,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    /** A gap was found and has not yet been added to the list. */
    public boolean gapOpen() {
        return gap != null && !gap.isBlank() && gapWayId == null;
    }
}
