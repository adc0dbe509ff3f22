package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.QrCode;
import org.coproduction.impact.organisation.TwoStepService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.SignedIn;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-step sign-in (docs/security.md): the second step after a right password, setting up an
 * authenticator app, one's own settings, and an ADMIN's rule for the organisation's staff.
 */
@Controller
class TwoStepController {

    /** Session attribute names, shared with the organisation module's sign-in handlers. */
    static final String PENDING = TwoStepService.SESSION_PENDING;
    static final String WRONG = "signIn.twoStepWrong";
    /** Wrong codes in one sign-in before it starts again from the password. */
    static final int MAX_WRONG = 5;

    private final TwoStepService twoStep;
    private final AuditLog audit;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    TwoStepController(TwoStepService twoStep, AuditLog audit) {
        this.twoStep = twoStep;
        this.audit = audit;
    }

    // ---------------------------------------------------------------------------------------
    // The second step of signing in

    @SignedIn
    @GetMapping("/sign-in/two-step")
    String showCode(HttpSession session, Model model) {
        if (!TwoStepService.Pending.CODE.name().equals(session.getAttribute(PENDING))) {
            return "redirect:/";
        }
        return codePage(model, FormErrors.none());
    }

    @SignedIn
    @PostMapping("/sign-in/two-step")
    String checkCode(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, HttpSession session,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!TwoStepService.Pending.CODE.name().equals(session.getAttribute(PENDING))) {
            return "redirect:/";
        }
        if (code.isBlank()) {
            return codePage(model, FormErrors.single("code", Ui.t("two-step.code.required")));
        }
        if (!twoStep.check(user.userId(), code)) {
            int wrong = session.getAttribute(WRONG) instanceof Integer n ? n + 1 : 1;
            if (wrong >= MAX_WRONG) {
                // Guessing: the sign-in starts again from the password, which is itself slowed after failures.
                audit.record(null, user.userId(), "TWO_STEP_TOO_MANY_WRONG", "account", user.userId().value(), null);
                session.invalidate();
                return "redirect:/sign-in?error=two-step";
            }
            session.setAttribute(WRONG, wrong);
            return codePage(model, FormErrors.single("code", Ui.t("two-step.code.wrong")));
        }
        return signedIn(user, session, request, response);
    }

    private String codePage(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        return "organisation/two-step-code";
    }

    /** The second step is done: the person is signed in, and goes where they were going. */
    private String signedIn(SignedInUser user, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        finishSignIn(user, session);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        // A saved request is one this service received itself, so it is always one of its own addresses.
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    /** The second step is passed: the session is fully signed in, and the sign-in is recorded. */
    private void finishSignIn(SignedInUser user, HttpSession session) {
        session.removeAttribute(PENDING);
        session.removeAttribute(WRONG);
        audit.record(null, user.userId(), "SIGNED_IN", "account", user.userId().value(), null);
    }

    // ---------------------------------------------------------------------------------------
    // Setting up an app (asked at sign-in when the organisation requires it, or from one's settings)

    @SignedIn
    @GetMapping("/sign-in/two-step/set-up")
    String showSetUp(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        if (twoStep.isOn(user.userId())) {
            return "redirect:/account/two-step";
        }
        TwoStepService.SetUp setUp = twoStep.startSetUp(user.userId(), user.getUsername());
        return setUpPage(model, session, setUp, FormErrors.none());
    }

    @SignedIn
    @PostMapping("/sign-in/two-step/set-up")
    String confirmSetUp(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, HttpSession session,
            HttpServletRequest request, Model model) {
        if (twoStep.isOn(user.userId())) {
            return "redirect:/account/two-step";
        }
        TwoStepService.SetUp setUp = twoStep.settingUp(user.userId(), user.getUsername()).orElse(null);
        if (setUp == null) {
            return "redirect:/sign-in/two-step/set-up";
        }
        if (code.isBlank()) {
            return setUpPage(model, session, setUp, FormErrors.single("code", Ui.t("two-step.code.required")));
        }
        List<String> codes = twoStep.confirm(user.userId(), code).orElse(null);
        if (codes == null) {
            return setUpPage(model, session, setUp, FormErrors.single("code", Ui.t("two-step.set-up.wrong")));
        }
        boolean wasSigningIn = session.getAttribute(PENDING) != null;
        if (wasSigningIn) {
            finishSignIn(user, session);
        }
        model.addAttribute("codes", codes);
        model.addAttribute("next", wasSigningIn ? "/" : "/account/two-step");
        return "organisation/two-step-recovery-codes";
    }

    private String setUpPage(Model model, HttpSession session, TwoStepService.SetUp setUp, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("key", setUp.key().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qr", QrCode.svg(setUp.uri(), Ui.t("two-step.set-up.qr-title")));
        model.addAttribute("required", TwoStepService.Pending.SET_UP.name().equals(session.getAttribute(PENDING)));
        return "organisation/two-step-set-up";
    }

    // ---------------------------------------------------------------------------------------
    // One's own settings

    @SignedIn
    @GetMapping("/account/two-step")
    String showAccount(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("on", twoStep.isOn(user.userId()));
        model.addAttribute("required", twoStep.isRequired(user.userId()));
        model.addAttribute("codesLeft", twoStep.recoveryCodesLeft(user.userId()));
        return "organisation/two-step-account";
    }

    @SignedIn
    @PostMapping("/account/two-step/turn-off")
    String turnOff(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", Ui.t(twoStep.turnOff(user.userId()) ? "two-step.account.turned-off" : "two-step.account.required"));
        return "redirect:/account/two-step";
    }

    // ---------------------------------------------------------------------------------------
    // An ADMIN's rule for the organisation's ADMINs and FACILITATORs

    @RequiresRole(Role.ADMIN)
    @GetMapping("/settings/two-step")
    String showSettings(Tenant tenant, Model model) {
        return settingsPage(tenant, model, null, FormErrors.none());
    }

    @RequiresRole(Role.ADMIN)
    @PostMapping("/settings/two-step")
    String saveSettings(Tenant tenant, @RequestParam(required = false) @Nullable String required, Model model, RedirectAttributes redirect) {
        if (!"yes".equals(required) && !"no".equals(required)) {
            return settingsPage(tenant, model, required, FormErrors.single("required", Ui.t("two-step.settings.choose")));
        }
        twoStep.require(tenant, "yes".equals(required));
        redirect.addFlashAttribute("notice", Ui.t("yes".equals(required) ? "two-step.settings.now-required" : "two-step.settings.not-required"));
        return "redirect:/settings/two-step";
    }

    @RequiresRole(Role.ADMIN)
    @PostMapping("/settings/two-step/reset")
    String reset(Tenant tenant, @RequestParam UUID person, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        twoStep.reset(tenant, person);
        redirect.addFlashAttribute("notice", Ui.t("two-step.settings.reset.done", name));
        return "redirect:/settings/two-step";
    }

    private String settingsPage(Tenant tenant, Model model, @Nullable String value, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("value", value != null ? value : twoStep.requiredIn(tenant.organisationId()) ? "yes" : "no");
        model.addAttribute("options", List.of(new Option("yes", Ui.t("two-step.settings.yes"), null),
                new Option("no", Ui.t("two-step.settings.no"), null)));
        model.addAttribute("staff", twoStep.staff(tenant.organisationId()));
        return "organisation/two-step-settings";
    }
}
