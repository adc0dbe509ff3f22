package org.coproduction.impact.form;

import java.util.Map;
import java.util.UUID;

/** How a submission ended. Only {@link Saved} means the answers are in the database. */
public sealed interface SubmitResult {

    /** Saved. {@code again} is true when this submission had already been saved (a double click, a retry): nothing was added. */
    record Saved(UUID responseId, boolean again) implements SubmitResult {}

    /** Some answers are missing or not right: field name to message key. Nothing was saved. */
    record Invalid(Map<String, String> problems) implements SubmitResult {
        public Invalid {
            problems = Map.copyOf(problems);
        }
    }

    /** The form is closed or past its closing date. Nothing was saved. */
    record Closed() implements SubmitResult {}

    /** The half-done form was not found (too old, or from another device). Nothing was saved. */
    record NoDraft() implements SubmitResult {}

    /** The page sent answers to questions the form does not have. Nothing was saved. */
    record UnknownQuestions() implements SubmitResult {}
}
