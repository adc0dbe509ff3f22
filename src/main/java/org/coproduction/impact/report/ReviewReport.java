package org.coproduction.impact.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/**
 * An impact or learning report's draft: the closed round it is made from, its audience, the words
 * written for it and the stories chosen ({@code source:id} of evidence items), how many times it
 * has been published, and the title and words in Welsh where they are given (each optional).
 */
public record ReviewReport(UUID id, UUID projectId, UUID roundId, ReportKind kind, String title, ConsentUse audience, ReportWords words,
        List<String> stories, int version, OffsetDateTime updatedAt, int published, @Nullable OffsetDateTime lastPublishedAt,
        @Nullable String titleCy, ReportWords wordsCy) {

    public ReviewReport {
        stories = List.copyOf(stories);
    }

    public String href() {
        return ReportService.base(projectId) + "/" + id;
    }

    public boolean isPublished() {
        return published > 0;
    }
}
