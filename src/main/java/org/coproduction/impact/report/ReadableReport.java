package org.coproduction.impact.report;

import java.util.UUID;

/** A published report someone may read, with its latest version (the project's name is in the snapshot). */
public record ReadableReport(UUID projectId, UUID reportId, Publication latest) {

    public String href() {
        return ReportService.base(projectId) + "/" + reportId;
    }
}
