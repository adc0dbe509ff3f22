package org.coproduction.impact.media;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A sound recording as uploaded with a form (a phone's recorder or a chosen file), for the places
 * that take a spoken version of what a person says: a reflection, a member's view of an outcome.
 * It is stored through {@link MediaService#storeAudio}, which checks it.
 */
public record Recording(String filename, byte[] bytes) {

    /**
     * The recording sent with a form, or null when no file was chosen. An empty or unreadable file
     * that was chosen is passed on empty, for {@link MediaService#storeAudio} to refuse in words.
     */
    public static @Nullable Recording of(@Nullable MultipartFile file) {
        String name = file == null ? null : file.getOriginalFilename();
        if (file == null || (file.isEmpty() && (name == null || name.isBlank()))) {
            return null;
        }
        try {
            return new Recording(name == null ? "" : name, file.getBytes());
        } catch (IOException e) {
            return new Recording(name == null ? "" : name, new byte[0]);
        }
    }
}
