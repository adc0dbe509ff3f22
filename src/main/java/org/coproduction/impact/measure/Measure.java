package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something a project counts or measures over time, with its latest value, how many points it has,
 * and the outcomes and plan rows it is evidence for.
 */
public record Measure(UUID id, UUID projectId, String name, MeasureKind kind, int version, long pointCount,
        @Nullable BigDecimal latestValue, @Nullable LocalDate latestOn, Set<UUID> outcomeIds, Set<UUID> planRowIds) {

    public Measure {
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
    }

    /** The latest value as people write it, with a % for a percentage; empty when there is none. */
    public String latestText() {
        return latestValue == null ? "" : DataPoint.text(latestValue, kind);
    }

    public String href() {
        return MeasureService.base(projectId) + "/measures/" + id;
    }
}
