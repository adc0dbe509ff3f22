package org.coproduction.impact.form;

import java.util.List;

/**
 * One page of a form's responses, newest first.
 *
 * @param responses the responses on this page
 * @param total how many responses match the filters, on every page
 * @param page this page's number, from 1 (1 when nothing matches)
 * @param pages how many pages there are (at least 1)
 * @param size how many responses a full page holds
 * @param more whether more than {@link #LISTED} match ({@code total} is then {@code LISTED}: only the
 *     newest are listed)
 */
public record ResponsePage(List<Response> responses, long total, int page, int pages, int size, boolean more) {

    /**
     * How many of the newest matching responses (or answers) a table pages through. Counting and
     * paging further would read more rows the more a form holds; past this, people choose dates or
     * download everything (the downloads stream every row).
     */
    public static final int LISTED = 10_000;

    public ResponsePage {
        responses = List.copyOf(responses);
    }

    /** Which page to show for a page asked for: the nearest one that exists. */
    static int nearest(long asked, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        return (int) Math.min(Math.max(asked, 1), pages);
    }

    /** The position of the first response on this page among all that match, from 1 (0 when none do). */
    public long first() {
        return responses.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** The position of the last response on this page among all that match. */
    public long last() {
        return responses.isEmpty() ? 0 : first() + responses.size() - 1;
    }
}
