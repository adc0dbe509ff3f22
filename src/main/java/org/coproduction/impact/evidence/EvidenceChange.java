package org.coproduction.impact.evidence;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One saved change to the list, its agreement or a review: what, to which, who and when. */
public record EvidenceChange(Action action, String subject, OffsetDateTime changedAt, @Nullable String changedByName) {

    public enum Action {
        WAY_ADDED,
        WAY_CHANGED,
        WAY_RETIRED,
        WAY_RESTORED,
        LIST_AGREED,
        REVIEW_ADDED,
        REVIEW_CHANGED;

        public String messageKey() {
            return "evidence.history.action." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
