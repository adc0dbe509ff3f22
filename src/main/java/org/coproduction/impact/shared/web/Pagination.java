package org.coproduction.impact.shared.web;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The links of GOV.UK's pagination component ({@code components/pagination.jte}): Previous, Next,
 * the first and last page, the current page and its neighbours, with gaps ("⋯") between. Every
 * link keeps the page's other query parameters (its filters), so moving between pages never
 * loses them.
 *
 * @param page the page shown, from 1
 * @param pages how many pages there are
 * @param path the page's address without a query
 * @param query the other query parameters to keep, in order; empty values are left out
 */
public record Pagination(int page, int pages, String path, Map<String, String> query) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,1000}");

    public Pagination {
        query = new LinkedHashMap<>(query);
    }

    /** One entry of the numbered list: a page, or a gap between page numbers. */
    public record Item(int number, boolean gap) {}

    /**
     * The page asked for in a query parameter: a number as given (too large for a {@code long}
     * means "the last"), anything else the first page. The caller clamps it to the pages there are.
     */
    public static long requested(@Nullable String page) {
        if (page == null || !NUMBER.matcher(page.strip()).matches()) {
            return 1;
        }
        BigInteger asked = new BigInteger(page.strip());
        if (asked.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return asked.compareTo(BigInteger.ONE) < 0 ? 1 : asked.longValueExact();
    }

    /** Worth showing only when there is more than one page. */
    public boolean shown() {
        return pages > 1;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The first, the last, this page and the one either side of it, with a gap wherever numbers are skipped. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                if (n > last + 1) {
                    items.add(new Item(0, true));
                }
                items.add(new Item(n, false));
                last = n;
            }
        }
        return items;
    }

    /** The address of a page, with the other query parameters kept. */
    public String href(int number) {
        StringBuilder href = new StringBuilder(path).append('?');
        query.forEach((name, value) -> {
            if (!value.isBlank()) {
                href.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        return href.append("page=").append(number).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
