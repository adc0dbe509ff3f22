package org.coproduction.impact.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A review round on a project: its title ("Review, March 2027"), its day, the period its evidence is
 * read from, and the outcomes it looks at, in order.
 *
 * @param periodFrom the first day of evidence read for it; null: from the start
 */
public record ReviewRound(UUID id, UUID projectId, String title, LocalDate reviewOn, @Nullable LocalDate periodFrom,
        RoundStatus status, int version, List<UUID> outcomeIds, OffsetDateTime createdAt, @Nullable OffsetDateTime closedAt) {

    public ReviewRound {
        outcomeIds = List.copyOf(outcomeIds);
    }

    public boolean open() {
        return status == RoundStatus.OPEN;
    }

    public boolean looksAt(UUID outcomeId) {
        return outcomeIds.contains(outcomeId);
    }

    public String href() {
        return ReviewService.base(projectId) + "/" + id;
    }
}
