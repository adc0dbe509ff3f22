package org.coproduction.impact.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cursor paging for every list the API returns: items in the order of their id, a page at most
 * {@link #MAX_LIMIT} long, and a {@code next} link whose cursor is opaque (the last id of the page,
 * encoded). The next page starts after that id (keyset), so a row added or removed between two
 * requests never makes another row come twice or be skipped.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** One page of a list, with the address of the next page (absent on the last). */
    record Page<T>(List<T> items, @Nullable String next) {}

    /** A cursor or limit the API cannot read: a 400. */
    static final class BadPageRequest extends RuntimeException {
        BadPageRequest(String message) {
            super(message);
        }
    }

    private Paging() {}

    /** Where a page starts (after this id; absent: the first page) and how many items it holds. */
    record Request(@Nullable UUID after, int size) {

        /** How many rows to read: one more than the page, to know whether there is a next one. */
        int fetch() {
            return size + 1;
        }
    }

    /** The cursor and limit of a request, read and checked (a 400 if they cannot be read). */
    static Request request(@Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1) {
            throw new BadPageRequest("limit must be at least 1");
        }
        size = Math.min(size, MAX_LIMIT);
        UUID after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        return new Request(after, size);
    }

    /**
     * The order of ids PostgreSQL keeps ({@code uuid} compares as 16 unsigned bytes), which is not
     * {@link UUID#compareTo} (signed): the lists cut in memory must use the same order as those cut
     * in SQL, or one cursor would mean different places.
     */
    static final Comparator<UUID> ID_ORDER = (x, y) -> {
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    };

    /**
     * A page of a list read whole (small lists: a project's plan rows, published reports), cut here
     * in the same id order as the database's.
     */
    static <T> Page<T> page(List<T> all, Function<T, UUID> id, @Nullable String cursor, @Nullable Integer limit, String path) {
        Request request = request(cursor, limit);
        UUID after = request.after();
        List<T> rest = all.stream()
                .filter(t -> after == null || ID_ORDER.compare(id.apply(t), after) > 0)
                .sorted(Comparator.comparing(id, ID_ORDER))
                .limit(request.fetch())
                .toList();
        return page(rest, id, request, path);
    }

    /**
     * A page of rows the database read already cut: in id order, after the request's cursor, at most
     * {@link Request#fetch()} of them (one more than the page says there is a next page).
     */
    static <T> Page<T> page(List<T> fetched, Function<T, UUID> id, Request request, String path) {
        int size = request.size();
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = fetched.subList(0, size);
        String next = UriComponentsBuilder.fromPath(path)
                .queryParam("limit", size)
                .queryParam("cursor", encode(id.apply(items.getLast())))
                .build()
                .toUriString();
        return new Page<>(List.copyOf(items), next);
    }

    static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k1:" + id).getBytes(StandardCharsets.UTF_8));
    }

    static UUID decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("k1:")) {
                throw new BadPageRequest("not a cursor from this API");
            }
            return UUID.fromString(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw new BadPageRequest("not a cursor from this API");
        }
    }
}
