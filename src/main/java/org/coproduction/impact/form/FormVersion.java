package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One version of a form's questions, with how many responses were given on it (counted up to {@link ResponsePage#LISTED} and one). */
public record FormVersion(int number, List<Question> questions, OffsetDateTime createdAt, @Nullable String createdByName, int responses) {

    public FormVersion {
        questions = List.copyOf(questions);
    }

    /** Whether more responses were given on this version than are counted ({@link ResponsePage#LISTED}). */
    public boolean manyResponses() {
        return responses > ResponsePage.LISTED;
    }

    /** The number of responses in words: the number, or "more than 10,000". */
    public String responsesInWords() {
        return manyResponses()
                ? org.coproduction.impact.shared.web.Ui.t("form.versions.more-than", ResponsePage.LISTED)
                : org.coproduction.impact.shared.web.Ui.t("form.versions.number", responses);
    }
}
