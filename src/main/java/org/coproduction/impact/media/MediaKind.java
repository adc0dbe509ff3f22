package org.coproduction.impact.media;

/** What sort of file a piece of media is, decided from its content. */
public enum MediaKind {
    PHOTO,
    AUDIO,
    DOCUMENT
}
