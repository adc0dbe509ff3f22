package org.coproduction.impact.evidence;

import java.util.List;
import java.util.UUID;
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
}
