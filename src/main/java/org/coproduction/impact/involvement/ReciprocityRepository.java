package org.coproduction.impact.involvement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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

    private static final String ENTRY = """
            select e.id, e.user_id, u.display_name as person_name, e.kind, e.description, e.amount_pence,
                   e.offered_on, e.given_on, e.benefits_advice_offered, e.version
            from reciprocity_entry e
            join user_account u on u.id = e.user_id
            """;

    /** The project's ledger: every entry not removed. */
    List<Reciprocity.Entry> entries(OrganisationId org, UUID projectId) {
        return jdbc.sql(ENTRY + """
                        where e.organisation_id = :org and e.project_id = :project and e.removed_at is null
                        order by e.offered_on desc, e.created_at desc
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(Reciprocity.Entry.class)
                .list();
    }

    /** One entry of the project's ledger, if it is there and not removed. */
    Optional<Reciprocity.Entry> entry(OrganisationId org, UUID projectId, UUID entryId) {
        return jdbc.sql(ENTRY + " where e.organisation_id = :org and e.project_id = :project and e.id = :id and e.removed_at is null")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .query(Reciprocity.Entry.class)
                .optional();
    }

    /** The entry's earlier versions, newest first. */
    List<Reciprocity.Change> changes(OrganisationId org, UUID entryId) {
        return jdbc.sql("""
                        select c.entry_id, c.user_id, u.display_name as person_name, c.kind, c.description, c.amount_pence, c.offered_on,
                               c.given_on, c.benefits_advice_offered, c.action, c.changed_at, b.display_name as changed_by_name
                        from reciprocity_entry_change c
                        join user_account u on u.id = c.user_id
                        left join user_account b on b.id = c.changed_by
                        where c.organisation_id = :org and c.entry_id = :entry
                        order by c.changed_at desc, c.id
                        """)
                .param("org", org.value())
                .param("entry", entryId)
                .query((rs, n) -> new Reciprocity.Change("REMOVED".equals(rs.getString("action")), rs.getString("changed_by_name"),
                        rs.getObject("changed_at", OffsetDateTime.class),
                        new Reciprocity.Entry(rs.getObject("entry_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("person_name"),
                                ReciprocityKind.valueOf(rs.getString("kind")), rs.getString("description"),
                                rs.getObject("amount_pence", Long.class), rs.getObject("offered_on", LocalDate.class),
                                rs.getObject("given_on", LocalDate.class), rs.getBoolean("benefits_advice_offered"), -1)))
                .list();
    }

    /**
     * Copies the entry as it is into its history, if it is still at {@code version} and not removed
     * (locking it until the transaction ends); false when it is not (changed meanwhile, or gone).
     */
    private boolean keepHistory(OrganisationId org, UUID projectId, UUID entryId, int version, String action, UserId by) {
        return jdbc.sql("""
                        insert into reciprocity_entry_change (id, organisation_id, entry_id, action, changed_by, user_id, kind, description,
                                                              amount_pence, offered_on, given_on, benefits_advice_offered)
                        select :change, e.organisation_id, e.id, :action, :by, e.user_id, e.kind, e.description, e.amount_pence, e.offered_on,
                               e.given_on, e.benefits_advice_offered
                        from reciprocity_entry e
                        where e.organisation_id = :org and e.project_id = :project and e.id = :id and e.version = :version
                          and e.removed_at is null
                        for update
                        """)
                .param("change", UUID.randomUUID())
                .param("action", action)
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .param("version", version)
                .update() == 1;
    }

    /** Changes an entry seen at {@code version}, keeping it as it was in its history; false when it changed meanwhile or is gone. */
    boolean change(OrganisationId org, UUID projectId, UUID entryId, int version, UserId by, UUID userId, ReciprocityKind kind,
            @Nullable String description, @Nullable Long amountPence, LocalDate offeredOn, @Nullable LocalDate givenOn, boolean adviceOffered) {
        if (!keepHistory(org, projectId, entryId, version, "CHANGED", by)) {
            return false;
        }
        return jdbc.sql("""
                        update reciprocity_entry
                        set user_id = :user, kind = :kind, description = :description, amount_pence = :amount, offered_on = :offered,
                            given_on = :given, benefits_advice_offered = :advice, version = version + 1
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                        """)
                .param("user", userId)
                .param("kind", kind.name())
                .param("description", description)
                .param("amount", amountPence)
                .param("offered", offeredOn)
                .param("given", givenOn)
                .param("advice", adviceOffered)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .param("version", version)
                .update() == 1;
    }

    /** Takes an entry seen at {@code version} out of the ledger, keeping it and its history; false when it changed meanwhile or is gone. */
    boolean remove(OrganisationId org, UUID projectId, UUID entryId, int version, UserId by) {
        if (!keepHistory(org, projectId, entryId, version, "REMOVED", by)) {
            return false;
        }
        return jdbc.sql("""
                        update reciprocity_entry set removed_at = clock_timestamp(), removed_by = :by, version = version + 1
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                        """)
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .param("version", version)
                .update() == 1;
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
                        update reciprocity_entry set given_on = :given, version = version + 1
                        where organisation_id = :org and project_id = :project and id = :id and offered_on <= :given
                          and removed_at is null
                        """)
                .param("given", givenOn)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", entryId)
                .update() == 1;
    }
}
