package org.coproduction.impact.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One member's own view of one outcome in one round, with the sentence they added, if any, typed or
 * recorded ({@code voiceMediaId}: their recording, a file of the media module).
 */
public record MemberView(UUID outcomeId, UUID userId, String memberName, OwnView view, @Nullable String sentence,
        OffsetDateTime givenAt, OffsetDateTime updatedAt, @Nullable UUID voiceMediaId) {

    public boolean spoken() {
        return voiceMediaId != null;
    }
}
