package org.coproduction.impact.plan;

import java.util.List;
import java.util.UUID;

/** How a change to a plan ended. Only {@link Saved} changed anything. */
public sealed interface PlanEdit {

    record Saved(UUID rowId) implements PlanEdit {}

    /** Someone else saved the row first; {@code current} is the row as it is now. Nothing was changed. */
    record Stale(PlanRow current) implements PlanEdit {}

    /** Not allowed as it stands (too many rows, a way not in the list...); a message for the field. */
    record Refused(String field, String messageKey, List<String> args) implements PlanEdit {
        public Refused {
            args = List.copyOf(args);
        }

        public Object[] messageArgs() {
            return args.toArray();
        }
    }
}
