package org.coproduction.impact.shared.export;

import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * A module's part of the whole-organisation export: it writes its own tables (and files) for the
 * signed-in organisation, so the export never reads another module's tables. Rows are streamed to the
 * sink as they are read (a JDBC fetch size, never the whole organisation in memory).
 */
public interface OrganisationExportPart {

    /** Writes this module's rows of the organisation's data to the sink. */
    void export(Tenant tenant, ExportSink sink);
}
