package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.coproduction.impact.organisation.SsoService;
import org.coproduction.impact.shared.tenancy.AcrossOrganisations;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Sign in with your work account": the person types their work email, and the service finds the
 * organisation whose single sign-on covers its domain. The next step is a link, not a redirect from
 * the form, so the page's form-action policy (strict CSP) never has to allow a provider's address.
 */
@Controller
@PublicEndpoint
class WorkAccountController {

    private final SsoService sso;
    private final WorkAccountLookupLimit limit;

    WorkAccountController(SsoService sso, WorkAccountLookupLimit limit) {
        this.sso = sso;
        this.limit = limit;
    }

    @GetMapping("/sign-in/work-account")
    String showWorkAccount(@RequestParam(required = false) @Nullable String error, Model model,
            RedirectAttributes redirect) {
        String message = switch (error == null ? "" : error) {
            case "domain" -> Ui.t("sso.sign-in.error.domain");
            case "unverified" -> Ui.t("sso.sign-in.error.unverified");
            case "failed" -> Ui.t("sso.sign-in.error.failed");
            default -> null;
        };
        if (Ui.user() != null) {
            // Someone still signed in (refused by another organisation's provider, say) goes home, told why.
            if (message != null) {
                redirect.addFlashAttribute("refused", message);
            }
            return "redirect:/";
        }
        FormErrors errors = FormErrors.none();
        if (message != null) {
            errors = FormErrors.single("email", message);
        }
        return page(model, "", errors);
    }

    @PostMapping("/sign-in/work-account")
    @AcrossOrganisations("an email address's domain may be any organisation's work accounts")
    String findWorkAccount(@RequestParam(required = false) @Nullable String email, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<Long> wait = limit.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            // Plain "too many tries, wait a minute" page; the lookup is not made, so nothing is told.
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait.get()));
            return "error/429";
        }
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty()) {
            return page(model, typed, FormErrors.single("email", Ui.t("sso.sign-in.email.required")));
        }
        if (!typed.matches("^[^@\\s]+@[^@\\s]+$")) {
            return page(model, typed, FormErrors.single("email", Ui.t("sso.sign-in.email.invalid")));
        }
        return sso.organisationFor(typed)
                .map(org -> {
                    model.addAttribute("organisationName", org.name());
                    model.addAttribute("href", "/oauth2/authorization/" + org.id().value());
                    return "organisation/work-account-continue";
                })
                .orElseGet(() -> page(model, typed, FormErrors.single("email", Ui.t("sso.sign-in.email.no-organisation"))));
    }

    @GetMapping("/sign-in/work-account/waiting")
    String showWaiting() {
        return "organisation/work-account-waiting";
    }

    private static String page(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "organisation/work-account";
    }
}
