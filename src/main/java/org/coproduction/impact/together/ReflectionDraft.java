package org.coproduction.impact.together;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/**
 * A reflection as its writer gives it: a face and/or words for what went well, what did not and what
 * we would change; the activity it follows (if any), outcomes and themes; and the uses the writer
 * agrees to (none: only the writer and the project's facilitators read it).
 */
public record ReflectionDraft(
        @Nullable UUID activityId,
        @Nullable Face face,
        String wentWell,
        String notWell,
        String wouldChange,
        Set<UUID> outcomeIds,
        List<String> themes,
        Set<ConsentUse> uses) {

    public ReflectionDraft {
        outcomeIds = Set.copyOf(outcomeIds);
        themes = List.copyOf(themes);
        uses = Set.copyOf(uses);
    }
}
