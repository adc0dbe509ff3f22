package org.coproduction.impact.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One member's own view of one outcome in one round, with the sentence they added, if any. */
public record MemberView(UUID outcomeId, UUID userId, String memberName, OwnView view, @Nullable String sentence,
        OffsetDateTime givenAt, OffsetDateTime updatedAt) {}
