package org.coproduction.impact.report;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * A seam for modules built later (issue 12: reflections and lessons, the co-production
 * self-assessment) to add sections to impact and learning reports, such as "How we worked together"
 * or "Lessons", without this module knowing them. Each bean is asked when a report is previewed and
 * when it is published; what it gives is frozen in the snapshot with the rest. No implementation
 * exists yet. An implementation must give only what the signed-in facilitator's organisation holds
 * for the project, and nothing showing a person without their consent for {@code kind}'s audience.
 */
public interface ReportContribution {

    /** Sections for this report, in order; none when there is nothing to add. */
    List<Snapshot.Contribution> sections(Tenant tenant, UUID projectId, UUID roundId, ReportKind kind);
}
