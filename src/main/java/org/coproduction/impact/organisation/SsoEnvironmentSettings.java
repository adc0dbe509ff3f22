package org.coproduction.impact.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies {@link SsoEnvironment} at start-up: each organisation named there gets that provider,
 * set by the operator (its ADMIN sees it read-only). A setting that cannot be used (no such
 * organisation, a missing or wrong value, a domain another organisation has) stops the start with
 * a message saying which one, rather than leaving an organisation signing in some other way. A slug
 * made from a name is matched to a name only the first time: the organisation it was applied to is
 * remembered ({@code sso_environment_binding}), so renaming it, or another organisation taking its
 * old name, changes nothing at the next start.
 */
@Component
class SsoEnvironmentSettings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SsoEnvironmentSettings.class);

    private final SsoEnvironment environment;
    private final SsoService sso;
    private final JdbcClient jdbc;

    SsoEnvironmentSettings(SsoEnvironment environment, SsoService sso, JdbcClient jdbc) {
        this.environment = environment;
        this.sso = sso;
        this.jdbc = jdbc;
    }

    /**
     * As the service's own work: the slugs are matched to organisations, and an organisation's
     * domains checked against every other's, before any one organisation's scope could apply.
     */
    @Override
    public void run(ApplicationArguments args) {
        OrganisationScope.asTheService("applying the operator's single sign-on settings at start-up", this::apply);
    }

    void apply() {
        for (int i = 0; i < environment.organisations().size(); i++) {
            SsoEnvironment.Organisation o = environment.organisations().get(i);
            String where = "app.sso.organisations[" + i + "]";
            OrganisationId org = bound(o.slug()).or(() -> organisation(o.slug()))
                    .orElseThrow(() -> new IllegalStateException(where + ".slug names no organisation: " + o.slug()));
            SsoService.Changes changes = changes(where, o);
            SsoService.Saved saved = sso.applyFromEnvironment(org, changes);
            switch (saved) {
                case SsoService.Saved.Done done -> {
                    bind(o.slug(), org);
                    log.info("Single sign-on of {} set from {}", o.slug(), where);
                }
                case SsoService.Saved.DomainsTaken taken -> throw new IllegalStateException(
                        where + ".domains: another organisation signs in people at " + String.join(", ", taken.domains()));
                default -> throw new IllegalStateException(where + ": not applied (" + saved + ")");
            }
        }
    }

    private static SsoService.Changes changes(String where, SsoEnvironment.Organisation o) {
        String issuer = required(where + ".issuer", o.issuer());
        if (!SsoService.isIssuerAddress(issuer)) {
            throw new IllegalStateException(where + ".issuer must be an https:// address: " + issuer);
        }
        List<String> domains = new ArrayList<>();
        for (String d : o.domains() == null ? List.<String>of() : o.domains()) {
            String domain = d.strip().toLowerCase(Locale.ROOT);
            domain = domain.startsWith("@") ? domain.substring(1) : domain;
            if (!domain.isEmpty() && !domains.contains(domain)) {
                domains.add(domain);
            }
        }
        if (domains.isEmpty()) {
            throw new IllegalStateException(where + ".domains is required");
        }
        Role firstRole = null;
        if (o.firstRole() != null && !o.firstRole().isBlank()) {
            firstRole = switch (o.firstRole().strip().toUpperCase(Locale.ROOT)) {
                case "VIEWER" -> Role.VIEWER;
                case "MEMBER" -> Role.MEMBER;
                case "FACILITATOR" -> Role.FACILITATOR;
                default -> throw new IllegalStateException(where + ".first-role must be empty, VIEWER, MEMBER or FACILITATOR");
            };
        }
        return new SsoService.Changes(issuer, required(where + ".client-id", o.clientId()),
                required(where + ".client-secret", o.clientSecret()), domains,
                o.passwordsForStaff() == null || o.passwordsForStaff(), firstRole, 0);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required");
        }
        return value.strip();
    }

    /**
     * The organisation a name's slug was first applied to, if it was: from then on the slug keeps to
     * it, whatever the organisation or any other is called later (an ADMIN renaming theirs, a new one
     * with the same name), so neither can move the settings or stop the start.
     */
    private Optional<OrganisationId> bound(@Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select bound_organisation_id from sso_environment_binding where slug = :slug")
                .param("slug", slug.strip().toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    /** Remembers which organisation a name's slug was applied to (an id needs no remembering). */
    private void bind(String slug, OrganisationId org) {
        String key = slug.strip().toLowerCase(Locale.ROOT);
        if (isId(key)) {
            return;
        }
        jdbc.sql("""
                        insert into sso_environment_binding (slug, bound_organisation_id) values (:slug, :org)
                        on conflict (slug) do nothing
                        """)
                .param("slug", key)
                .param("org", org.value())
                .update();
    }

    private static boolean isId(String slug) {
        try {
            UUID.fromString(slug);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** The organisation a slug names: its id, or its name made into a slug. */
    private Optional<OrganisationId> organisation(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(slug.strip());
            return jdbc.sql("select id from organisation where id = :id").param("id", id).query(UUID.class).optional()
                    .map(OrganisationId::new);
        } catch (IllegalArgumentException notAnId) {
            List<UUID> found = jdbc.sql("""
                            select id from organisation
                            where trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) = :slug
                            """)
                    .param("slug", slug.strip().toLowerCase(Locale.ROOT))
                    .query(UUID.class)
                    .list();
            if (found.size() > 1) {
                throw new IllegalStateException("app.sso.organisations: the slug " + slug + " names " + found.size()
                        + " organisations; give the organisation's id instead");
            }
            return found.stream().findFirst().map(OrganisationId::new);
        }
    }
}
