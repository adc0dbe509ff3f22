package org.coproduction.impact.search;

import java.util.Comparator;
import java.util.List;
import org.coproduction.impact.shared.search.SearchHit;
import org.coproduction.impact.shared.search.SearchSource;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks every module's {@link SearchSource} for its best matches within the signed-in organisation and
 * keeps the best {@value #LIMIT} of them all. Blank words search for nothing.
 */
@Service
public class SearchService {

    public static final int LIMIT = 50;

    /** Longest query taken; the rest is ignored (the box says nothing about it: nobody types more). */
    static final int MAX_QUERY = 200;

    private final List<SearchSource> sources;

    SearchService(List<SearchSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * @param hits the best matches, best first, at most {@link #LIMIT}
     * @param more whether there were more matches than those shown
     */
    public record Results(String q, List<SearchHit> hits, boolean more) {

        public boolean searched() {
            return !q.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Results search(Tenant tenant, String words) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new AccessDeniedException("search is for admins and facilitators");
        }
        String q = words.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        if (q.isEmpty()) {
            return new Results("", List.of(), false);
        }
        String query = q;
        List<SearchHit> all = sources.stream().flatMap(s -> s.search(tenant, query, LIMIT + 1).stream())
                .sorted(Comparator.comparingDouble(SearchHit::rank).reversed().thenComparing(SearchHit::title, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Results(q, all.stream().limit(LIMIT).toList(), all.size() > LIMIT);
    }
}
