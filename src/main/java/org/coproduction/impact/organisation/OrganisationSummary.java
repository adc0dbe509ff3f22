package org.coproduction.impact.organisation;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An organisation as the platform operator sees it. */
public record OrganisationSummary(UUID id, String name, long people, OffsetDateTime createdAt, @Nullable OffsetDateTime suspendedAt) {

    public boolean suspended() {
        return suspendedAt != null;
    }
}
