package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person's submitted answers.
 *
 * @param memberId the named member, where the form links answers to people; null when anonymous
 * @param excluded marked as a test or duplicate: kept, but left out of counts and analysis
 */
public record Response(
        UUID id,
        int versionNumber,
        Answers answers,
        Source source,
        @Nullable UUID memberId,
        @Nullable String memberName,
        @Nullable String enteredByName,
        OffsetDateTime submittedAt,
        @Nullable Exclusion excluded) {

    /** Why a response is left out. */
    public enum Exclusion {
        TEST,
        DUPLICATE;

        public String messageKey() {
            return "form.response.excluded." + name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean counted() {
        return excluded == null;
    }
}
