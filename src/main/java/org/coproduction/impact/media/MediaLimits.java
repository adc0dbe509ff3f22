package org.coproduction.impact.media;

/** How big things may be. */
public final class MediaLimits {

    /** Largest file accepted: 10 MB. The multipart limit in application.yml is a little higher so the plain message can be shown. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** Largest photo, in pixels, that is decoded to remove its metadata (about 40 megapixels). */
    public static final long MAX_PIXELS = 40_000_000L;

    public static final int DESCRIPTION = 500;

    public static final int FILENAME = 200;

    /** The file input's {@code accept} list: a hint to the browser only; the content is what is checked. */
    public static final String ACCEPT = ".jpg,.jpeg,.png,.mp3,.m4a,.wav,.ogg,.pdf,.docx,.xlsx,.pptx,.odt,.txt,.csv";

    private MediaLimits() {}
}
