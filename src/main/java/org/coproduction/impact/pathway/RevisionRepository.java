package org.coproduction.impact.pathway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kept history of a pathway: one row per saved change, with the whole pathway after it. */
@Repository
class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(OrganisationId org, UUID pathwayId, UserId by, String summary, String snapshotJson) {
        jdbc.sql("""
                        insert into pathway_revision (id, organisation_id, pathway_id, number, created_by, summary, snapshot)
                        values (:id, :org, :pathway,
                                (select coalesce(max(number), 0) + 1 from pathway_revision where pathway_id = :pathway),
                                :by, :summary, cast(:snapshot as jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("by", by.value())
                .param("summary", summary)
                .param("snapshot", snapshotJson)
                .update();
    }

    List<Revision> list(OrganisationId org, UUID pathwayId) {
        return jdbc.sql("""
                        select r.id, r.number, r.created_at, u.display_name as author_name, r.summary
                        from pathway_revision r
                        left join user_account u on u.id = r.created_by
                        where r.organisation_id = :org and r.pathway_id = :pathway
                        order by r.number desc
                        """)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .query(Revision.class)
                .list();
    }

    Optional<String> snapshot(OrganisationId org, UUID pathwayId, int number) {
        return jdbc.sql("""
                        select snapshot::text from pathway_revision
                        where organisation_id = :org and pathway_id = :pathway and number = :number
                        """)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("number", number)
                .query(String.class)
                .optional();
    }

    Optional<Revision> find(OrganisationId org, UUID pathwayId, int number) {
        return jdbc.sql("""
                        select r.id, r.number, r.created_at, u.display_name as author_name, r.summary
                        from pathway_revision r
                        left join user_account u on u.id = r.created_by
                        where r.organisation_id = :org and r.pathway_id = :pathway and r.number = :number
                        """)
                .param("org", org.value())
                .param("pathway", pathwayId)
                .param("number", number)
                .query(Revision.class)
                .optional();
    }
}
