package org.coproduction.impact.shared.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names for downloaded files made from words people wrote (a project's name, a form's title): every
 * letter kept, of any language ("café-noël", not "caf-no-l"), words joined by hyphens, lower case.
 * Sent with {@code ContentDisposition...filename(name, UTF_8)}, so the browser gets them whole.
 */
public final class FileNames {

    private FileNames() {}

    /** The words as a file name part, or {@code fallback} when they have no letter or digit. */
    public static String slug(String words, String fallback) {
        String name = Normalizer.normalize(words, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT);
        return name.isEmpty() ? fallback : name;
    }
}
