package org.coproduction.impact.form;

import java.util.List;
import org.coproduction.impact.shared.search.SearchHit;
import org.coproduction.impact.shared.search.SearchSource;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisation search's look into form titles (forms of a project and of the whole organisation). */
@Component
class FormSearch implements SearchSource {

    // Unqualified: the only title in the query (and "f.title" alone would read as a message key).
    static final String TEXT = "title";

    private final JdbcClient jdbc;

    FormSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> search(Tenant tenant, String q, int limit) {
        return jdbc.sql("select f.id, f.title, p.name, " + SearchSource.rank(TEXT) + " as rank"
                        + " from form f left join project p on p.id = f.project_id and p.organisation_id = f.organisation_id"
                        + " where f.organisation_id = :org and f.archived_at is null and " + SearchSource.matches(TEXT)
                        + " order by rank desc, f.title limit :limit")
                .param("org", tenant.organisationId().value()).param("q", q).param("limit", limit)
                .query((rs, n) -> new SearchHit("search.kind.form", rs.getString("title"), rs.getString("name"), "/forms/" + rs.getObject("id"),
                        rs.getDouble("rank")))
                .list();
    }
}
