package org.coproduction.impact.involvement;

import java.util.List;

/**
 * What a group of people (an activity's attendance, a project's members) need, counted in words:
 * "2 people need step-free access". Names are there only for those allowed to read them (the
 * project's facilitator and ADMINs); otherwise each list of names is empty.
 */
public record AccessSummary(List<Line> lines, boolean named) {

    public AccessSummary {
        lines = List.copyOf(lines);
    }

    /** One need: its counting message key, how many need it, and who (when allowed). */
    public record Line(String countKey, int count, List<String> names) {

        public Line {
            names = List.copyOf(names);
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
