package org.coproduction.impact.api;

import java.util.UUID;

/** A token just made: {@code secret} is shown to the ADMIN this once and kept nowhere. */
public record NewToken(UUID id, String secret) {}
