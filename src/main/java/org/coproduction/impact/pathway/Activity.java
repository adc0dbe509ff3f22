package org.coproduction.impact.pathway;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something done in co-production (a meeting, a workshop, materials...) that leads to outcomes. */
public record Activity(
        UUID id,
        String title,
        ActivityKind kind,
        @Nullable String whoIsInvolved,
        List<UUID> outcomeIds,
        int position,
        boolean archived) {

    public Activity {
        outcomeIds = List.copyOf(outcomeIds);
    }
}
