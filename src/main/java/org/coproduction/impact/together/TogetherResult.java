package org.coproduction.impact.together;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What came of a change: saved, refused with a message for one field, or someone else changed it first. */
public sealed interface TogetherResult {

    record Saved(UUID id) implements TogetherResult {}

    record Refused(String field, String messageKey, List<String> args) implements TogetherResult {

        public Refused {
            args = List.copyOf(args);
        }
    }

    record Stale() implements TogetherResult {}

    static Refused refused(String field, String key, Object... args) {
        return new Refused(field, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
