package org.coproduction.impact.form;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An XLSForm file read and waiting to be confirmed: the form it will make and everything it could not
 * bring in. {@code formId} is set once confirmed (a second confirmation makes nothing).
 */
public record XlsFormImport(UUID id, @Nullable UUID projectId, String filename, String title, @Nullable String titleCy,
        @Nullable String intro, @Nullable String introCy, List<Question> questions, List<XlsForm.NotTaken> notTaken,
        @Nullable UUID formId) {

    public XlsFormImport {
        questions = List.copyOf(questions);
        notTaken = List.copyOf(notTaken);
    }

    public boolean confirmed() {
        return formId != null;
    }

    /** Whether any of the form's words are in Welsh. */
    public boolean hasWelsh() {
        return titleCy != null || introCy != null || questions.stream().anyMatch(Question::hasWelsh);
    }
}
