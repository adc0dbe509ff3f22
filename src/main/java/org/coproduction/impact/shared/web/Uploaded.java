package org.coproduction.impact.shared.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file sent with an upload form (a field named {@code file}), checked the same way on every import
 * page: none chosen, or larger than the page takes, gives the page's own message beside the field.
 */
public sealed interface Uploaded {

    /** The file as sent: its name (empty when the browser sent none) and its bytes. */
    record Chosen(String filename, byte[] bytes) implements Uploaded {}

    /** Why the file cannot be taken, beside the {@code file} field. */
    record Problem(FormErrors errors) implements Uploaded {}

    static Uploaded check(@Nullable MultipartFile file, long maxBytes, String noFileKey, String tooBigKey) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        if (file == null || (file.isEmpty() && (name == null || name.isBlank()))) {
            return new Problem(FormErrors.single("file", Ui.t(noFileKey)));
        }
        if (file.getSize() > maxBytes) {
            return new Problem(FormErrors.single("file", Ui.t(tooBigKey)));
        }
        return new Chosen(name == null ? "" : name, file.getBytes());
    }
}
