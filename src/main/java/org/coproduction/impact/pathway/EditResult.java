package org.coproduction.impact.pathway;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How an edit to a pathway ended. */
public sealed interface EditResult {

    /** Saved; {@code itemId} is the item added or changed, if any. */
    record Saved(@Nullable UUID itemId) implements EditResult {}

    /** Someone else saved first; {@code current} is the pathway as it is now. Nothing was changed. */
    record Stale(Pathway current) implements EditResult {}

    /** Not allowed as it stands (too many items, a loop...); a message for the field. Nothing was changed. */
    record Refused(String field, String messageKey, List<String> args) implements EditResult {
        public Refused {
            args = List.copyOf(args);
        }

        public Object[] messageArgs() {
            return args.toArray();
        }
    }
}
