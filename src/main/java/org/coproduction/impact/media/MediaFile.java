package org.coproduction.impact.media;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What is known about a stored file (never its bytes: those are read only when it is served). */
public record MediaFile(UUID id, UUID projectId, String filename, MediaKind kind, String contentType, long size,
        @Nullable String description, boolean published, OffsetDateTime uploadedAt, @Nullable UUID uploadedBy) {

    /** Where the file is served, to those allowed to see it. */
    public String href() {
        return "/media/" + id;
    }

    /** A photo needs a text description (alt text) before it is used in a report. */
    public boolean needsDescription() {
        return kind == MediaKind.PHOTO && (description == null || description.isBlank());
    }

    public boolean isPhoto() {
        return kind == MediaKind.PHOTO;
    }

    /** The message key naming the kind of file, for lists. */
    public String kindKey() {
        return switch (kind) {
            case PHOTO -> "media.kind.photo";
            case AUDIO -> "media.kind.audio";
            case DOCUMENT -> "media.kind.document";
        };
    }

    /** The message key for the file's size: in MB from 1 MB, otherwise in KB. */
    public String sizeKey() {
        return size >= 1024 * 1024 ? "media.size.mb" : "media.size.kb";
    }

    /** The number to show with {@link #sizeKey()}: MB to one decimal place, or whole KB (at least 1). */
    public String sizeAmount() {
        return size >= 1024 * 1024
                ? String.format(java.util.Locale.UK, "%.1f", size / (1024.0 * 1024.0))
                : String.valueOf(Math.max(1, (size + 1023) / 1024));
    }

    /** Where a facilitator adds or changes the description. */
    public String describeHref() {
        return href() + "/description";
    }
}
