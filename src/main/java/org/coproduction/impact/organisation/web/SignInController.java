package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpSession;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Spring Security checks the POST; this shows the form and the plain-words outcome. */
@Controller
@PublicEndpoint
class SignInController {

    @GetMapping("/sign-in")
    String showSignIn(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable String reset,
            @RequestParam(required = false) @Nullable String joined,
            HttpSession session,
            Model model) {
        if (Ui.user() != null) {
            return "redirect:/";
        }
        Object last = session.getAttribute("signIn.lastLogin");
        model.addAttribute("username", error != null && last instanceof String s ? s : "");
        FormErrors errors = FormErrors.none();
        if ("wait".equals(error)) {
            long minutes = session.getAttribute("signIn.waitMinutes") instanceof Long m ? m : 1;
            errors = FormErrors.single("username", Ui.t("sign-in.error.wait", minutes));
        } else if ("two-step".equals(error)) {
            errors = FormErrors.single("username", Ui.t("sign-in.error.two-step"));
        } else if ("sso".equals(error)) {
            errors = FormErrors.single("username", Ui.t("sso.sign-in.password-refused"));
        } else if (error != null) {
            errors = FormErrors.single("username", Ui.t("sign-in.error.bad"));
        }
        model.addAttribute("errors", errors);
        String notice = signedOut != null ? "sign-in.signed-out" : reset != null ? "sign-in.password-changed" : joined != null ? "sign-in.joined" : null;
        model.addAttribute("notice", notice == null ? null : Ui.t(notice));
        return "organisation/sign-in";
    }
}
