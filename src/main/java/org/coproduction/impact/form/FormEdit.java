package org.coproduction.impact.form;

/** How a change to a form ended. Only {@link Saved} changed anything. */
public sealed interface FormEdit {

    /**
     * Saved. {@code newVersion} is true when the change made a new version of the questions because
     * the old one already had answers (which keep that version).
     */
    record Saved(int versionNumber, boolean newVersion) implements FormEdit {}

    /** Someone else saved the form first; nothing was changed. */
    record Stale(Form current) implements FormEdit {}

    /** Not allowed as it stands; a message for the field. */
    record Refused(String field, String messageKey) implements FormEdit {}
}
