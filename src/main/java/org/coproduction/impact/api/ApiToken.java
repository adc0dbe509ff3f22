package org.coproduction.impact.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as its ADMIN sees it: never the token itself, only its first characters. */
public record ApiToken(UUID id, String name, String prefix, List<String> scopes, OffsetDateTime createdAt,
        @Nullable String createdByName, @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime revokedAt) {

    public ApiToken {
        scopes = List.copyOf(scopes);
    }

    public boolean usable(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
