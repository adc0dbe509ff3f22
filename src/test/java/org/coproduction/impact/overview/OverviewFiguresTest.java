package org.coproduction.impact.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.junit.jupiter.api.Test;

/** The overview's small rules, with hand-worked values: project status from dates, the filter, the chart's columns. */
class OverviewFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static Project project(LocalDate startsOn, LocalDate endsOn) {
        return new Project(UUID.randomUUID(), "P", null, startsOn, endsOn, null, null, null, false, 0, List.of(), Project.Words.of("P", null));
    }

    @Test
    void aProjectsStatusIsReadFromItsDays() {
        assertThat(ProjectStatus.of(project(null, null), TODAY)).isEqualTo(ProjectStatus.RUNNING);
        assertThat(ProjectStatus.of(project(TODAY.plusDays(1), null), TODAY)).isEqualTo(ProjectStatus.PLANNED);
        assertThat(ProjectStatus.of(project(TODAY, TODAY), TODAY)).as("the start and end days count as running").isEqualTo(ProjectStatus.RUNNING);
        assertThat(ProjectStatus.of(project(null, TODAY.minusDays(1)), TODAY)).isEqualTo(ProjectStatus.ENDED);
    }

    @Test
    void theFilterTakesOnlyWhatItOffersAndEndsWithThisMonth() {
        OverviewFilter f = OverviewFilter.of(" 3 ", "RUNNING");
        assertThat(f.months()).isEqualTo(3);
        assertThat(f.status()).isEqualTo(ProjectStatus.RUNNING);
        assertThat(f.first(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(f.includes(ProjectStatus.ENDED)).isFalse();
        assertThat(f.queryString()).isEqualTo("months=3&status=running");

        OverviewFilter odd = OverviewFilter.of("7", "sideways");
        assertThat(odd.months()).isEqualTo(OverviewFilter.DEFAULT_MONTHS);
        assertThat(odd.status()).isNull();
        assertThat(odd.includes(ProjectStatus.PLANNED)).isTrue();
        assertThat(odd.query()).containsExactly(java.util.Map.entry("months", "12"), java.util.Map.entry("status", "all"));
        assertThat(OverviewFilter.of(null, null)).isEqualTo(odd);
    }

    @Test
    void theTallestMonthFillsTheChartAndAnEmptyMonthHasNoColumn() {
        List<MonthFigures> months = List.of(
                new MonthFigures(YearMonth.of(2026, 10), 0, 0, 0, 40),
                new MonthFigures(YearMonth.of(2026, 11), 0, 0, 0, 0),
                new MonthFigures(YearMonth.of(2026, 12), 0, 0, 0, 1000));
        MonthChart chart = MonthChart.of(months, MonthFigures::responses);
        assertThat(chart.empty()).isFalse();
        assertThat(chart.height(2)).isEqualTo("100.00");
        assertThat(chart.y(2)).isEqualTo("0.00");
        assertThat(chart.height(0)).isEqualTo("4.00");
        assertThat(chart.height(1)).isEqualTo("0");
        // Three slots of 33.33: columns take seven tenths, starting 0.15 of a slot in.
        assertThat(chart.x(1)).isEqualTo("38.33");
        assertThat(chart.width()).isEqualTo("23.33");
        // A very small month still shows: at least 2 of 100.
        assertThat(MonthChart.of(List.of(months.get(2), new MonthFigures(YearMonth.of(2027, 1), 0, 0, 0, 1)), MonthFigures::responses)
                .height(1)).isEqualTo("2.00");
        assertThat(MonthChart.of(List.of(months.get(1)), MonthFigures::responses).empty()).isTrue();
    }
}
