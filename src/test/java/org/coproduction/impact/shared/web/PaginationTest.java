package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page links GOV.UK's pagination shows, and the page asked for in a query parameter. */
class PaginationTest {

    private static String shown(Pagination p) {
        return String.join(" ", p.items().stream().map(i -> i.gap() ? "…" : String.valueOf(i.number())).toList());
    }

    @Test
    void theFirstTheLastThisPageAndItsNeighboursWithGapsBetween() {
        assertThat(shown(new Pagination(1, 1, "/x", Map.of()))).isEqualTo("1");
        assertThat(new Pagination(1, 1, "/x", Map.of()).shown()).isFalse();
        assertThat(shown(new Pagination(1, 2, "/x", Map.of()))).isEqualTo("1 2");
        assertThat(shown(new Pagination(1, 10, "/x", Map.of()))).isEqualTo("1 2 … 10");
        assertThat(shown(new Pagination(3, 10, "/x", Map.of()))).isEqualTo("1 2 3 4 … 10");
        assertThat(shown(new Pagination(5, 10, "/x", Map.of()))).isEqualTo("1 … 4 5 6 … 10");
        assertThat(shown(new Pagination(10, 10, "/x", Map.of()))).isEqualTo("1 … 9 10");
        assertThat(new Pagination(10, 10, "/x", Map.of()).hasNext()).isFalse();
        assertThat(new Pagination(10, 10, "/x", Map.of()).hasPrevious()).isTrue();
    }

    @Test
    void everyLinkKeepsTheOtherParametersEncodedAndLeavesOutEmptyOnes() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("version", "");
        query.put("q", "tea & cake");
        query.put("fromDay", "1");
        assertThat(new Pagination(1, 3, "/forms/a/responses", query).href(2)).isEqualTo("/forms/a/responses?q=tea+%26+cake&fromDay=1&page=2");
        assertThat(new Pagination(1, 3, "/forms/a/responses", Map.of()).href(3)).isEqualTo("/forms/a/responses?page=3");
    }

    @Test
    void aPageAskedForThatIsNotANumberIsTheFirstAndOneTooLargeToReadIsTheLast() {
        for (String first : List.of("abc", "", " ", "0", "-7", "1.5", "1e3", "²")) {
            assertThat(Pagination.requested(first)).as(first).isEqualTo(1);
        }
        assertThat(Pagination.requested(null)).isEqualTo(1);
        assertThat(Pagination.requested(" 12 ")).isEqualTo(12);
        assertThat(Pagination.requested("99999999999999999999999")).isEqualTo(Long.MAX_VALUE);
    }
}
