package org.coproduction.impact.media;

/** What happened to an upload: stored, or refused with a plain reason (a message key) to show next to the field. */
public sealed interface StoreResult {

    record Stored(MediaFile file) implements StoreResult {}

    record Refused(String messageKey) implements StoreResult {}
}
