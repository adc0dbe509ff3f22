package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A half-done response, kept on the server for the device holding its token. The token is also the
 * one-time submission token: submitting it twice saves one response.
 */
public record Draft(String token, UUID formId, int versionNumber, Answers answers, Source source, @Nullable UUID memberId,
        OffsetDateTime updatedAt) {}
