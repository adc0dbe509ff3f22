package org.coproduction.impact.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Membership;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations and memberships. Every query about people takes the organisation. */
@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrganisationId create(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, name) values (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
        return new OrganisationId(id);
    }

    Optional<String> nameOf(OrganisationId org) {
        return jdbc.sql("select name from organisation where id = :id")
                .param("id", org.value())
                .query(String.class)
                .optional();
    }

    Optional<OrganisationId> findByName(String name) {
        return jdbc.sql("select id from organisation where name = :name order by created_at limit 1")
                .param("name", name)
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    List<OrganisationSummary> all() {
        return jdbc.sql("""
                        select o.id, o.name, count(m.id) as people, o.created_at, o.suspended_at
                        from organisation o
                        left join membership m on m.organisation_id = o.id
                        group by o.id
                        order by o.name
                        """)
                .query(OrganisationSummary.class)
                .list();
    }

    boolean setSuspended(OrganisationId org, boolean suspended) {
        return jdbc.sql("update organisation set suspended_at = case when :s then now() else null end where id = :id")
                        .param("s", suspended)
                        .param("id", org.value())
                        .update()
                == 1;
    }

    void addMember(OrganisationId org, UserId user, Role role) {
        jdbc.sql("""
                        insert into membership (id, organisation_id, user_id, role)
                        values (:id, :org, :user, :role)
                        on conflict (organisation_id, user_id) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("user", user.value())
                .param("role", role.name())
                .update();
    }

    String wordsLanguage(OrganisationId org) {
        return jdbc.sql("select words_language from organisation where id = :id").param("id", org.value())
                .query(String.class).optional().orElse("en");
    }

    void setWordsLanguage(OrganisationId org, String language) {
        jdbc.sql("update organisation set words_language = :language where id = :id")
                .param("language", language).param("id", org.value()).update();
    }

    List<Membership> membershipsOf(UserId user) {
        return jdbc.sql("""
                        select o.id, o.name, m.role, o.suspended_at is not null as suspended, o.words_language
                        from membership m
                        join organisation o on o.id = m.organisation_id
                        where m.user_id = :user
                        order by o.name, o.id
                        """)
                .param("user", user.value())
                .query((rs, n) -> new Membership(
                        new OrganisationId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4),
                        rs.getString(5)))
                .list();
    }

    private static final String PERSON = """
            select m.id, u.id as user_id, u.display_name, u.username, u.email, m.role, m.version, m.created_at as joined_at
            from membership m
            join user_account u on u.id = m.user_id
            """;

    List<Person> people(OrganisationId org) {
        return jdbc.sql(PERSON + " where m.organisation_id = :org order by lower(u.display_name), u.id")
                .param("org", org.value())
                .query(Person.class)
                .list();
    }

    Optional<Person> person(OrganisationId org, UUID membershipId) {
        return jdbc.sql(PERSON + " where m.organisation_id = :org and m.id = :id")
                .param("org", org.value())
                .param("id", membershipId)
                .query(Person.class)
                .optional();
    }

    /** Changes a role if nobody changed it since {@code version} was read. */
    boolean changeRole(OrganisationId org, UUID membershipId, Role role, int version) {
        return jdbc.sql("""
                        update membership set role = :role, version = version + 1
                        where organisation_id = :org and id = :id and version = :version
                        """)
                        .param("role", role.name())
                        .param("org", org.value())
                        .param("id", membershipId)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean remove(OrganisationId org, UUID membershipId) {
        return jdbc.sql("delete from membership where organisation_id = :org and id = :id")
                        .param("org", org.value())
                        .param("id", membershipId)
                        .update()
                == 1;
    }

    /** Locks the organisation's ADMIN rows, so two removals cannot both leave it without one. */
    long lockAndCountAdmins(OrganisationId org) {
        return jdbc.sql("select id from membership where organisation_id = :org and role = 'ADMIN' for update")
                .param("org", org.value())
                .query(UUID.class)
                .list()
                .size();
    }

    boolean isMember(OrganisationId org, UserId user) {
        return jdbc.sql("select count(*) from membership where organisation_id = :org and user_id = :user")
                        .param("org", org.value())
                        .param("user", user.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

}
