package org.coproduction.impact.organisation;

import jakarta.servlet.http.HttpServletRequest;
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
 * Checks a username-or-email and password, refusing early when the account or the address has
 * failed too often, and counting each failure.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;

    AccountAuthentication(AccountRepository accounts, PasswordEncoder encoder, SignInAttempts attempts) {
        UserDetailsService users = login -> accounts.findByLogin(login)
                .map(a -> new SignedInUser(a.id(), a.username(), a.displayName(), a.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getName());
        String address = remoteAddress();
        if (attempts.isBlocked(login, address)) {
            throw new TooManySignInAttempts();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.recordSuccess(login);
            return result;
        } catch (BadCredentialsException e) {
            attempts.recordFailure(login, address);
            throw e;
        }
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
