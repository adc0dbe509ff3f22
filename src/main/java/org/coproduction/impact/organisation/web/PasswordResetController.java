package org.coproduction.impact.organisation.web;

import jakarta.validation.Valid;
import org.coproduction.impact.organisation.AccountService;
import org.coproduction.impact.shared.tenancy.AcrossOrganisations;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Forgotten password: ask for a link, then choose a new password from the link. */
@Controller
@PublicEndpoint
class PasswordResetController {

    private final AccountService accounts;
    private final MessageSource messages;

    PasswordResetController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/forgotten-password")
    String showForgotten(Model model) {
        model.addAttribute("login", "");
        model.addAttribute("errors", FormErrors.none());
        return "organisation/forgotten-password";
    }

    @PostMapping("/forgotten-password")
    @AcrossOrganisations("the link's email is kept in the outbox of each of the person's organisations")
    String requestLink(@Valid @ModelAttribute ForgottenForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            model.addAttribute("login", form.login() == null ? "" : form.login());
            model.addAttribute("errors", FormErrors.of(result, messages));
            return "organisation/forgotten-password";
        }
        accounts.requestPasswordReset(form.login());
        return "redirect:/forgotten-password/sent";
    }

    @GetMapping("/forgotten-password/sent")
    String showSent() {
        return "organisation/forgotten-password-sent";
    }

    @GetMapping("/reset-password/{token}")
    String showReset(@PathVariable String token, Model model) {
        if (!accounts.isResetLinkValid(token)) {
            return "organisation/reset-link-not-valid";
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        return "organisation/reset-password";
    }

    @PostMapping("/reset-password/{token}")
    String resetPassword(@PathVariable String token, @Valid @ModelAttribute ResetForm form, BindingResult result, Model model) {
        if (!accounts.isResetLinkValid(token)) {
            return "organisation/reset-link-not-valid";
        }
        FormErrors errors = FormErrors.of(result, messages);
        if (errors.of("password") == null) {
            String[] personal = accounts.personalWordsForReset(token).toArray(String[]::new);
            String problem = accounts.passwordProblem(form.password(), personal).orElse(null);
            if (problem != null) {
                errors = errors.plus("password", Ui.t(problem));
            } else if (form.confirm() != null && !form.password().equals(form.confirm())) {
                errors = errors.plus("confirm", Ui.t("password.confirm.different"));
            }
        }
        if (errors.any()) {
            model.addAttribute("token", token);
            model.addAttribute("errors", errors);
            return "organisation/reset-password";
        }
        return switch (accounts.resetPassword(token, form.password())) {
            case DONE -> "redirect:/sign-in?reset";
            case LINK_NOT_VALID -> "organisation/reset-link-not-valid";
        };
    }
}
