package org.coproduction.impact.involvement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReciprocityRepository {

    private final JdbcClient jdbc;

    ReciprocityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Reciprocity.Entry> entries(OrganisationId org, UUID projectId) {
        return jdbc.sql("""
                        select e.id, e.user_id, u.display_name as person_name, e.kind, e.description, e.amount_pence,
                               e.offered_on, e.given_on, e.benefits_advice_offered
                        from reciprocity_entry e
                        join user_account u on u.id = e.user_id
                        where e.organisation_id = :org and e.project_id = :project
                        order by e.offered_on desc, e.created_at desc
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(Reciprocity.Entry.class)
                .list();
    }

    void add(OrganisationId org, UUID projectId, UserId by, UUID userId, ReciprocityKind kind, @Nullable String description,
            @Nullable Long amountPence, LocalDate offeredOn, @Nullable LocalDate givenOn, boolean adviceOffered) {
        jdbc.sql("""
                        insert into reciprocity_entry (id, organisation_id, project_id, user_id, kind, description, amount_pence,
                                                       offered_on, given_on, benefits_advice_offered, recorded_by)
                        values (:id, :org, :project, :user, :kind, :description, :amount, :offered, :given, :advice, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("project", projectId)
                .param("user", userId)
                .param("kind", kind.name())
                .param("description", description)
                .param("amount", amountPence)
                .param("offered", offeredOn)
                .param("given", givenOn)
                .param("advice", adviceOffered)
                .param("by", by.value())
                .update();
    }

    /** Records the day an entry was given; false when there is no such entry in this project. */
    boolean given(OrganisationId org, UUID projectId, UUID entryId, LocalDate givenOn) {
        return jdbc.sql("""
                        update reciprocity_entry set given_on = :given
                        where organisation_id = :org and project_id = :project and id = :id and offered_on <= :given
                        """)
                .param("given", givenOn)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .update() == 1;
    }
}
