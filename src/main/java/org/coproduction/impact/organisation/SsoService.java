package org.coproduction.impact.organisation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on with OpenID Connect, per organisation (issue 14): an ADMIN's settings, signing in
 * with a work account, and the people waiting for an ADMIN to give them a role. Every method about
 * an organisation's settings or people takes the signed-in {@link Tenant}.
 */
@Service
public class SsoService {

    /** What to save: the client secret is {@code null} to keep the one already stored. */
    public record Changes(String issuer, String clientId, @Nullable String clientSecret, List<String> domains,
            boolean passwordsForStaff, @Nullable Role firstRole, int version) {}

    /** How saving the settings ended. */
    public sealed interface Saved {
        record Done() implements Saved {}
        /** Someone else saved the settings since the page was loaded. */
        record Stale() implements Saved {}
        /** Another organisation already signs in people at these domains. */
        record DomainsTaken(List<String> domains) implements Saved {}
        /** Nothing at the issuer address answered as an OpenID Connect provider. */
        record ProviderNotFound() implements Saved {}
    }

    /** The organisation whose work accounts cover an email address, for the sign-in page. */
    public record WorkAccountOrganisation(OrganisationId id, String name) {}

    /** How a sign-in with a work account ended. */
    sealed interface Outcome {
        record SignedIn(Account account) implements Outcome {}
        record RefusedDomain() implements Outcome {}
        record NotVerified() implements Outcome {}
        record Waiting() implements Outcome {}
    }

    private final SsoRepository sso;
    private final AccountRepository accounts;
    private final OrganisationRepository organisations;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final String encryptionKey;

    SsoService(SsoRepository sso, AccountRepository accounts, OrganisationRepository organisations, PasswordEncoder encoder,
            AuditLog audit, @Value("${app.sso.encryption-key:}") String encryptionKey) {
        this.sso = sso;
        this.accounts = accounts;
        this.organisations = organisations;
        this.encoder = encoder;
        this.audit = audit;
        this.encryptionKey = encryptionKey;
    }

    public Optional<SsoSettings> settings(Tenant tenant) {
        return sso.find(tenant.organisationId()).map(SsoRepository.Stored::settings);
    }

    @Transactional
    public Saved save(Tenant tenant, Changes changes) {
        OrganisationId org = tenant.organisationId();
        List<String> taken = sso.domainsTakenByOthers(org, changes.domains());
        if (!taken.isEmpty()) {
            return new Saved.DomainsTaken(taken);
        }
        if (!providerAnswers(changes.issuer())) {
            return new Saved.ProviderNotFound();
        }
        boolean exists = sso.find(org).isPresent();
        SsoSettings settings = new SsoSettings(org, changes.issuer(), changes.clientId(), changes.domains(),
                changes.passwordsForStaff(), changes.firstRole(), changes.version());
        String secret = changes.clientSecret() == null ? null : encrypt(changes.clientSecret());
        if (!sso.save(settings, secret, changes.version(), exists)) {
            return new Saved.Stale();
        }
        // The secret is never written to the log, only whether it changed.
        audit.record(org, tenant.userId(), exists ? "SSO_SETTINGS_CHANGED" : "SSO_TURNED_ON", "sso_settings", org,
                changes.issuer() + "; domains " + String.join(", ", changes.domains())
                        + "; passwords for staff " + (changes.passwordsForStaff() ? "allowed" : "refused")
                        + "; first role " + (changes.firstRole() == null ? "none until approved" : changes.firstRole())
                        + (changes.clientSecret() == null ? "" : "; new client secret"));
        return new Saved.Done();
    }

    @Transactional
    public void turnOff(Tenant tenant) {
        sso.delete(tenant.organisationId());
        audit.record(tenant.organisationId(), tenant.userId(), "SSO_TURNED_OFF", "sso_settings", tenant.organisationId(), null);
    }

    /** Whether the issuer publishes OpenID Connect discovery (its {@code .well-known/openid-configuration}). */
    private static boolean providerAnswers(String issuer) {
        try {
            ClientRegistrations.fromIssuerLocation(issuer).clientId("check").build();
            return true;
        } catch (RuntimeException notAProvider) {
            return false;
        }
    }

    /** The organisation that signs in people at this email's domain, if any. */
    public Optional<WorkAccountOrganisation> organisationFor(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        return sso.organisationForDomain(email.substring(at + 1).strip().toLowerCase(Locale.ROOT))
                .flatMap(org -> organisations.nameOf(org).map(name -> new WorkAccountOrganisation(org, name)));
    }

    /** The organisation's settings with the client secret readable, for talking to its provider. */
    Optional<SsoSettings> settingsFor(OrganisationId org) {
        return sso.find(org).map(SsoRepository.Stored::settings);
    }

    Optional<String> clientSecret(OrganisationId org) {
        return sso.find(org).map(s -> decrypt(s.clientSecret()));
    }

    boolean passwordsRefusedFor(UserId user) {
        return sso.passwordsRefusedFor(user);
    }

    /**
     * A person came back from the organisation's provider. They are signed in to the account with
     * their (verified) email address if it belongs to the organisation, or given the organisation's
     * first role; otherwise they wait for an ADMIN. Every outcome is in the activity log.
     */
    @Transactional
    Outcome signIn(OrganisationId org, @Nullable String email, boolean emailVerified, @Nullable String name) {
        SsoSettings settings = settingsFor(org).orElse(null);
        if (settings == null || email == null || email.isBlank()) {
            return new Outcome.NotVerified();
        }
        String address = email.strip();
        if (!settings.allows(address)) {
            audit.record(org, null, "SSO_REFUSED_DOMAIN", "sso_settings", org, domainOf(address));
            return new Outcome.RefusedDomain();
        }
        if (!emailVerified) {
            audit.record(org, null, "SSO_REFUSED_UNVERIFIED", "sso_settings", org, domainOf(address));
            return new Outcome.NotVerified();
        }
        Optional<Account> account = accounts.findByEmail(address);
        if (account.isPresent() && organisations.isMember(org, new UserId(account.get().id()))) {
            UserId user = new UserId(account.get().id());
            audit.record(org, user, "SSO_SIGNED_IN", "account", user, null);
            return new Outcome.SignedIn(account.get());
        }
        if (settings.firstRole() != null) {
            Account joined = account.orElseGet(() -> newAccount(address, displayName(name, address)));
            UserId user = new UserId(joined.id());
            organisations.addMember(org, user, settings.firstRole());
            audit.record(org, user, "SSO_JOINED", "account", user, settings.firstRole().name());
            audit.record(org, user, "SSO_SIGNED_IN", "account", user, null);
            return new Outcome.SignedIn(joined);
        }
        sso.addWaiting(org, address, displayName(name, address));
        audit.record(org, null, "SSO_WAITING", "sso_waiting", null, address);
        return new Outcome.Waiting();
    }

    public List<SsoWaiting> waiting(Tenant tenant) {
        return sso.waiting(tenant.organisationId());
    }

    public SsoWaiting waitingPerson(Tenant tenant, UUID id) {
        return sso.findWaiting(tenant.organisationId(), id).orElseThrow(() -> new NotFoundException("waiting"));
    }

    /** Gives a waiting person a role: their account (made now if they have none) joins the organisation. */
    @Transactional
    public SsoWaiting approve(Tenant tenant, UUID id, Role role) {
        SsoWaiting waiting = sso.take(tenant.organisationId(), id).orElseThrow(() -> new NotFoundException("waiting"));
        Account account = accounts.findByEmail(waiting.email()).orElseGet(() -> newAccount(waiting.email(), waiting.displayName()));
        organisations.addMember(tenant.organisationId(), new UserId(account.id()), role);
        audit.record(tenant.organisationId(), tenant.userId(), "SSO_APPROVED", "account", account.id(),
                waiting.displayName() + " (" + waiting.email() + "): " + role);
        return waiting;
    }

    @Transactional
    public SsoWaiting refuse(Tenant tenant, UUID id) {
        SsoWaiting waiting = sso.take(tenant.organisationId(), id).orElseThrow(() -> new NotFoundException("waiting"));
        audit.record(tenant.organisationId(), tenant.userId(), "SSO_NOT_APPROVED", "sso_waiting", id,
                waiting.displayName() + " (" + waiting.email() + ")");
        return waiting;
    }

    /**
     * An account for someone who signs in only with their work account: its username is the email
     * address when it fits and is free, and its password is random and unknown to anyone (they may
     * still set one with "forgotten password", unless their organisation refuses passwords for staff).
     */
    private Account newAccount(String email, String name) {
        String username = email.length() <= 60 && !accounts.usernameTaken(email)
                ? email
                : email.substring(0, Math.min(40, email.indexOf('@'))) + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserId id = accounts.create(username, email, name, encoder.encode(KeyGenerators.string().generateKey() + UUID.randomUUID()));
        return accounts.findById(id).orElseThrow();
    }

    private static String displayName(@Nullable String name, String email) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty()) {
            given = email.substring(0, email.indexOf('@'));
        }
        return given.length() > 120 ? given.substring(0, 120) : given;
    }

    private static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** Encrypted (AES-GCM, key from APP_SSO_ENCRYPTION_KEY) when the operator set a key; otherwise kept as given. */
    String encrypt(String secret) {
        if (encryptionKey.isBlank()) {
            return "plain:" + secret;
        }
        String salt = KeyGenerators.string().generateKey();
        return "enc:" + salt + ":" + Encryptors.delux(encryptionKey, salt).encrypt(secret);
    }

    String decrypt(String stored) {
        if (stored.startsWith("enc:")) {
            String[] parts = stored.split(":", 3);
            if (encryptionKey.isBlank()) {
                throw new IllegalStateException("The SSO client secret is encrypted: set APP_SSO_ENCRYPTION_KEY to the key it was saved with.");
            }
            return Encryptors.delux(encryptionKey, parts[1]).decrypt(parts[2]);
        }
        return stored.startsWith("plain:") ? stored.substring(6) : stored;
    }

    /** Checks the issuer address looks like one: https, or http on this machine only (a test provider). */
    public static boolean isIssuerAddress(String issuer) {
        try {
            URI uri = URI.create(issuer.strip());
            String host = uri.getHost();
            if (host == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || ("http".equals(uri.getScheme()) && (host.equals("localhost") || host.equals("127.0.0.1")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
