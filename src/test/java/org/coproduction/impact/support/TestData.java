package org.coproduction.impact.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builds organisations and people straight in the database, so tests can start from a known state
 * without clicking through the service. Every name carries a random suffix: tests share one database.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "a long test passphrase 42";

    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final String passwordHash;
    private final Map<UUID, Cookie> sessions = new ConcurrentHashMap<>();

    TestData(JdbcClient jdbc, PasswordEncoder encoder, MockMvc mvc) {
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /**
     * Sends the request as this person, signed in for real through the sign-in form (sessions live
     * in the database, so a mock session would be ignored), in their organisation.
     */
    public RequestPostProcessor as(Person person) {
        Cookie cookie = sessions.computeIfAbsent(person.id(), id -> signIn(person));
        return request -> {
            request.setCookies(cookie);
            return request;
        };
    }

    private Cookie signIn(Person person) {
        try {
            MvcResult result = mvc.perform(formLogin("/sign-in").user(person.username()).password(PASSWORD))
                    .andReturn();
            Cookie session = result.getResponse().getCookie("SESSION");
            if (session == null || !"/".equals(result.getResponse().getRedirectedUrl())) {
                throw new IllegalStateException("could not sign in as " + person.username()
                        + ": " + result.getResponse().getRedirectedUrl());
            }
            // Choose the person's organisation, as they would in the header.
            mvc.perform(post("/organisations/switch").cookie(session).with(csrf())
                            .param("organisation", person.organisation().toString()))
                    .andReturn();
            return session;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person: their account and their membership of {@code organisation}. */
    public record Person(UUID id, UUID membershipId, String username, String email, String name, Role role, OrganisationId organisation) {

        public SignedInUser principal() {
            return new SignedInUser(id, username, name, null);
        }
    }

    /** An organisation with one person in each role, plus a unique marker in its name. */
    public record Org(OrganisationId id, String name, Map<Role, Person> people) {

        public Person person(Role role) {
            return people.get(role);
        }

        public Person admin() {
            return people.get(Role.ADMIN);
        }
    }

    public Org organisationWithEveryRole(String label) {
        String suffix = suffix();
        OrganisationId org = organisation(label + " " + suffix);
        Map<Role, Person> people = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            people.put(role, person(org, role, role.name().toLowerCase() + "-" + suffix));
        }
        return new Org(org, label + " " + suffix, Map.copyOf(people));
    }

    public OrganisationId organisation(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, name) values (:id, :name)").param("id", id).param("name", name).update();
        return new OrganisationId(id);
    }

    public Person person(OrganisationId org, Role role, String username) {
        UUID id = UUID.randomUUID();
        String email = username + "@example.test";
        String name = "Person " + username;
        jdbc.sql("""
                        insert into user_account (id, username, email, display_name, password_hash)
                        values (:id, :username, :email, :name, :hash)
                        """)
                .param("id", id)
                .param("username", username)
                .param("email", email)
                .param("name", name)
                .param("hash", passwordHash)
                .update();
        UUID membership = addMembership(org, id, role);
        return new Person(id, membership, username, email, name, role, org);
    }

    /** A person with an exact username, created once and reused (usernames are unique in the database). */
    public synchronized Person personNamed(OrganisationId org, Role role, String username) {
        UUID existing = jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).optional().orElse(null);
        if (existing == null) {
            return person(org, role, username);
        }
        UUID membership = addMembership(org, existing, role);
        return new Person(existing, membership, username, username + "@example.test", "Person " + username, role, org);
    }

    public UUID addMembership(OrganisationId org, UUID userId, Role role) {
        UUID membership = UUID.randomUUID();
        jdbc.sql("insert into membership (id, organisation_id, user_id, role) values (:id, :org, :user, :role)")
                .param("id", membership)
                .param("org", org.value())
                .param("user", userId)
                .param("role", role.name())
                .update();
        return membership;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
