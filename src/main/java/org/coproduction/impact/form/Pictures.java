package org.coproduction.impact.form;

import java.util.List;

/**
 * The built-in pictures a question's easy-read version can show. They are simple line drawings
 * made for this project (in {@code components/icon.jte}), free to use under the project's open
 * licence, so no outside image library is needed. Each has words for people who cannot see it.
 */
public final class Pictures {

    public static final List<String> ALL = List.of(
            "face-happy", "face-ok", "face-sad", "people", "speech", "star", "heart", "lightbulb", "thumbs-up", "map", "clock",
            "calendar", "book", "home", "question", "check", "change", "learn");

    private Pictures() {}

    public static boolean exists(String name) {
        return ALL.contains(name);
    }

    /** What the picture shows, in words. */
    public static String messageKey(String name) {
        return "form.picture." + name;
    }
}
