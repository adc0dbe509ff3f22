package org.coproduction.impact.evidence;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kept history of the list, its agreement and the reviews. */
@Repository
class HistoryRepository {

    static final int SHOWN = 200;

    private final JdbcClient jdbc;

    HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(OrganisationId org, EvidenceChange.Action action, String subject, @Nullable UUID wayId, @Nullable UUID reviewId, UserId by) {
        jdbc.sql("""
                        insert into evidence_change (id, organisation_id, action, subject, way_id, review_id, changed_by)
                        values (:id, :org, :action, :subject, :way, :review, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("action", action.name())
                .param("subject", subject.length() > 500 ? subject.substring(0, 500) : subject)
                .param("way", wayId)
                .param("review", reviewId)
                .param("by", by.value())
                .update();
    }

    /** The latest changes, newest first; for one way when {@code wayId} is given. */
    List<EvidenceChange> list(OrganisationId org, @Nullable UUID wayId) {
        var spec = jdbc.sql("""
                        select c.action, c.subject, c.changed_at, u.display_name as changed_by_name
                        from evidence_change c
                        left join user_account u on u.id = c.changed_by
                        where c.organisation_id = :org
                        """ + (wayId == null ? "" : " and c.way_id = :way") + """
                         order by c.changed_at desc, c.id desc
                        limit :limit
                        """)
                .param("org", org.value())
                .param("limit", SHOWN);
        if (wayId != null) {
            spec = spec.param("way", wayId);
        }
        return spec.query(EvidenceChange.class).list();
    }
}
