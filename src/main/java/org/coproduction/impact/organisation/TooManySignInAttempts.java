package org.coproduction.impact.organisation;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Refused for now because of earlier wrong passwords from this address; the sign-in page says how long to wait. */
class TooManySignInAttempts extends AuthenticationException {

    private final Duration wait;

    TooManySignInAttempts(Duration wait) {
        super("too many failed sign-ins: wait " + wait);
        this.wait = wait;
    }

    Duration waitFor() {
        return wait;
    }
}
