package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

    private static final String SELECT = """
            select i.id, i.organisation_id, o.name as organisation_name, i.role, i.kind, i.email, i.invitee_name,
                   i.token, i.code, i.created_at, i.expires_at, i.accepted_at, i.withdrawn_at
            from invitation i
            join organisation o on o.id = i.organisation_id
            """;

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID create(OrganisationId org, UserId by, Invitation.Kind kind, String name, @Nullable String email, Role role, Duration lifetime) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invitation (id, organisation_id, role, kind, email, invitee_name, token, code, created_by, expires_at)
                        values (:id, :org, :role, :kind, :email, :name, :token, :code, :by, now() + make_interval(secs => :secs))
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("role", role.name())
                .param("kind", kind.name())
                .param("email", email)
                .param("name", name)
                .param("token", Tokens.linkToken())
                .param("code", Tokens.shortCode())
                .param("by", by.value())
                .param("secs", (double) lifetime.toSeconds())
                .update();
        return id;
    }

    List<Invitation> all(OrganisationId org) {
        return jdbc.sql(SELECT + " where i.organisation_id = :org order by i.created_at desc")
                .param("org", org.value())
                .query(Invitation.class)
                .list();
    }

    Optional<Invitation> find(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT + " where i.organisation_id = :org and i.id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(Invitation.class)
                .optional();
    }

    Optional<Invitation> findByToken(String token) {
        return jdbc.sql(SELECT + " where i.token = :token").param("token", token).query(Invitation.class).optional();
    }

    /** The organisation an invitation link belongs to, looked up across organisations. */
    Optional<OrganisationId> organisationOfToken(String token) {
        return jdbc.sql("select organisation_id from invitation where token = :token").param("token", token)
                .query(UUID.class).optional().map(OrganisationId::new);
    }

    Optional<Invitation> findByCode(String code) {
        return jdbc.sql(SELECT + " where i.code = :code").param("code", code).query(Invitation.class).optional();
    }

    boolean withdraw(OrganisationId org, UUID id) {
        return jdbc.sql("""
                        update invitation set withdrawn_at = now()
                        where organisation_id = :org and id = :id and accepted_at is null and withdrawn_at is null
                        """)
                        .param("org", org.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Locks the invitation's row while it can still be accepted, so accepting it (and making the
     * account that goes with it) happens once: a second try at the same moment waits here, then
     * finds it taken and gets nothing.
     */
    boolean lockForAcceptance(String token) {
        return jdbc.sql("""
                        select id from invitation
                        where token = :token and accepted_at is null and withdrawn_at is null and expires_at > now()
                        for update
                        """)
                .param("token", token)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** Marks the invitation accepted, once: false if it was accepted, withdrawn or expired first. */
    boolean accept(String token, UserId by) {
        return jdbc.sql("""
                        update invitation set accepted_at = now(), accepted_by = :by
                        where token = :token and accepted_at is null and withdrawn_at is null and expires_at > now()
                        """)
                        .param("by", by.value())
                        .param("token", token)
                        .update()
                == 1;
    }
}
