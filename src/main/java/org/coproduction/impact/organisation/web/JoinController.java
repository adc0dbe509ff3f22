package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.coproduction.impact.organisation.Invitation;
import org.coproduction.impact.organisation.InvitationService;
import org.coproduction.impact.organisation.InvitationService.Acceptance;
import org.coproduction.impact.organisation.InvitationService.CodeLookup;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.AcrossOrganisations;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.tenancy.SignedIn;
import org.coproduction.impact.shared.tenancy.TenantResolver;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Accepting an invitation: from an email link, a QR code, or a code typed from a printed sheet.
 * A person without an account makes one here; a signed-in person just joins.
 */
@Controller
@PublicEndpoint
class JoinController {

    private final InvitationService invitations;
    private final TenantResolver tenants;
    private final MessageSource messages;

    JoinController(InvitationService invitations, TenantResolver tenants, MessageSource messages) {
        this.invitations = invitations;
        this.tenants = tenants;
        this.messages = messages;
    }

    @GetMapping("/join")
    String showEnterCode(Model model) {
        model.addAttribute("code", "");
        model.addAttribute("errors", FormErrors.none());
        return "organisation/join";
    }

    @PostMapping("/join")
    @AcrossOrganisations("a code typed in from a printed invitation may be any organisation's")
    String enterCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        String typed = code.strip();
        FormErrors errors = FormErrors.none();
        if (typed.isEmpty()) {
            errors = FormErrors.single("code", Ui.t("join.code.required"));
        } else if (typed.length() > 20) {
            errors = FormErrors.single("code", Ui.t("join.code.not-found"));
        } else {
            CodeLookup found = invitations.byCode(typed, request.getRemoteAddr());
            switch (found) {
                case CodeLookup.Found f -> {
                    return "redirect:/invite/" + f.invitation().token();
                }
                case CodeLookup.NotFound n -> errors = FormErrors.single("code", Ui.t("join.code.not-found"));
                case CodeLookup.TooManyTries t -> errors = FormErrors.single("code",
                        Ui.t("join.code.wait", Math.max(1, (t.waitFor().toSeconds() + 59) / 60)));
            }
        }
        model.addAttribute("code", typed.length() > 20 ? "" : typed);
        model.addAttribute("errors", errors);
        return "organisation/join";
    }

    @GetMapping("/invite/{invitationToken}")
    String showInvitation(@PathVariable("invitationToken") String token, Model model) {
        Invitation invitation = invitations.byToken(token).orElse(null);
        if (invitation == null || !invitation.canBeAccepted()) {
            return "organisation/invitation-not-valid";
        }
        return acceptPage(model, invitation, new JoinForm(invitation.inviteeName(), "", invitation.email(), "", ""), FormErrors.none());
    }

    @PostMapping("/invite/{invitationToken}")
    String acceptWithNewAccount(
            @PathVariable("invitationToken") String token, @Valid @ModelAttribute JoinForm form, BindingResult result, Model model) {
        Invitation invitation = invitations.byToken(token).orElse(null);
        if (invitation == null || !invitation.canBeAccepted()) {
            return "organisation/invitation-not-valid";
        }
        FormErrors errors = FormErrors.of(result, messages);
        if (errors.of("confirm") == null && form.password() != null && !form.password().equals(form.confirm())) {
            errors = errors.plus("confirm", Ui.t("password.confirm.different"));
        }
        if (errors.any()) {
            return acceptPage(model, invitation, form, errors);
        }
        String email = form.email() == null || form.email().isBlank() ? null : form.email();
        return switch (invitations.acceptWithNewAccount(token, form.name(), form.username(), email, form.password())) {
            case Acceptance.Joined joined -> "redirect:/sign-in?joined";
            case Acceptance.Refused refused -> acceptPage(model, invitation, form,
                    FormErrors.single(refused.problem().field(), Ui.t(refused.problem().messageKey())));
            case Acceptance.NoLongerValid gone -> "organisation/invitation-not-valid";
        };
    }

    @PostMapping("/invite/{invitationToken}/accept")
    @SignedIn
    String acceptAsSignedIn(@PathVariable("invitationToken") String token, HttpServletRequest request) {
        SignedInUser user = Ui.user();
        if (user == null) {
            return "redirect:/sign-in";
        }
        return switch (invitations.acceptAs(token, user.userId())) {
            case Acceptance.Joined joined -> {
                tenants.choose(request, user, joined.organisation());
                yield "redirect:/?joined";
            }
            case Acceptance.Refused refused -> "organisation/invitation-not-valid";
            case Acceptance.NoLongerValid gone -> "organisation/invitation-not-valid";
        };
    }

    /** "I already have an account": sign in first (the sign-in page comes back here), then join. */
    @GetMapping("/invite/{invitationToken}/sign-in")
    @SignedIn
    String signInThenAccept(@PathVariable("invitationToken") String token) {
        return "redirect:/invite/" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String acceptPage(Model model, Invitation invitation, JoinForm form, FormErrors errors) {
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "organisation/accept-invitation";
    }

}
