package org.coproduction.impact.together;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Reflections as people's voices for coverage and reports. Each shows a person (its writer), so a use
 * counts only while the writer's consent covers it; a withdrawal takes effect at once.
 */
@Component
class ReflectionEvidence implements CollectedEvidence {

    private final ReflectionRepository reflections;

    ReflectionEvidence(ReflectionRepository reflections) {
        this.reflections = reflections;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return reflections.list(organisation, projectId).stream().filter(r -> !r.archived()).map(ReflectionService::asEvidence).toList();
    }

    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        List<Reflection> current = reflections.list(organisation, projectIds).stream().filter(r -> !r.archived()).toList();
        Map<UUID, List<Reflection>> byProject = CollectedEvidence.byProject(projectIds, current, Reflection::projectId);
        Map<UUID, List<EvidenceItem>> items = new LinkedHashMap<>();
        byProject.forEach((project, list) -> items.put(project, list.stream().map(ReflectionService::asEvidence).toList()));
        return items;
    }
}
