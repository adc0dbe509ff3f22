package org.coproduction.impact.organisation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between a right password and the second step of sign-in, the session is only half signed in:
 * every page but the second step's own, signing out and the page's assets sends the person back to
 * the second step. Runs after Spring Security, so it sees who signed in.
 */
@Component
class TwoStepGate extends OncePerRequestFilter {

    static final String PENDING = TwoStepService.SESSION_PENDING;

    static final String CODE_PAGE = "/sign-in/two-step";
    static final String SET_UP_PAGE = "/sign-in/two-step/set-up";

    private static final List<String> OPEN = List.of(CODE_PAGE, "/sign-out", "/css/", "/js/", "/images/", "/vendor/", "/assets/",
            "/favicon", "/error", "/actuator/health", "/preferences/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PENDING);
        if (pending != null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (OPEN.stream().noneMatch(path::startsWith)) {
                boolean setUp = TwoStepService.Pending.SET_UP.name().equals(pending);
                response.sendRedirect(request.getContextPath() + (setUp ? SET_UP_PAGE : CODE_PAGE));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
