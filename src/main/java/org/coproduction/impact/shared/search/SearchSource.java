package org.coproduction.impact.shared.search;

import java.util.List;
import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * A module's part of the organisation search: it finds its own things within the signed-in
 * organisation, for an ADMIN or FACILITATOR, so the search module never reads another module's tables.
 * Words match in PostgreSQL's 'english' configuration (stemmed: "meetings" finds "meeting") or its
 * 'simple' one (exact words, for Welsh, which PostgreSQL cannot stem).
 */
public interface SearchSource {

    /** At most {@code limit} matches for the words {@code q} (never blank), best first. */
    List<SearchHit> search(Tenant tenant, String q, int limit);

    /** SQL that is true when the text {@code expression} matches the query parameter {@code :q}. */
    static String matches(String expression) {
        return "(to_tsvector('english', " + expression + ") @@ websearch_to_tsquery('english', :q)"
                + " or to_tsvector('simple', " + expression + ") @@ websearch_to_tsquery('simple', :q))";
    }

    /** SQL for how well the text {@code expression} matches {@code :q}. */
    static String rank(String expression) {
        return "(ts_rank(to_tsvector('english', " + expression + "), websearch_to_tsquery('english', :q))"
                + " + ts_rank(to_tsvector('simple', " + expression + "), websearch_to_tsquery('simple', :q)))";
    }
}
