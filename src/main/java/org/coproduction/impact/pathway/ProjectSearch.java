package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.shared.search.SearchHit;
import org.coproduction.impact.shared.search.SearchSource;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisation search's look into projects (name and summary) and their current outcomes. */
@Component
class ProjectSearch implements SearchSource {

    static final String PROJECT_TEXT = "p.name || ' ' || coalesce(p.name_cy, '') || ' ' || coalesce(p.summary, '') || ' ' || coalesce(p.summary_cy, '')";

    static final String OUTCOME_TEXT = "o.title || ' ' || coalesce(o.how_we_will_know, '')";

    private final JdbcClient jdbc;

    ProjectSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> search(Tenant tenant, String q, int limit) {
        List<SearchHit> hits = new ArrayList<>(jdbc.sql("select p.id, p.name, " + SearchSource.rank(PROJECT_TEXT) + " as rank from project p"
                        + " where p.organisation_id = :org and " + SearchSource.matches(PROJECT_TEXT) + " order by rank desc, p.name limit :limit")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit("search.kind.project", rs.getString("name"), rs.getString("name"), "/projects/" + rs.getObject("id"),
                        rs.getDouble("rank")))
                .list());
        hits.addAll(jdbc.sql("select o.id, o.title, p.id as project_id, p.name, " + SearchSource.rank(OUTCOME_TEXT) + " as rank"
                        + " from outcome o join pathway w on w.id = o.pathway_id and w.organisation_id = o.organisation_id"
                        + " join project p on p.id = w.project_id and p.organisation_id = o.organisation_id"
                        + " where o.organisation_id = :org and o.archived_at is null and " + SearchSource.matches(OUTCOME_TEXT)
                        + " order by rank desc, o.title limit :limit")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit("search.kind.outcome", rs.getString("title"), rs.getString("name"),
                        "/projects/" + rs.getObject("project_id") + "/pathway/outcomes/" + rs.getObject("id"), rs.getDouble("rank")))
                .list());
        return hits;
    }
}
