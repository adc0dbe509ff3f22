package org.coproduction.impact.overview;

import java.time.LocalDate;
import org.coproduction.impact.pathway.Project;

/**
 * Where a project is in its life, read from its dates (a project has no status of its own): planned
 * before its start day, ended after its end day, running otherwise (also when no dates are given).
 */
public enum ProjectStatus {
    PLANNED,
    RUNNING,
    ENDED;

    public static ProjectStatus of(Project project, LocalDate today) {
        if (project.startsOn() != null && project.startsOn().isAfter(today)) {
            return PLANNED;
        }
        if (project.endsOn() != null && project.endsOn().isBefore(today)) {
            return ENDED;
        }
        return RUNNING;
    }

    public String messageKey() {
        return switch (this) {
            case PLANNED -> "overview.status.planned";
            case RUNNING -> "overview.status.running";
            case ENDED -> "overview.status.ended";
        };
    }
}
