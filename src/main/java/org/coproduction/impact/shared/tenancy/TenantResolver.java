package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.coproduction.impact.shared.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Works out the current organisation: the one the person chose (kept in their session) if they
 * still belong to it, otherwise their first one. Never trusts an organisation id from the request.
 */
@Component
public class TenantResolver {

    public static final String SESSION_ORGANISATION = "currentOrganisationId";

    /**
     * Set when the session began with a work-account sign-in (single sign-on): the organisation whose
     * provider vouched for the person. The session is for that organisation only: it is always the
     * current one, and {@link #choose} refuses any other (docs/sso.md, "One organisation a sign-in").
     * A password sign-in removes it.
     */
    public static final String SESSION_SIGNED_IN_THROUGH = "signedInThroughOrganisationId";

    private final MembershipDirectory directory;

    TenantResolver(MembershipDirectory directory) {
        this.directory = directory;
    }

    /** Resolves once per request; later calls read the cached answer. */
    public @Nullable Tenant resolve(HttpServletRequest request, SignedInUser user) {
        if (request.getAttribute(CurrentRequest.MEMBERSHIPS) != null) {
            return CurrentRequest.tenant(request);
        }
        List<Membership> memberships = directory.membershipsOf(user.userId());
        request.setAttribute(CurrentRequest.MEMBERSHIPS, memberships);
        HttpSession session = request.getSession(false);
        Object through = session == null ? null : session.getAttribute(SESSION_SIGNED_IN_THROUGH);
        Object chosen = through != null ? through : session == null ? null : session.getAttribute(SESSION_ORGANISATION);
        Optional<Membership> current = memberships.stream()
                .filter(m -> chosen != null && m.organisationId().value().toString().equals(chosen))
                .findFirst()
                .or(() -> through != null ? Optional.empty() : memberships.stream().findFirst());
        if (current.isEmpty()) {
            return null;
        }
        Membership m = current.get();
        if (session != null && !m.organisationId().value().toString().equals(chosen)) {
            session.setAttribute(SESSION_ORGANISATION, m.organisationId().value().toString());
        }
        Tenant tenant = new Tenant(user.userId(), m.organisationId(), m.organisationName(), m.role());
        request.setAttribute(CurrentRequest.TENANT, tenant);
        return tenant;
    }

    /** The language the organisation writes its own words in ({@link MembershipDirectory#wordsLanguage}). */
    public String wordsLanguage(OrganisationId organisation) {
        return directory.wordsLanguage(organisation);
    }

    public boolean isSuspended(HttpServletRequest request, Tenant tenant) {
        return CurrentRequest.memberships(request).stream()
                .anyMatch(m -> m.organisationId().equals(tenant.organisationId()) && m.suspended());
    }

    /** Whether the person belongs to the organisation (whatever their session may reach). */
    public boolean belongsTo(SignedInUser user, OrganisationId organisationId) {
        return directory.membershipsOf(user.userId()).stream().anyMatch(m -> m.organisationId().equals(organisationId));
    }

    /**
     * Makes the given organisation the current one, if the person belongs to it and the session may
     * reach it (a session from a work-account sign-in reaches only that organisation).
     */
    public boolean choose(HttpServletRequest request, SignedInUser user, OrganisationId organisationId) {
        HttpSession session = request.getSession(false);
        Object through = session == null ? null : session.getAttribute(SESSION_SIGNED_IN_THROUGH);
        if (through != null && !organisationId.value().toString().equals(through)) {
            return false;
        }
        boolean member = directory.membershipsOf(user.userId()).stream()
                .anyMatch(m -> m.organisationId().equals(organisationId));
        if (member) {
            request.getSession().setAttribute(SESSION_ORGANISATION, organisationId.value().toString());
        }
        return member;
    }
}
