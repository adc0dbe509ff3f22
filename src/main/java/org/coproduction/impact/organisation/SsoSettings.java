package org.coproduction.impact.organisation;

import java.util.List;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's single sign-on: its OpenID Connect provider, the client the organisation
 * registered there, which email domains may use it, whether its staff may still use passwords, and
 * the role a person gets the first time they sign in with their work account ({@code null}: none
 * until an ADMIN approves them). The client secret is never part of it: it is never shown again.
 */
public record SsoSettings(
        OrganisationId organisationId,
        String issuer,
        String clientId,
        List<String> domains,
        boolean passwordsForStaff,
        @Nullable Role firstRole,
        int version) {

    /** Whether {@code email} is at one of the allowed domains (exactly; subdomains are listed on their own). */
    public boolean allows(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
