package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A form with the questions of its current version (the one respondents are given).
 *
 * @param projectId null for a form of the whole organisation
 * @param version the optimistic-locking version of the form's settings and questions
 * @param currentVersion the number of the form version respondents get now
 */
public record Form(
        UUID id,
        @Nullable UUID projectId,
        String title,
        @Nullable String intro,
        String token,
        String paperCode,
        FormStatus status,
        @Nullable LocalDate closesOn,
        boolean namedAnswers,
        boolean kioskPinSet,
        int currentVersion,
        List<Question> questions,
        int version,
        @Nullable String templateKey,
        OffsetDateTime updatedAt,
        boolean archived) {

    public Form {
        questions = List.copyOf(questions);
    }

    /** Whether it takes answers today: open, and not past its closing date. */
    public boolean takesAnswers(LocalDate today) {
        return status == FormStatus.OPEN && !archived && (closesOn == null || !today.isAfter(closesOn));
    }

    public String publicPath() {
        return "/r/" + token;
    }

    public String path() {
        return "/forms/" + id;
    }
}
