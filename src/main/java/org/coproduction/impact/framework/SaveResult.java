package org.coproduction.impact.framework;

/** How saving a section of a draft ended. */
public sealed interface SaveResult {

    record Saved() implements SaveResult {}

    /** Someone else saved this section since it was opened; {@code current} is theirs. Nothing was changed. */
    record Stale(SectionText current) implements SaveResult {}

    /** The version was published meanwhile, so it can no longer change. Nothing was changed. */
    record Published() implements SaveResult {}
}
