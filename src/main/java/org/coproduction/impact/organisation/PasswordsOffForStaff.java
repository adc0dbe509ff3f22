package org.coproduction.impact.organisation;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but an organisation where this person is an ADMIN or FACILITATOR asks its
 * staff to sign in with their work account (single sign-on), so the password is refused.
 */
class PasswordsOffForStaff extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    PasswordsOffForStaff() {
        super("this organisation's staff sign in with their work account");
    }
}
