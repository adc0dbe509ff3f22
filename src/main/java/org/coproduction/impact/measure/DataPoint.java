package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One value of a measure on a date.
 *
 * @param importedFrom the name of the CSV file it was imported from; null when entered by hand
 */
public record DataPoint(UUID id, UUID measureId, BigDecimal value, LocalDate observedOn, @Nullable String note,
        @Nullable String importedFrom, OffsetDateTime createdAt, @Nullable String createdByName) {

    public String valueText(MeasureKind kind) {
        return text(value, kind);
    }

    static String text(BigDecimal value, MeasureKind kind) {
        return Values.plain(value) + (kind == MeasureKind.PERCENTAGE ? "%" : "");
    }
}
