package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.List;

/**
 * What a project learned in a period, for the learning report: its lessons, and the reflections
 * whose writers agreed to their use for learning (consent applied when this is read).
 */
public record Learning(LocalDate from, LocalDate to, List<Lesson> lessons, List<Reflection> reflections) {

    public Learning {
        lessons = List.copyOf(lessons);
        reflections = List.copyOf(reflections);
    }
}
