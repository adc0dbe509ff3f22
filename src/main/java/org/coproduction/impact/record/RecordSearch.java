package org.coproduction.impact.record;

import java.util.List;
import org.coproduction.impact.shared.search.SearchHit;
import org.coproduction.impact.shared.search.SearchSource;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation search's look into recorded items: the titles and words of activities, voices and
 * case studies. Only ADMINs and FACILITATORs search, and they see every item of their organisation (as
 * {@link RecordService} allows), so consent and publication do not narrow it; removed (archived) items
 * are left out. The statement lives in the security definer function {@code record_item_search} of
 * V0081, so that the GIN expression indexes of V0061 are used despite row-level security (the text match
 * is not leakproof, so under the policy the planner would scan every item of the organisation); the
 * function takes the organisation from the connection's setting only and returns at most 51 rows.
 * The function's text is exactly the expression of the indexes (change them together).
 */
@Component
class RecordSearch implements SearchSource {

    private final JdbcClient jdbc;

    RecordSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> search(Tenant tenant, String q, int limit) {
        // The function (V0081) reads the organisation from the connection's row-level security setting only;
        // the tenant's organisation is checked again here, so each wall stands without the other.
        return jdbc.sql("select s.id, s.kind, s.title, s.project_id, s.project_name, s.rank from record_item_search(:q, :limit) s"
                        + " where s.organisation_id = :org order by s.rank desc, s.happened_on desc")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit(kindKey(rs.getString("kind")), rs.getString("title"), rs.getString("project_name"),
                        "/projects/" + rs.getObject("project_id") + "/recorded/items/" + rs.getObject("id"), rs.getDouble("rank")))
                .list();
    }

    private static String kindKey(String kind) {
        return switch (kind) {
            case "ACTIVITY" -> "search.kind.activity";
            case "CASE_STUDY" -> "search.kind.case-study";
            default -> "search.kind.voice";
        };
    }
}
