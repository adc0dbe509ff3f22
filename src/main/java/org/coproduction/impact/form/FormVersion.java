package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One version of a form's questions, with how many responses were given on it. */
public record FormVersion(int number, List<Question> questions, OffsetDateTime createdAt, @Nullable String createdByName, int responses) {

    public FormVersion {
        questions = List.copyOf(questions);
    }
}
