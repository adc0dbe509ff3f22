package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.coproduction.impact.shared.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the tenancy layer worked out about the current request, kept as request attributes. */
public final class CurrentRequest {

    static final String TENANT = CurrentRequest.class.getName() + ".tenant";
    static final String MEMBERSHIPS = CurrentRequest.class.getName() + ".memberships";
    static final String OPERATOR = CurrentRequest.class.getName() + ".operator";

    private CurrentRequest() {}

    public static Optional<SignedInUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof SignedInUser u ? Optional.of(u) : Optional.empty();
    }

    public static @Nullable Tenant tenant(HttpServletRequest request) {
        return (Tenant) request.getAttribute(TENANT);
    }

    public static boolean isOperator(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(OPERATOR));
    }

    @SuppressWarnings("unchecked")
    public static List<Membership> memberships(HttpServletRequest request) {
        Object value = request.getAttribute(MEMBERSHIPS);
        return value == null ? List.of() : (List<Membership>) value;
    }
}
