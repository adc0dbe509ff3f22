package org.coproduction.impact.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.coproduction.impact.shared.tenancy.OrganisationId;

/**
 * Evidence a module has collected for a project: form answers, recorded activities, people's voices,
 * data points, completed tasks, progress reports. Each module that collects evidence implements this;
 * the project's evidence coverage (per outcome, per type of evidence, against the plan) and reports
 * read every implementation, so no module needs to know the others.
 */
public interface CollectedEvidence {

    /** Every current (not removed, not excluded) item of evidence the module holds for the project. */
    List<EvidenceItem> items(OrganisationId organisation, UUID projectId);

    /**
     * The same for several projects at once, by project (each one asked for is there, with no items if
     * it has none): for a page that shows many projects, as the overview does. A module that can read
     * them in one statement, instead of one set of statements a project, says so by overriding this.
     */
    default Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        Map<UUID, List<EvidenceItem>> byProject = new LinkedHashMap<>();
        for (UUID projectId : projectIds) {
            byProject.put(projectId, items(organisation, projectId));
        }
        return byProject;
    }

    /** Groups items made for several projects by their project, every project asked for present. */
    static <T> Map<UUID, List<T>> byProject(Collection<UUID> projectIds, Collection<T> things, Function<T, UUID> projectOf) {
        Map<UUID, List<T>> byProject = new LinkedHashMap<>();
        projectIds.forEach(id -> byProject.put(id, new ArrayList<>()));
        for (T t : things) {
            List<T> list = byProject.get(projectOf.apply(t));
            if (list != null) {
                list.add(t);
            }
        }
        return byProject;
    }
}
