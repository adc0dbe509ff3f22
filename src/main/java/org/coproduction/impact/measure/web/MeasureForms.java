package org.coproduction.impact.measure.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The forms of the data pages, as typed. */
public final class MeasureForms {

    private MeasureForms() {}

    /** The data point form as typed; every field arrives as text so nothing typed is lost. */
    public record PointForm(@Nullable String measure, @Nullable String kind, @Nullable String value, @Nullable String observedOnDay,
            @Nullable String observedOnMonth, @Nullable String observedOnYear, @Nullable String note) {

        public PointForm {
            measure = measure == null ? "" : measure;
            kind = kind == null ? "" : kind;
            value = value == null ? "" : value;
            observedOnDay = observedOnDay == null ? "" : observedOnDay;
            observedOnMonth = observedOnMonth == null ? "" : observedOnMonth;
            observedOnYear = observedOnYear == null ? "" : observedOnYear;
            note = note == null ? "" : note;
        }

        public @Nullable LocalDate date() {
            try {
                int y = Integer.parseInt(observedOnYear.strip());
                if (y < 1900) {
                    return null;
                }
                return LocalDate.of(y, Integer.parseInt(observedOnMonth.strip()), Integer.parseInt(observedOnDay.strip()));
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
    }
}
