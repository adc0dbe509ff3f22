package org.coproduction.impact.measure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Data points as quantitative evidence: one item per measure that has at least one current point,
 * tagged to the measure's outcomes and plan rows, dated with its latest point, holding as many
 * values as the measure has points. Numbers show no one,
 * so they need no consent.
 */
@Component
class MeasureEvidence implements CollectedEvidence {

    private final MeasureRepository measures;

    MeasureEvidence(MeasureRepository measures) {
        this.measures = measures;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return measures.measures(organisation, projectId).stream().filter(MeasureEvidence::shows).map(MeasureEvidence::item).toList();
    }

    /** The measures of all the projects in three statements. */
    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        List<Measure> shown = measures.measures(organisation, projectIds).stream().filter(MeasureEvidence::shows).toList();
        Map<UUID, List<EvidenceItem>> items = new LinkedHashMap<>();
        CollectedEvidence.byProject(projectIds, shown, Measure::projectId)
                .forEach((project, list) -> items.put(project, list.stream().map(MeasureEvidence::item).toList()));
        return items;
    }

    private static boolean shows(Measure m) {
        return m.pointCount() > 0 && m.latestOn() != null;
    }

    private static EvidenceItem item(Measure m) {
        return new EvidenceItem("measure", m.id(), EvidenceType.QUANTITATIVE, "measure.evidence.kind",
                m.name(), m.latestOn(), m.outcomeIds(), m.planRowIds(), false, Set.of(), m.href(),
                (int) Math.min(m.pointCount(), Integer.MAX_VALUE));
    }
}
