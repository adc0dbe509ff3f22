package org.coproduction.impact.organisation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's account, as stored. */
record Account(UUID id, String username, @Nullable String email, String displayName, String passwordHash, boolean easyRead, @Nullable String language) {}
