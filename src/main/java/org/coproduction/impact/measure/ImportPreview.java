package org.coproduction.impact.measure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a CSV file will import: how many rows for each measure, and every row that will not be
 * imported with the reason. Nothing is stored as data points until it is confirmed.
 */
public record ImportPreview(UUID id, UUID projectId, String filename, int rowCount, int rejectedCount, List<MeasureRows> measures,
        List<RejectedRow> rejected, @Nullable OffsetDateTime confirmedAt, List<FirstValue> firstValues) {

    public ImportPreview {
        measures = List.copyOf(measures);
        rejected = List.copyOf(rejected);
        firstValues = List.copyOf(firstValues);
    }

    /** How many rows go to one measure, and whether the measure is new. */
    public record MeasureRows(String name, long rows, boolean isNew) {}

    /** One of the first values the file gives a measure, as read, so a typing mistake shows before importing. */
    public record FirstValue(String measure, int line, java.time.LocalDate on, java.math.BigDecimal value) {}

    /** The first values of each measure (up to {@link #FIRST_VALUES}), in the order of the file. */
    public static final int FIRST_VALUES = 3;

    public List<FirstValue> firstValuesOf(MeasureRows measure) {
        return firstValues.stream().filter(v -> v.measure().equalsIgnoreCase(measure.name())).toList();
    }

    /** Whether any measure in the file is new: a new measure is not evidence for anything until it is linked. */
    public boolean anyNew() {
        return measures.stream().anyMatch(MeasureRows::isNew);
    }

    /** A row that will not be imported: its line in the file and the reason (a message key with one detail). */
    public record RejectedRow(int line, String reasonKey, @Nullable String detail) {}

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public String href() {
        return MeasureService.base(projectId) + "/imports/" + id;
    }
}
