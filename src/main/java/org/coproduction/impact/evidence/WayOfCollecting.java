package org.coproduction.impact.evidence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One way of collecting evidence in the organisation's list (a feedback form, a group discussion,
 * meeting minutes...), the types of evidence it can give, and examples of what it can show.
 * A retired way stays, so plans that use it keep their meaning, but is no longer offered.
 */
public record WayOfCollecting(
        UUID id,
        @Nullable String seedKey,
        String name,
        @Nullable String description,
        @Nullable String examples,
        List<EvidenceType> types,
        int version,
        boolean retired,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    public WayOfCollecting {
        types = List.copyOf(types);
    }

    public boolean gives(EvidenceType type) {
        return types.contains(type);
    }
}
