package org.coproduction.impact.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.jspecify.annotations.Nullable;

/**
 * One row of an outcome's assessment plan: the type of evidence, the form of evidence (what, and
 * why it shows the outcome), the ways of collecting it, and the group's own measure of success.
 * A removed row is archived, not deleted.
 */
public record PlanRow(
        UUID id,
        UUID outcomeId,
        EvidenceType type,
        String formOfEvidence,
        List<UUID> wayIds,
        String successLooksLike,
        @Nullable String howWeWillKnow,
        @Nullable String target,
        @Nullable String baseline,
        @Nullable String whenCollected,
        @Nullable String whoCollects,
        @Nullable String suggestionKey,
        int version,
        boolean archived,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    public PlanRow {
        wayIds = List.copyOf(wayIds);
    }
}
