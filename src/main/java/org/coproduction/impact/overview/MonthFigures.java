package org.coproduction.impact.overview;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * One month across the projects shown: recorded items, activities, people taking part in them, and
 * counted form answers.
 */
public record MonthFigures(YearMonth month, int items, int activities, int peopleTakingPart, long responses) {

    /** The month as people here read it ("March 2026"). */
    public String label() {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", LocaleContextHolder.getLocale()));
    }

    MonthFigures plus(int moreItems, int moreActivities, int morePeople, long moreResponses) {
        return new MonthFigures(month, items + moreItems, activities + moreActivities, peopleTakingPart + morePeople,
                responses + moreResponses);
    }
}
