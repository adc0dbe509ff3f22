package org.coproduction.impact.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/**
 * A person's consent to the uses of an item that shows or quotes them. Kept when withdrawn (so the
 * history shows it was given, and when it was taken back); it counts only while {@link #inForce}.
 */
public record Consent(
        UUID id,
        String givenBy,
        ConsentHow how,
        Set<ConsentUse> uses,
        @Nullable LocalDate validUntil,
        OffsetDateTime recordedAt,
        @Nullable String recordedByName,
        @Nullable OffsetDateTime withdrawnAt,
        @Nullable String withdrawnByName) {

    public Consent {
        uses = Set.copyOf(uses);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean expired(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    /** Not withdrawn, and not past its end date. */
    public boolean inForce(LocalDate today) {
        return !withdrawn() && !expired(today);
    }
}
