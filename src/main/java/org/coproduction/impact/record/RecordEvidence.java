package org.coproduction.impact.record;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Activities (quantitative evidence), people's voices and case studies (people's voices) for coverage
 * and reports, each with whether it shows a person and the uses consent allows today.
 */
@Component
class RecordEvidence implements CollectedEvidence {

    private final RecordService records;

    RecordEvidence(RecordService records) {
        this.records = records;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return records.evidence(organisation, projectId);
    }

    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        return records.evidence(organisation, projectIds);
    }
}
