package org.coproduction.impact.organisation;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Role;
import org.jspecify.annotations.Nullable;

/** Someone in an organisation, with their role there. {@code id} is the membership's id. */
public record Person(
        UUID id, UUID userId, String displayName, String username, @Nullable String email, Role role, int version, OffsetDateTime joinedAt) {}
