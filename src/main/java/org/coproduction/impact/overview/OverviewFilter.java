package org.coproduction.impact.overview;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the overview shows: the months of activity (the last 3, 6, 12 or 24, ending with this one)
 * and which projects (all, or only planned, running or ended ones). Values not offered fall back to
 * the defaults, so a changed address never shows an error page.
 *
 * @param status null: every project
 */
public record OverviewFilter(int months, @Nullable ProjectStatus status) {

    public static final List<Integer> PERIODS = List.of(3, 6, 12, 24);

    public static final int DEFAULT_MONTHS = 12;

    public static OverviewFilter of(@Nullable String months, @Nullable String status) {
        int m = PERIODS.stream().filter(p -> String.valueOf(p).equals(months == null ? "" : months.strip())).findFirst()
                .orElse(DEFAULT_MONTHS);
        ProjectStatus s = Stream.of(ProjectStatus.values()).filter(v -> v.name().equalsIgnoreCase(status == null ? "" : status.strip()))
                .findFirst().orElse(null);
        return new OverviewFilter(m, s);
    }

    public YearMonth first(YearMonth thisMonth) {
        return thisMonth.minusMonths(months - 1L);
    }

    public boolean includes(ProjectStatus projectStatus) {
        return status == null || status == projectStatus;
    }

    /** The filter as query parameters, to keep it on page links and downloads. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("months", String.valueOf(months));
        query.put("status", statusValue());
        return query;
    }

    /** The status as chosen in the form: "all" or the status in lower case. */
    public String statusValue() {
        return status == null ? "all" : status.name().toLowerCase(Locale.ROOT);
    }

    public String queryString() {
        return "months=" + months + "&status=" + statusValue();
    }
}
