package org.coproduction.impact.together;

import java.util.List;

/** One page of lessons found across the organisation, and how many there are in all. */
public record LessonSearch(List<Lesson> lessons, long total, int page, int pages) {

    public static final int PAGE_SIZE = 20;

    public LessonSearch {
        lessons = List.copyOf(lessons);
    }
}
