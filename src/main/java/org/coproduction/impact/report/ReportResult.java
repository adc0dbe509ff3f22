package org.coproduction.impact.report;

import java.util.List;
import java.util.UUID;

/** What came of a change to a report: saved, refused with a message for one field, or someone else saved first. */
public sealed interface ReportResult {

    record Saved(UUID id) implements ReportResult {}

    record Refused(String field, String messageKey, List<String> args) implements ReportResult {

        public Refused {
            args = List.copyOf(args);
        }
    }

    record Stale() implements ReportResult {}

    static Refused refused(String field, String key, Object... args) {
        return new Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
