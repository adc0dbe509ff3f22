package org.coproduction.impact.report;

import java.util.List;
import java.util.UUID;

/**
 * A published version as it may be shown now: the frozen snapshot with the items about people whose
 * consent no longer covers the report's audience left out ({@code leftOut} counts them; only the
 * facilitator is told), and the list of every published version.
 */
public record ShownReport(UUID projectId, UUID reportId, Publication publication, Snapshot snapshot, int leftOut, List<Version> versions) {

    public ShownReport {
        versions = List.copyOf(versions);
    }

    /** A published version, for the list of versions. */
    public record Version(int number, java.time.OffsetDateTime publishedAt) {}

    public String href() {
        return ReportService.base(projectId) + "/" + reportId;
    }

    public boolean latest() {
        return versions.isEmpty() || versions.getFirst().number() == publication.number();
    }
}
