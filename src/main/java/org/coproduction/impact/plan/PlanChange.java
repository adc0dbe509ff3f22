package org.coproduction.impact.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.jspecify.annotations.Nullable;

/** One saved change to a plan row: what was done, who, when, and the row as it was afterwards. */
public record PlanChange(UUID rowId, Action action, OffsetDateTime changedAt, @Nullable String changedByName, Snapshot row) {

    public enum Action {
        ADDED,
        CHANGED,
        REMOVED,
        RESTORED;

        public String messageKey() {
            return "plan.history.action." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The row's words as they were after the change (way names as they were then). */
    public record Snapshot(
            UUID outcomeId,
            EvidenceType type,
            String formOfEvidence,
            List<String> ways,
            String successLooksLike,
            @Nullable String howWeWillKnow,
            @Nullable String target,
            @Nullable String baseline,
            @Nullable String whenCollected,
            @Nullable String whoCollects) {

        public Snapshot {
            ways = List.copyOf(ways);
        }
    }
}
