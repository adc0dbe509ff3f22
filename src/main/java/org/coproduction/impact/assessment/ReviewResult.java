package org.coproduction.impact.assessment;

import java.util.List;
import java.util.UUID;

/** What came of a change: saved, refused with a message for one field, or someone else saved first. */
public sealed interface ReviewResult {

    record Saved(UUID id) implements ReviewResult {}

    record Refused(String field, String messageKey, List<String> args) implements ReviewResult {

        public Refused {
            args = List.copyOf(args);
        }
    }

    record Stale() implements ReviewResult {}

    static Refused refused(String field, String key, Object... args) {
        return new Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
