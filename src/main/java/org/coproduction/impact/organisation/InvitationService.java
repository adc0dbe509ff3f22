package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.mail.Mailer;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Inviting people into an organisation: by email, or on paper with a short code and a QR code for
 * people who have no email. Invitations expire, can be withdrawn, and are accepted once.
 */
@Service
public class InvitationService {

    static final Duration EMAIL_LIFETIME = Duration.ofDays(7);
    static final Duration PRINTED_LIFETIME = Duration.ofDays(30);

    /** A problem with one field of the "join" form, as a message key. */
    public record Problem(String field, String messageKey) {}

    /** How accepting an invitation ended. */
    public sealed interface Acceptance {
        record Joined(OrganisationId organisation, String organisationName) implements Acceptance {}

        record Refused(Problem problem) implements Acceptance {}

        record NoLongerValid() implements Acceptance {}
    }

    private final InvitationRepository invitations;
    private final OrganisationRepository organisations;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SignInAttempts attempts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final AuditLog audit;
    private final BaseUrl baseUrl;

    InvitationService(
            InvitationRepository invitations,
            OrganisationRepository organisations,
            AccountRepository accounts,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            SignInAttempts attempts,
            Mailer mailer,
            MessageSource messages,
            AuditLog audit,
            BaseUrl baseUrl) {
        this.invitations = invitations;
        this.organisations = organisations;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.attempts = attempts;
        this.mailer = mailer;
        this.messages = messages;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    @Transactional
    public UUID inviteByEmail(Tenant tenant, String name, String email, Role role) {
        UUID id = invitations.create(tenant.organisationId(), tenant.userId(), Invitation.Kind.EMAIL,
                name.strip(), email.strip(), role, EMAIL_LIFETIME);
        Invitation invitation = get(tenant, id);
        mailer.send(
                List.of(tenant.organisationId()),
                email.strip(),
                text("email.invitation.subject", tenant.organisationName()),
                text("email.invitation.body", invitation.inviteeName(), tenant.organisationName(),
                        text(role.messageKey()), link(invitation), invitation.code(), EMAIL_LIFETIME.toDays()));
        audit.record(tenant.organisationId(), tenant.userId(), "INVITED", "invitation", id, name.strip() + " (" + role + ", email)");
        return id;
    }

    @Transactional
    public UUID invitePrinted(Tenant tenant, String name, Role role) {
        UUID id = invitations.create(tenant.organisationId(), tenant.userId(), Invitation.Kind.PRINTED,
                name.strip(), null, role, PRINTED_LIFETIME);
        audit.record(tenant.organisationId(), tenant.userId(), "INVITED", "invitation", id, name.strip() + " (" + role + ", printed)");
        return id;
    }

    public List<Invitation> all(Tenant tenant) {
        return invitations.all(tenant.organisationId());
    }

    public Invitation get(Tenant tenant, UUID id) {
        return invitations.find(tenant.organisationId(), id).orElseThrow(() -> new NotFoundException("invitation"));
    }

    /** The address the invitation's link and QR code open. */
    public String link(Invitation invitation) {
        return baseUrl.value() + "/invite/" + invitation.token();
    }

    public String joinPage() {
        return baseUrl.value() + "/join";
    }

    @Transactional
    public boolean withdraw(Tenant tenant, UUID id) {
        get(tenant, id);
        boolean withdrawn = invitations.withdraw(tenant.organisationId(), id);
        if (withdrawn) {
            audit.record(tenant.organisationId(), tenant.userId(), "WITHDRAWN", "invitation", id, null);
        }
        return withdrawn;
    }

    public Optional<Invitation> byToken(String token) {
        return invitations.findByToken(token);
    }

    /** The result of typing a code from a printed invitation. */
    public sealed interface CodeLookup {
        record Found(Invitation invitation) implements CodeLookup {}

        record NotFound() implements CodeLookup {}

        /** Too many wrong codes from this address lately: wait this long (never a lock-out, and never anyone's sign-in). */
        record TooManyTries(Duration waitFor) implements CodeLookup {}
    }

    /** Finds a printed invitation by its code; wrong guesses slow the address's further tries. */
    @Transactional
    public CodeLookup byCode(String typed, String address) {
        Optional<Duration> wait = attempts.waitBeforeCode(address);
        if (wait.isPresent()) {
            return new CodeLookup.TooManyTries(wait.get());
        }
        Optional<Invitation> found = invitations.findByCode(Tokens.normaliseCode(typed));
        if (found.isEmpty()) {
            attempts.recordCodeFailure(address);
            return new CodeLookup.NotFound();
        }
        return new CodeLookup.Found(found.get());
    }

    /**
     * Creates an account for the invited person and adds them to the organisation, in one
     * transaction that first locks the invitation: of several tries at the same moment (one printed
     * sheet, several people), one makes an account and the others make nothing (issue 17).
     */
    @Transactional
    public Acceptance acceptWithNewAccount(String token, String name, String username, @Nullable String email, String password) {
        if (!invitations.lockForAcceptance(token)) {
            return new Acceptance.NoLongerValid();
        }
        Optional<Invitation> invitation = invitations.findByToken(token).filter(Invitation::canBeAccepted);
        if (invitation.isEmpty()) {
            return new Acceptance.NoLongerValid();
        }
        if (accounts.usernameTaken(username.strip())) {
            return new Acceptance.Refused(new Problem("username", "join.username.taken"));
        }
        if (email != null && accounts.emailTaken(email.strip())) {
            return new Acceptance.Refused(new Problem("email", "join.email.taken"));
        }
        Optional<String> weak = policy.problemWith(password, username, name, email == null ? null : email.split("@")[0]);
        if (weak.isPresent()) {
            return new Acceptance.Refused(new Problem("password", weak.get()));
        }
        UserId user = accounts.create(username.strip(), email == null ? null : email.strip(), name.strip(), encoder.encode(password));
        audit.record(null, user, "ACCOUNT_CREATED", "account", user, null);
        Acceptance joined = join(invitation.get(), user);
        if (!(joined instanceof Acceptance.Joined)) {
            // Cannot happen while the row is locked; if it ever does, no account without a membership is left behind.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return joined;
    }

    /** Adds a signed-in person to the invitation's organisation. */
    @Transactional
    public Acceptance acceptAs(String token, UserId user) {
        if (!invitations.lockForAcceptance(token)) {
            return new Acceptance.NoLongerValid();
        }
        Optional<Invitation> invitation = invitations.findByToken(token).filter(Invitation::canBeAccepted);
        if (invitation.isEmpty()) {
            return new Acceptance.NoLongerValid();
        }
        return join(invitation.get(), user);
    }

    private Acceptance join(Invitation invitation, UserId user) {
        if (!invitations.accept(invitation.token(), user)) {
            return new Acceptance.NoLongerValid();
        }
        OrganisationId org = new OrganisationId(invitation.organisationId());
        organisations.addMember(org, user, invitation.role());
        audit.record(org, user, "JOINED", "invitation", invitation.id(), invitation.inviteeName() + " (" + invitation.role() + ")");
        return new Acceptance.Joined(org, invitation.organisationName());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
