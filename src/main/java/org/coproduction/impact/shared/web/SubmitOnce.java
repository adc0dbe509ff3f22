package org.coproduction.impact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.CurrentRequest;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * One-time submission tokens: a double click on "Save" makes one thing, and the second click lands
 * where the first one went (issue 17).
 *
 * <p>Every form on a signed-in page carries a fresh random token ({@link #PARAMETER}, written by the
 * {@code csrf} component beside the CSRF token, so no form needs it added by hand). The first POST
 * that brings a token claims it with one insert; the handler then runs as usual, and where it sends
 * the person (its {@code redirect:}) is kept with the token. A second POST with the same token does
 * not run the handler: it waits for the first to finish and is sent to the same place. When the
 * first POST shows the form again (a problem with a field) or fails, its claim is let go, so the
 * form can be sent again. A POST without a token (an old page, a test, a script) runs as before.
 *
 * <p>Tokens are made when a page is drawn and kept nowhere until they are used, so showing a form
 * writes nothing. The public answering pages ({@link HighTraffic}) have their own guard: a send is
 * saved once per draft.
 */
@Component
public class SubmitOnce implements HandlerInterceptor {

    /** The form field that carries the token. */
    public static final String PARAMETER = "_once";

    private static final Logger log = LoggerFactory.getLogger(SubmitOnce.class);
    private static final String CLAIMED = SubmitOnce.class.getName() + ".claimed";
    private static final String REDIRECT = "redirect:";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcClient jdbc;

    SubmitOnce(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A fresh token for one drawing of one form, or null where none is wanted: for someone not
     * signed in, and on the public answering pages (they keep their own guard, and refuse fields
     * they do not know).
     */
    public static @Nullable String newToken() {
        HttpServletRequest request = Ui.currentRequest();
        if (request == null || CurrentRequest.user().isEmpty()
                || request.getRequestURI().startsWith(request.getContextPath() + "/r/")) {
            return null;
        }
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, InterruptedException {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), HighTraffic.class)) {
            return true;
        }
        String token = token(request);
        SignedInUser user = CurrentRequest.user().orElse(null);
        if (token == null || user == null) {
            return true;
        }
        String account = user.getUsername();
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (claim(token, account)) {
                request.setAttribute(CLAIMED, token);
                return true;
            }
            Optional<Claim> claim = find(token);
            if (claim.isPresent() && !claim.get().account().equals(account)) {
                // Not this person's token (it cannot be guessed, but a page could be shared): no guard.
                return true;
            }
            if (claim.isPresent() && claim.get().outcome() != null) {
                log.info("A form was sent again with a used token; sent to where the first went");
                response.sendRedirect(request.getContextPath() + SafeRedirect.localPath(claim.get().outcome()));
                return false;
            }
            if (System.nanoTime() > until) {
                // The first is taking very long: say so (the error page), rather than make a second thing.
                response.sendError(HttpServletResponse.SC_CONFLICT);
                return false;
            }
            // The first is still being handled, or has let its claim go (claimed again next time round).
            Thread.sleep(POLL);
        }
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView view) {
        if (!(request.getAttribute(CLAIMED) instanceof String token)) {
            return;
        }
        String outcome = outcome(view);
        if (outcome != null) {
            jdbc.sql("update form_submission set outcome = :outcome where token = :token")
                    .param("outcome", outcome)
                    .param("token", token)
                    .update();
            request.removeAttribute(CLAIMED);
        }
        // Otherwise the form is shown again, or a file was sent: the claim is let go below.
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        if (request.getAttribute(CLAIMED) instanceof String token) {
            jdbc.sql("delete from form_submission where token = :token and outcome is null")
                    .param("token", token)
                    .update();
        }
    }

    /** Claims older than a day are no use: no one double-clicks that slowly. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldClaims() {
        OrganisationScope.asTheService("forgetting day-old claims of sends, which belong to no organisation",
                () -> jdbc.sql("delete from form_submission where claimed_at < now() - interval '1 day'").update());
    }

    private boolean claim(String token, String account) {
        return jdbc.sql("""
                        insert into form_submission (token, account_name) values (:token, :account)
                        on conflict (token) do nothing
                        """)
                        .param("token", token)
                        .param("account", account)
                        .update()
                == 1;
    }

    private Optional<Claim> find(String token) {
        return jdbc.sql("select account_name, outcome from form_submission where token = :token")
                .param("token", token)
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2)))
                .optional();
    }

    private record Claim(String account, @Nullable String outcome) {}

    private static @Nullable String token(HttpServletRequest request) {
        String token = request.getParameter(PARAMETER);
        if (token == null) {
            return null;
        }
        try {
            return UUID.fromString(token).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The path a handler sent the person to, or null when it drew a page. */
    private static @Nullable String outcome(@Nullable ModelAndView view) {
        if (view == null) {
            return null;
        }
        String target = null;
        if (view.getViewName() instanceof String name && name.startsWith(REDIRECT)) {
            target = name.substring(REDIRECT.length());
        } else if (view.getView() instanceof RedirectView redirect && redirect.getUrl() != null) {
            target = redirect.getUrl();
        }
        // Only a path in this service: never send a second click elsewhere.
        return target != null && SafeRedirect.localPath(target).equals(target) ? target : null;
    }
}
