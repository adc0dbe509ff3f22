package org.coproduction.impact.framework.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** The next review date as typed in GOV.UK's three boxes (nextReviewDay, nextReviewMonth, nextReviewYear). */
public record ReviewDateForm(@Nullable String nextReviewDay, @Nullable String nextReviewMonth, @Nullable String nextReviewYear) {

    /** The furthest ahead a review can be put off: the framework is reviewed every year. */
    static final int MAX_YEARS_AHEAD = 2;

    static ReviewDateForm of(LocalDate date) {
        return new ReviewDateForm(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    /** The date, or errors saying what to fix. */
    record Checked(@Nullable LocalDate date, FormErrors errors) {}

    Checked check(LocalDate today) {
        if (blank(nextReviewDay) && blank(nextReviewMonth) && blank(nextReviewYear)) {
            return error(Ui.t("framework.review.required"));
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(nextReviewYear.strip()), Integer.parseInt(nextReviewMonth.strip()),
                    Integer.parseInt(nextReviewDay.strip()));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return error(Ui.t("framework.review.invalid"));
        }
        if (date.isBefore(today)) {
            return error(Ui.t("framework.review.past"));
        }
        if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            return error(Ui.t("framework.review.too-far", MAX_YEARS_AHEAD));
        }
        return new Checked(date, FormErrors.none());
    }

    private static Checked error(String message) {
        return new Checked(null, FormErrors.single("nextReview", message));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
