package org.coproduction.impact.organisation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.mail.Mailer;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.coproduction.impact.shared.security.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a username-or-email and password. Wrong passwords slow further tries for that account from
 * that address ({@link SignInAttempts}); when the slowing starts, the account's owner is told by
 * email (if they have one) and it is written in the activity log.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthentication.class);

    private final DaoAuthenticationProvider passwords;
    private final AccountRepository accounts;
    private final OrganisationRepository organisations;
    private final SignInAttempts attempts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final AuditLog audit;
    private final SsoRepository sso;

    AccountAuthentication(AccountRepository accounts, OrganisationRepository organisations, PasswordEncoder encoder,
            SignInAttempts attempts, Mailer mailer, MessageSource messages, AuditLog audit, SsoRepository sso) {
        UserDetailsService users = login -> accounts.findByLogin(login)
                .map(a -> new SignedInUser(a.id(), a.username(), a.displayName(), a.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.organisations = organisations;
        this.attempts = attempts;
        this.mailer = mailer;
        this.messages = messages;
        this.audit = audit;
        this.sso = sso;
    }

    /** Finds the account by its login, in whichever organisations it is: the service's own work, and said so. */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        return OrganisationScope.asTheService("checking a password at sign-in", () -> check(authentication));
    }

    private Authentication check(Authentication authentication) {
        String login = String.valueOf(authentication.getName()).strip();
        Optional<Account> account = accounts.findByLogin(login);
        // One count per account, whether its username or its email address was typed.
        String key = account.map(Account::username).orElse(login);
        String address = remoteAddress();
        Optional<Duration> wait = attempts.waitBeforeSignIn(key, address);
        if (wait.isPresent()) {
            throw new TooManySignInAttempts(wait.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.recordSuccess(key, address);
            // Checked only after the password is right, so the answer tells a stranger nothing.
            if (result.getPrincipal() instanceof SignedInUser user && sso.passwordsRefusedFor(user.userId())) {
                audit.record(null, user.userId(), "PASSWORD_REFUSED_SSO", "account", user.userId(), null);
                throw new PasswordsOffForStaff();
            }
            return result;
        } catch (BadCredentialsException e) {
            if (attempts.recordSignInFailure(key, address)) {
                account.ifPresent(a -> tellTheOwner(a, address));
            }
            throw e;
        }
    }

    /** The first time sign-ins to an account are slowed from an address, its owner hears of it. */
    private void tellTheOwner(Account account, String address) {
        UserId user = new UserId(account.id());
        audit.record(null, user, "SIGN_IN_SLOWED", "account", user, address);
        log.info("Sign-ins to an account are being slowed after wrong passwords from one address");
        if (account.email() == null) {
            return;
        }
        List<OrganisationId> orgs = organisations.membershipsOf(user).stream().map(m -> m.organisationId()).toList();
        Locale locale = account.locale();
        mailer.send(orgs, account.email(),
                messages.getMessage("email.sign-in-slowed.subject", null, locale),
                messages.getMessage("email.sign-in-slowed.body", new Object[] {account.displayName(), address}, locale));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? remoteAddress(attrs.getRequest())
                : "unknown";
    }

    static String remoteAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
