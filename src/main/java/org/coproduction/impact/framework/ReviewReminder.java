package org.coproduction.impact.framework;

import java.time.LocalDate;

/** The yearly review is near ({@code daysLeft} from 0 to the notice period) or overdue (negative). */
public record ReviewReminder(LocalDate dueOn, long daysLeft) {

    public boolean overdue() {
        return daysLeft < 0;
    }
}
