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
 * @param language the language the form was answered in, {@code en} or {@code cy} (issue #13)
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
        @Nullable Exclusion excluded,
        String language) {

    /** Why a response is left out. */
    public enum Exclusion {
        TEST,
        DUPLICATE;

        public String messageKey() {
            return "form.response.excluded." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The name of the language it was answered in, in that language ("English", "Cymraeg"). */
    public String languageMessageKey() {
        return FormLanguage.WELSH.equals(language) ? "respond.language.cy" : "respond.language.en";
    }

    public boolean counted() {
        return excluded == null;
    }
}
