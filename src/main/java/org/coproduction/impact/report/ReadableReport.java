package org.coproduction.impact.report;

import java.util.UUID;

/** A published report someone may read, with its latest version (the project's name is in the snapshot). */
public record ReadableReport(UUID projectId, UUID reportId, Publication latest) {

    /** The latest version's snapshot in the reader's language (its own words in Welsh where they were given). */
    public Snapshot shown() {
        return latest.snapshot().in(org.coproduction.impact.shared.web.Languages.code());
    }

    public String href() {
        return ReportService.base(projectId) + "/" + reportId;
    }
}
