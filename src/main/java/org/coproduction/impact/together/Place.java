package org.coproduction.impact.together;

import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.jspecify.annotations.Nullable;

/**
 * What a self-assessment looks at: one project, or the whole organisation ({@code projectId} null).
 * Its name is the caption of each page (in the language {@code nameLang}, when known), and its pages
 * live under {@link #base()}.
 */
public record Place(@Nullable UUID projectId, String name, @Nullable String nameLang) {

    /** Where the organisation's own self-assessment lives. */
    public static final String ORGANISATION = "/self-assessment/organisation";

    public static Place of(Project project) {
        return new Place(project.id(), project.name(), project.nameLang());
    }

    public static Place organisation(String organisationName) {
        return new Place(null, organisationName, null);
    }

    public boolean organisationWide() {
        return projectId == null;
    }

    /** The rounds' page; every round's pages are under it. */
    public String base() {
        return projectId == null ? ORGANISATION : SelfAssessmentService.base(projectId);
    }

    /** Where "Back" goes from the rounds' page: the project, or home. */
    public String back() {
        return projectId == null ? "/" : "/projects/" + projectId;
    }
}
