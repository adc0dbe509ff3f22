package org.coproduction.impact.organisation;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.TenantResolver;
import org.coproduction.impact.shared.tenancy.ServiceWork;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** What happens after a sign-in succeeds or fails. */
@Configuration
class SignInHandlers {

    static final String LAST_LOGIN = "signIn.lastLogin";
    static final String WAIT_MINUTES = "signIn.waitMinutes";

    /** Whole minutes, rounded up: "wait 1 minute" rather than "wait 17 seconds". */
    static long minutes(java.time.Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    @Bean
    AuthenticationSuccessHandler onSignIn(AccountRepository accounts, AuditLog audit, TwoStepService twoStep) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        // Reads the account and writes the activity log before any organisation is chosen.
        return ServiceWork.named(AuthenticationSuccessHandler.class, "finishing a sign-in", new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                SignedInUser user = (SignedInUser) authentication.getPrincipal();
                request.getSession().removeAttribute(LAST_LOGIN);
                // A password sign-in reaches every organisation of the account; a work-account
                // sign-in sets its one organisation again after this (SsoSignIn.SignInAsAccount).
                request.getSession().removeAttribute(TenantResolver.SESSION_SIGNED_IN_THROUGH);
                accounts.findById(user.userId()).ifPresent(a -> {
                    // An easy-read choice made before signing in wins; otherwise the account's.
                    if (request.getSession().getAttribute(Ui.EASY_READ) == null) {
                        request.getSession().setAttribute(Ui.EASY_READ, a.easyRead());
                    }
                    // The same for the language: a choice made on this visit wins, then the account's.
                    if (request.getSession().getAttribute(Languages.CHOSEN) == null && a.language() != null) {
                        request.getSession().setAttribute(Languages.CHOSEN, a.language());
                    }
                });
                var pending = twoStep.afterPassword(user.userId());
                if (pending.isPresent()) {
                    // Half signed in until the second step: TwoStepGate keeps every other page shut.
                    request.getSession().setAttribute(TwoStepGate.PENDING, pending.get().name());
                    response.sendRedirect(request.getContextPath()
                            + (pending.get() == TwoStepService.Pending.SET_UP ? TwoStepGate.SET_UP_PAGE : TwoStepGate.CODE_PAGE));
                    return;
                }
                audit.record(null, user.userId(), "SIGNED_IN", "account", user.userId(), null);
                next.onAuthenticationSuccess(request, response, authentication);
            }
        });
    }

    @Bean
    AuthenticationFailureHandler onFailedSignIn() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String login = request.getParameter("username");
            request.getSession().setAttribute(LAST_LOGIN, login == null ? "" : login.strip());
            String reason = "bad";
            if (exception instanceof TooManySignInAttempts slowed) {
                reason = "wait";
                request.getSession().setAttribute(WAIT_MINUTES, minutes(slowed.waitFor()));
            } else if (exception instanceof PasswordsOffForStaff) {
                reason = "sso";
            }
            response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
        };
    }
}
