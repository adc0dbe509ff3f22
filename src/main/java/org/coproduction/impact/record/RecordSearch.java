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
 * are left out. The text matches the GIN expression indexes of V0061 exactly, so they are used.
 */
@Component
class RecordSearch implements SearchSource {

    static final String TEXT = "i.title || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.situation, '') || ' '"
            + " || coalesce(i.what_happened, '') || ' ' || coalesce(i.what_changed, '') || ' ' || coalesce(i.own_words, '')";

    private final JdbcClient jdbc;

    RecordSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> search(Tenant tenant, String q, int limit) {
        return jdbc.sql("select i.id, i.kind, i.title, p.id as project_id, p.name, " + SearchSource.rank(TEXT) + " as rank"
                        + " from record_item i join project p on p.id = i.project_id and p.organisation_id = i.organisation_id"
                        + " where i.organisation_id = :org and i.archived_at is null and " + SearchSource.matches(TEXT)
                        + " order by rank desc, i.happened_on desc limit :limit")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit(kindKey(rs.getString("kind")), rs.getString("title"), rs.getString("name"),
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
