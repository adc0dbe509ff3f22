package org.coproduction.impact.pathway;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A member's comment or suggestion on an outcome, for the facilitator to accept or not. */
public record OutcomeComment(UUID id, UUID outcomeId, UUID authorId, String authorName, String text, Status status, OffsetDateTime createdAt) {

    public enum Status {
        OPEN,
        ACCEPTED,
        NOT_ACCEPTED;

        public String messageKey() {
            return "pathway.comment.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
