package org.coproduction.impact.organisation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone who signed in with their work account for the first time and waits for an ADMIN to give them a role. */
public record SsoWaiting(UUID id, String email, String displayName, OffsetDateTime requestedAt) {}
