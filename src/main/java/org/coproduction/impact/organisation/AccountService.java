package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.mail.Mailer;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.shared.web.EasyReadChosen;
import org.coproduction.impact.shared.web.LanguageChosen;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: forgotten passwords, new passwords, and what a person's account remembers. */
@Service
public class AccountService {

    static final Duration RESET_LIFETIME = Duration.ofHours(1);

    /** How a password reset ended. */
    public enum ResetResult {
        DONE,
        LINK_NOT_VALID
    }

    private final AccountRepository accounts;
    private final PasswordResets resets;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final OrganisationRepository organisations;
    private final Mailer mailer;
    private final MessageSource messages;
    private final AuditLog audit;
    private final AccountSessions sessions;
    private final SignInAttempts attempts;
    private final BaseUrl baseUrl;

    AccountService(
            AccountRepository accounts,
            PasswordResets resets,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            OrganisationRepository organisations,
            Mailer mailer,
            MessageSource messages,
            AuditLog audit,
            AccountSessions sessions,
            SignInAttempts attempts,
            BaseUrl baseUrl) {
        this.accounts = accounts;
        this.resets = resets;
        this.policy = policy;
        this.encoder = encoder;
        this.organisations = organisations;
        this.mailer = mailer;
        this.messages = messages;
        this.audit = audit;
        this.sessions = sessions;
        this.attempts = attempts;
        this.baseUrl = baseUrl;
    }

    /**
     * Emails a single-use reset link if the username or email belongs to an account with an email
     * address. Says nothing either way to the caller, so the page cannot be used to find accounts.
     */
    @Transactional
    public void requestPasswordReset(String login) {
        accounts.findByLogin(login).filter(a -> a.email() != null).ifPresent(account -> {
            UserId user = new UserId(account.id());
            String token = resets.create(user, RESET_LIFETIME);
            String link = baseUrl.value() + "/reset-password/" + token;
            List<OrganisationId> orgs = organisations.membershipsOf(user).stream()
                    .map(m -> m.organisationId())
                    .toList();
            mailer.send(
                    orgs,
                    java.util.Objects.requireNonNull(account.email()),
                    messages.getMessage("email.reset.subject", null, account.locale()),
                    messages.getMessage("email.reset.body",
                            new Object[] {account.displayName(), link, RESET_LIFETIME.toMinutes()}, account.locale()));
            audit.record(null, user, "PASSWORD_RESET_REQUESTED", "account", user, null);
        });
    }

    public boolean isResetLinkValid(String token) {
        return resets.validUser(token).isPresent();
    }

    /** The message key of what is wrong with a proposed new password, if anything. */
    public Optional<String> passwordProblem(String password, String... personal) {
        return policy.problemWith(password, personal);
    }

    @Transactional
    public ResetResult resetPassword(String token, String newPassword) {
        Optional<UserId> user = resets.validUser(token);
        if (user.isEmpty() || !resets.use(token, user.get())) {
            return ResetResult.LINK_NOT_VALID;
        }
        accounts.setPassword(user.get(), encoder.encode(newPassword));
        // Whoever knew the old password may be signed in somewhere: every session of the account ends (issue 17).
        // The owner has shown it is theirs, so wrong passwords tried before no longer slow them.
        accounts.findById(user.get()).ifPresent(a -> {
            sessions.endAll(a.username(), null);
            attempts.unlock(java.util.List.of(a.username()));
        });
        audit.record(null, user.get(), "PASSWORD_RESET", "account", user.get(), null);
        return ResetResult.DONE;
    }

    /** The personal words a new password must not contain, for the account behind a reset link. */
    public List<String> personalWordsForReset(String token) {
        return resets.validUser(token)
                .flatMap(accounts::findById)
                .map(a -> {
                    List<String> words = new java.util.ArrayList<>(List.of(a.username(), a.displayName()));
                    if (a.email() != null) {
                        words.add(a.email().split("@")[0]);
                    }
                    return words;
                })
                .orElse(List.of());
    }

    @EventListener
    @Transactional
    void rememberEasyRead(EasyReadChosen chosen) {
        accounts.setEasyRead(chosen.userId(), chosen.on());
    }

    @EventListener
    @Transactional
    void rememberLanguage(LanguageChosen chosen) {
        accounts.setLanguage(chosen.userId(), chosen.code());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
