package org.coproduction.impact.tracker;

import java.util.Locale;

/** Where a task is. Done asks for the evidence that it is done; dropped keeps the task, marked. */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    public String messageKey() {
        return "tracker.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Still to do: counts towards "overdue" when its due date has passed. */
    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
