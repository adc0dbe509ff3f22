package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request {@link OrganisationScope#strictly strictly} (issue 15, the second wall): a
 * connection taken while a request is handled must name its organisation (the access check does,
 * for every page) or say why it reads across organisations (signing in, finding a person's
 * organisations, keeping sessions: {@link OrganisationScope#asTheService}). A connection taken with
 * neither is refused, with a plain error in the log, where the database would silently show it no
 * organisation's rows ({@code shared/db/RowLevelSecurity}).
 *
 * <p>It runs inside Spring Session's filter, which saves the session after the request, and before
 * Spring Security's (-100), which signs people in. An error page is held too; the end of a streamed
 * download is not (it runs in another thread, {@link ScopeCarrier}, carrying its page's organisation).
 * {@code app.tenancy.strict-requests: false} turns it
 * off, for an operator who meets a page that was missed; the tests run with it on.
 */
@Component
@Order(StrictRequests.ORDER)
@ConditionalOnProperty(name = "app.tenancy.strict-requests", havingValue = "true", matchIfMissing = true)
class StrictRequests extends OncePerRequestFilter {

    /** After the control-character filter (-110), before Spring Security (-100). */
    static final int ORDER = -105;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OrganisationScope.beginStrict();
        try {
            chain.doFilter(request, response);
        } finally {
            OrganisationScope.clear();
            OrganisationScope.endStrict();
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
