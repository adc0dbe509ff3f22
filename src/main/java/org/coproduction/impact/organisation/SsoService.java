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
        /** The operator set these settings: the organisation's ADMIN cannot change them. */
        record SetByOperator() implements Saved {}
    }

    /** Who set an organisation's single sign-on. */
    public enum SetBy {
        /** The organisation's ADMIN, on its settings page. */
        ADMIN,
        /** The platform operator, on the operator's pages. */
        OPERATOR,
        /** The operator's environment settings ({@code app.sso.organisations}), applied at start-up. */
        ENVIRONMENT
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

    /** Whether the operator set the organisation's single sign-on (then its ADMIN only reads it). */
    public boolean setByOperator(Tenant tenant) {
        return sso.setBy(tenant.organisationId()).filter(by -> !SetBy.ADMIN.name().equals(by)).isPresent();
    }

    @Transactional
    public Saved save(Tenant tenant, Changes changes) {
        if (setByOperator(tenant)) {
            return new Saved.SetByOperator();
        }
        return store(tenant.organisationId(), tenant.userId(), changes, SetBy.ADMIN, true);
    }

    /** Turns single sign-on off, unless the operator set it (then false, and nothing changes). */
    @Transactional
    public boolean turnOff(Tenant tenant) {
        if (setByOperator(tenant)) {
            return false;
        }
        sso.delete(tenant.organisationId());
        audit.record(tenant.organisationId(), tenant.userId(), "SSO_TURNED_OFF", "sso_settings", tenant.organisationId(), null);
        return true;
    }

    /** An organisation's settings and who set them, for the operator's pages (which are not one organisation's). */
    public Optional<SsoSettings> settingsForOperator(OrganisationId org) {
        return sso.find(org).map(SsoRepository.Stored::settings);
    }

    public Optional<SetBy> setByForOperator(OrganisationId org) {
        return sso.setBy(org).map(SetBy::valueOf);
    }

    /**
     * The operator sets or changes an organisation's single sign-on: checked as an ADMIN's save is
     * (domains one organisation's, the provider answering), written to the organisation's activity
     * log with the operator as who did it, and from then on read-only for the organisation's ADMIN.
     */
    @Transactional
    public Saved saveByOperator(UserId operator, OrganisationId org, Changes changes) {
        if (organisations.nameOf(org).isEmpty()) {
            throw new NotFoundException("organisation");
        }
        return store(org, operator, changes, SetBy.OPERATOR, true);
    }

    /** The operator turns an organisation's single sign-on off (its ADMIN may then set it up again). */
    @Transactional
    public void turnOffByOperator(UserId operator, OrganisationId org) {
        if (organisations.nameOf(org).isEmpty()) {
            throw new NotFoundException("organisation");
        }
        sso.delete(org);
        audit.record(org, operator, "SSO_TURNED_OFF", "sso_settings", org, "by the operator");
    }

    /**
     * Settings from the operator's environment ({@code app.sso.organisations}), applied at start-up:
     * the provider is not asked (it may be down while the service starts; a wrong issuer shows at the
     * first sign-in). Written to the log only when they differ from what is stored. Returns how it ended.
     */
    @Transactional
    Saved applyFromEnvironment(OrganisationId org, Changes changes) {
        Optional<SsoRepository.Stored> stored = sso.find(org);
        boolean same = stored.isPresent()
                && stored.get().settings().issuer().equals(changes.issuer())
                && stored.get().settings().clientId().equals(changes.clientId())
                && stored.get().settings().domains().equals(changes.domains().stream().sorted().toList())
                && stored.get().settings().passwordsForStaff() == changes.passwordsForStaff()
                && stored.get().settings().firstRole() == changes.firstRole()
                && changes.clientSecret() != null && changes.clientSecret().equals(decrypt(stored.get().clientSecret()))
                && sso.setBy(org).filter(SetBy.ENVIRONMENT.name()::equals).isPresent();
        if (same) {
            return new Saved.Done();
        }
        int version = stored.map(s -> s.settings().version()).orElse(0);
        return store(org, null, new Changes(changes.issuer(), changes.clientId(), changes.clientSecret(), changes.domains(),
                changes.passwordsForStaff(), changes.firstRole(), version), SetBy.ENVIRONMENT, false);
    }

    private Saved store(OrganisationId org, @Nullable UserId by, Changes changes, SetBy setBy, boolean askProvider) {
        List<String> taken = sso.domainsTakenByOthers(org, changes.domains());
        if (!taken.isEmpty()) {
            return new Saved.DomainsTaken(taken);
        }
        if (askProvider && !providerAnswers(changes.issuer())) {
            return new Saved.ProviderNotFound();
        }
        boolean exists = sso.find(org).isPresent();
        SsoSettings settings = new SsoSettings(org, changes.issuer(), changes.clientId(), changes.domains(),
                changes.passwordsForStaff(), changes.firstRole(), changes.version());
        String secret = changes.clientSecret() == null ? null : encrypt(changes.clientSecret());
        if (!sso.save(settings, secret, changes.version(), exists)) {
            return new Saved.Stale();
        }
        sso.setBy(org, setBy.name());
        // The secret is never written to the log, only whether it changed.
        audit.record(org, by, exists ? "SSO_SETTINGS_CHANGED" : "SSO_TURNED_ON", "sso_settings", org,
                changes.issuer() + "; domains " + String.join(", ", changes.domains())
                        + "; passwords for staff " + (changes.passwordsForStaff() ? "allowed" : "refused")
                        + "; first role " + (changes.firstRole() == null ? "none until approved" : changes.firstRole())
                        + (changes.clientSecret() == null ? "" : "; new client secret")
                        + switch (setBy) {
                            case ADMIN -> "";
                            case OPERATOR -> "; by the operator";
                            case ENVIRONMENT -> "; from the operator's environment settings";
                        });
        return new Saved.Done();
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

    /** Whether the organisation signs its people in with its own provider (for switching to it). */
    public boolean hasSingleSignOn(OrganisationId org) {
        return sso.find(org).isPresent();
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
