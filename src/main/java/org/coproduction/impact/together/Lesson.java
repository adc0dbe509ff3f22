package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lesson a project learned: the lesson, the evidence behind it (in words, and reflections), the
 * change it led to and whether that change was made.
 */
public record Lesson(
        UUID id,
        UUID projectId,
        String projectName,
        String lesson,
        @Nullable String evidence,
        @Nullable String change,
        boolean changeMade,
        LocalDate learnedOn,
        List<String> themes,
        List<UUID> reflectionIds,
        int version) {

    public Lesson {
        themes = List.copyOf(themes);
        reflectionIds = List.copyOf(reflectionIds);
    }
}
