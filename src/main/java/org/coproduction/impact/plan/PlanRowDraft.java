package org.coproduction.impact.plan;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.jspecify.annotations.Nullable;

/** What a facilitator enters for a plan row (or what a suggestion fills in for them to change). */
public record PlanRowDraft(
        EvidenceType type,
        String formOfEvidence,
        List<UUID> wayIds,
        String successLooksLike,
        @Nullable String howWeWillKnow,
        @Nullable String target,
        @Nullable String baseline,
        @Nullable String whenCollected,
        @Nullable String whoCollects,
        @Nullable String suggestionKey) {

    public PlanRowDraft {
        wayIds = List.copyOf(wayIds);
    }
}
