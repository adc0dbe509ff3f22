package org.coproduction.impact.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations' single sign-on settings, their email domains, and the people waiting for approval. */
@Repository
class SsoRepository {

    /** The settings with the stored (encrypted) client secret, for signing in only. */
    record Stored(SsoSettings settings, String clientSecret) {}

    private final JdbcClient jdbc;

    SsoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(OrganisationId org) {
        return jdbc.sql("""
                        select organisation_id, issuer, client_id, client_secret, passwords_for_staff, first_role, version
                        from sso_settings where organisation_id = :org
                        """)
                .param("org", org.value())
                .query((rs, n) -> stored(rs, domains(org)))
                .optional();
    }

    private static Stored stored(ResultSet rs, List<String> domains) throws SQLException {
        String role = rs.getString("first_role");
        SsoSettings settings = new SsoSettings(
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("issuer"),
                rs.getString("client_id"),
                domains,
                rs.getBoolean("passwords_for_staff"),
                role == null ? null : Role.valueOf(role),
                rs.getInt("version"));
        return new Stored(settings, rs.getString("client_secret"));
    }

    List<String> domains(OrganisationId org) {
        return jdbc.sql("select domain from sso_domain where organisation_id = :org order by domain")
                .param("org", org.value())
                .query(String.class)
                .list();
    }

    /** The organisation, if any, whose single sign-on covers this email domain. */
    Optional<OrganisationId> organisationForDomain(String domain) {
        return jdbc.sql("select d.organisation_id from sso_domain d join sso_settings s on s.organisation_id = d.organisation_id where d.domain = :d")
                .param("d", domain)
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    /** Which of these domains another organisation already uses. */
    List<String> domainsTakenByOthers(OrganisationId org, List<String> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select domain from sso_domain where domain in (:domains) and organisation_id <> :org order by domain")
                .param("domains", domains)
                .param("org", org.value())
                .query(String.class)
                .list();
    }

    /** Saves the settings if nobody changed them since {@code version} was read; a null secret keeps the stored one. */
    boolean save(SsoSettings s, @Nullable String secret, int seenVersion, boolean exists) {
        int changed;
        if (!exists) {
            changed = jdbc.sql("""
                            insert into sso_settings (organisation_id, issuer, client_id, client_secret, passwords_for_staff, first_role)
                            values (:org, :issuer, :client, :secret, :passwords, :role)
                            on conflict (organisation_id) do nothing
                            """)
                    .param("org", s.organisationId().value())
                    .param("issuer", s.issuer())
                    .param("client", s.clientId())
                    .param("secret", secret)
                    .param("passwords", s.passwordsForStaff())
                    .param("role", s.firstRole() == null ? null : s.firstRole().name())
                    .update();
        } else {
            changed = jdbc.sql("""
                            update sso_settings set issuer = :issuer, client_id = :client,
                                client_secret = coalesce(:secret, client_secret), passwords_for_staff = :passwords,
                                first_role = :role, version = version + 1, updated_at = now()
                            where organisation_id = :org and version = :version
                            """)
                    .param("org", s.organisationId().value())
                    .param("issuer", s.issuer())
                    .param("client", s.clientId())
                    .param("secret", secret)
                    .param("passwords", s.passwordsForStaff())
                    .param("role", s.firstRole() == null ? null : s.firstRole().name())
                    .param("version", seenVersion)
                    .update();
        }
        if (changed != 1) {
            return false;
        }
        jdbc.sql("delete from sso_domain where organisation_id = :org").param("org", s.organisationId().value()).update();
        for (String domain : s.domains()) {
            jdbc.sql("insert into sso_domain (domain, organisation_id) values (:d, :org)")
                    .param("d", domain)
                    .param("org", s.organisationId().value())
                    .update();
        }
        return true;
    }

    /** Who set the organisation's settings: ADMIN, OPERATOR or ENVIRONMENT (absent: none set). */
    Optional<String> setBy(OrganisationId org) {
        return jdbc.sql("select set_by from sso_settings where organisation_id = :org")
                .param("org", org.value())
                .query(String.class)
                .optional();
    }

    void setBy(OrganisationId org, String by) {
        jdbc.sql("update sso_settings set set_by = :by where organisation_id = :org")
                .param("org", org.value())
                .param("by", by)
                .update();
    }

    void delete(OrganisationId org) {
        jdbc.sql("delete from sso_domain where organisation_id = :org").param("org", org.value()).update();
        jdbc.sql("delete from sso_settings where organisation_id = :org").param("org", org.value()).update();
    }

    /** Whether any organisation where this person is an ADMIN or FACILITATOR asks its staff to use their work account. */
    boolean passwordsRefusedFor(UserId user) {
        return jdbc.sql("""
                        select count(*) from membership m
                        join sso_settings s on s.organisation_id = m.organisation_id
                        where m.user_id = :user and m.role in ('ADMIN', 'FACILITATOR') and not s.passwords_for_staff
                        """)
                        .param("user", user.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void addWaiting(OrganisationId org, String email, String name) {
        jdbc.sql("""
                        insert into sso_waiting (id, organisation_id, email, display_name)
                        values (:id, :org, :email, :name)
                        on conflict (organisation_id, lower(email)) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("email", email)
                .param("name", name)
                .update();
    }

    List<SsoWaiting> waiting(OrganisationId org) {
        return jdbc.sql("select id, email, display_name, requested_at from sso_waiting where organisation_id = :org order by requested_at, id")
                .param("org", org.value())
                .query(SsoWaiting.class)
                .list();
    }

    /** Takes the waiting person off the list, locking the row so two ADMINs cannot both act on it. */
    Optional<SsoWaiting> take(OrganisationId org, UUID id) {
        Optional<SsoWaiting> found = jdbc.sql("""
                        select id, email, display_name, requested_at from sso_waiting
                        where organisation_id = :org and id = :id for update
                        """)
                .param("org", org.value())
                .param("id", id)
                .query(SsoWaiting.class)
                .optional();
        found.ifPresent(w -> jdbc.sql("delete from sso_waiting where id = :id").param("id", id).update());
        return found;
    }

    Optional<SsoWaiting> findWaiting(OrganisationId org, UUID id) {
        return jdbc.sql("select id, email, display_name, requested_at from sso_waiting where organisation_id = :org and id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(SsoWaiting.class)
                .optional();
    }
}
