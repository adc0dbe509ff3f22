package org.coproduction.impact.pathway;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An 'I' or 'We' statement, usually linked to the outcome it describes. */
public record Statement(UUID id, StatementKind kind, String text, @Nullable UUID outcomeId, int position, boolean archived) {}
