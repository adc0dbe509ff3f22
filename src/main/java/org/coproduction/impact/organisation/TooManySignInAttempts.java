package org.coproduction.impact.organisation;

import org.springframework.security.core.AuthenticationException;

/** Refused because of too many failed tries; the sign-in page says to wait. */
class TooManySignInAttempts extends AuthenticationException {

    TooManySignInAttempts() {
        super("too many failed sign-ins");
    }
}
