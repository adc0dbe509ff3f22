package org.coproduction.impact.record;

import java.util.List;
import java.util.UUID;

/** How a change to recorded evidence ended. Only {@link Saved} changed anything. */
public sealed interface RecordEdit {

    record Saved(UUID id) implements RecordEdit {}

    /** Someone else changed the item first. Nothing was changed. */
    record Stale() implements RecordEdit {}

    /** Not allowed as it stands; a message for the field. Nothing was changed. */
    record Refused(String field, String messageKey, List<String> args) implements RecordEdit {
        public Refused {
            args = List.copyOf(args);
        }

        public Object[] messageArgs() {
            return args.toArray();
        }
    }
}
