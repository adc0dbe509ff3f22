package org.coproduction.impact.organisation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Role;
import org.jspecify.annotations.Nullable;

/** An invitation to join an organisation, sent by email or printed with a short code. */
public record Invitation(
        UUID id,
        UUID organisationId,
        String organisationName,
        Role role,
        Kind kind,
        @Nullable String email,
        String inviteeName,
        String token,
        String code,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        @Nullable OffsetDateTime acceptedAt,
        @Nullable OffsetDateTime withdrawnAt) {

    public enum Kind {
        EMAIL,
        PRINTED
    }

    public enum Status {
        WAITING("blue"),
        ACCEPTED("green"),
        WITHDRAWN("grey"),
        EXPIRED("yellow");

        private final String colour;

        Status(String colour) {
            this.colour = colour;
        }

        /** The GOV.UK tag colour; the tag's words say the status too, so colour is never the only cue. */
        public String colour() {
            return colour;
        }
    }

    public Status status() {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (withdrawnAt != null) {
            return Status.WITHDRAWN;
        }
        return expiresAt.toInstant().isBefore(Instant.now()) ? Status.EXPIRED : Status.WAITING;
    }

    public boolean canBeAccepted() {
        return status() == Status.WAITING;
    }
}
