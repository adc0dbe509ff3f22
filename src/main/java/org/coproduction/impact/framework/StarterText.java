package org.coproduction.impact.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.coproduction.impact.shared.web.Languages;

/**
 * The text a new organisation's first draft starts from: sensible definitions and a first go at
 * every section, in our own words after SCIE's approach, for the organisation to make its own.
 * Kept as Markdown files under {@code framework/starter/} so they read (and translate) as documents;
 * the Welsh ones, with the same names, under {@code framework/starter/cy/}. A draft starts in the
 * language of the person whose visit creates it ({@link Languages}).
 */
final class StarterText {

    private static final String FOLDER = "/framework/starter/";

    private StarterText() {}

    static String body(Section section, String organisation) {
        return read(section.slug() + ".md", organisation);
    }

    static String easyRead(Section section, String organisation) {
        return read(section.slug() + ".easy-read.txt", organisation);
    }

    private static String read(String name, String organisation) {
        String path = FOLDER + (Languages.welsh() ? "cy/" : "") + name;
        try (InputStream in = StarterText.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("starter text missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("{organisation}", organisation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
