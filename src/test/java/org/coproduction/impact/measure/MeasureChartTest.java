package org.coproduction.impact.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The columns beside a measure's table: oldest first, as tall as their share of the top value. */
class MeasureChartTest {

    private static DataPoint point(String on, String value) {
        return new DataPoint(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal(value), LocalDate.parse(on), null, null,
                OffsetDateTime.parse("2026-11-01T10:00:00Z"), null);
    }

    @Test
    void columnsRunOldestFirstAndAreAsTallAsTheirShareOfTheLargestValue() {
        MeasureChart chart = MeasureChart.of(List.of(point("2026-03-31", "40"), point("2026-01-06", "10"), point("2026-02-03", "30")),
                MeasureKind.COUNT).orElseThrow();

        assertThat(chart.columns()).extracting(MeasureChart.Column::on)
                .containsExactly(LocalDate.parse("2026-01-06"), LocalDate.parse("2026-02-03"), LocalDate.parse("2026-03-31"));
        assertThat(chart.columns()).extracting(MeasureChart.Column::height).containsExactly(25, 75, 100);
        assertThat(chart.first()).isEqualTo(new MeasureChart.Point(LocalDate.parse("2026-01-06"), "10"));
        assertThat(chart.last()).isEqualTo(new MeasureChart.Point(LocalDate.parse("2026-03-31"), "40"));
        assertThat(chart.x(0)).isEqualTo("5.00");
        assertThat(chart.x(2)).isEqualTo("71.67");
        assertThat(chart.width()).isEqualTo("23.33");
    }

    @Test
    void percentagesAreMeasuredAgainstOneHundred() {
        MeasureChart chart = MeasureChart.of(List.of(point("2026-01-01", "20"), point("2026-02-01", "45.5")), MeasureKind.PERCENTAGE)
                .orElseThrow();
        assertThat(chart.columns()).extracting(MeasureChart.Column::height).containsExactly(20, 46);
        assertThat(chart.last().value()).isEqualTo("45.5%");
    }

    @Test
    void onlyTheLatestValuesAreDrawnAndNothingWhenThereIsNothingToCompare() {
        List<DataPoint> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(point(LocalDate.parse("2024-01-01").plusMonths(i).toString(), String.valueOf(i)));
        }
        MeasureChart chart = MeasureChart.of(many, MeasureKind.COUNT).orElseThrow();
        assertThat(chart.columns()).hasSize(MeasureChart.MOST);
        assertThat(chart.first().value()).isEqualTo("6");

        assertThat(MeasureChart.of(List.of(point("2026-01-01", "5")), MeasureKind.COUNT)).isEmpty();
        assertThat(MeasureChart.of(List.of(point("2026-01-01", "5"), point("2026-02-01", "-2")), MeasureKind.NUMBER)).isEmpty();
        assertThat(MeasureChart.of(List.of(point("2026-01-01", "0"), point("2026-02-01", "0")), MeasureKind.COUNT).orElseThrow()
                .columns()).extracting(MeasureChart.Column::height).containsExactly(0, 0);
    }
}
