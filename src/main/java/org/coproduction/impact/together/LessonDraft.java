package org.coproduction.impact.together;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A lesson as a facilitator writes it; empty evidence or change means none given. */
public record LessonDraft(String lesson, String evidence, String change, boolean changeMade, List<String> themes, Set<UUID> reflectionIds) {

    public LessonDraft {
        themes = List.copyOf(themes);
        reflectionIds = Set.copyOf(reflectionIds);
    }
}
