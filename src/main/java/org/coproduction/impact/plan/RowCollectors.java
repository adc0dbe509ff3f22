package org.coproduction.impact.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;

/**
 * Something that collects evidence for plan rows (a feedback form, say), so the plan can show
 * which rows have a way of collecting them already, without the plan knowing the modules that do.
 * Implemented as a Spring bean by each such module.
 */
public interface RowCollectors {

    /** What collects each plan row of the project, keyed by plan row id. Every entry belongs to the organisation. */
    Map<UUID, List<Collector>> collectors(OrganisationId organisation, UUID projectId);

    /** One collector: its name as the organisation wrote it, and where to see it (for those who may). */
    record Collector(String label, String href) {}
}
