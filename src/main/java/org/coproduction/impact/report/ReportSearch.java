package org.coproduction.impact.report;

import java.util.List;
import org.coproduction.impact.shared.search.SearchHit;
import org.coproduction.impact.shared.search.SearchSource;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisation search's look into the titles of reports published at least once (drafts are left out). */
@Component
class ReportSearch implements SearchSource {

    // Unqualified: the only title in the query (and "r.title" alone would read as a message key).
    static final String TEXT = "title";

    private final JdbcClient jdbc;

    ReportSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> search(Tenant tenant, String q, int limit) {
        return jdbc.sql("select r.id, r.title, p.id as project_id, p.name, " + SearchSource.rank(TEXT) + " as rank"
                        + " from report_review_report r join project p on p.id = r.project_id and p.organisation_id = r.organisation_id"
                        + " where r.organisation_id = :org and " + SearchSource.matches(TEXT)
                        + " and exists (select 1 from report_publication u where u.organisation_id = r.organisation_id and u.report_id = r.id)"
                        + " order by rank desc, r.title limit :limit")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit("search.kind.report", rs.getString("title"), rs.getString("name"),
                        "/projects/" + rs.getObject("project_id") + "/review-reports/" + rs.getObject("id"), rs.getDouble("rank")))
                .list();
    }
}
