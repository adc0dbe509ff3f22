package org.coproduction.impact.organisation.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.coproduction.impact.organisation.Invitation;
import org.coproduction.impact.organisation.InvitationService;
import org.coproduction.impact.organisation.QrCode;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An ADMIN invites people: by email, or with a printed invitation for people without email. */
@Controller
@RequiresRole(Role.ADMIN)
class InvitationController {

    private final InvitationService invitations;
    private final MessageSource messages;

    InvitationController(InvitationService invitations, MessageSource messages) {
        this.invitations = invitations;
        this.messages = messages;
    }

    @GetMapping("/invitations/new")
    String showNewInvitation(Model model) {
        return form(model, null, null, null, Role.MEMBER.name(), FormErrors.none());
    }

    @PostMapping("/invitations/new")
    String invite(Tenant tenant, @Valid @ModelAttribute InvitationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(result, messages);
        boolean emailMissing = form.email() == null || form.email().isBlank();
        if (form.kind() == Invitation.Kind.EMAIL && emailMissing) {
            errors = errors.plus("email", Ui.t("invite.email.required"));
        }
        if (errors.any()) {
            return form(model, form.name(), form.kind() == null ? null : form.kind().name(), form.email(),
                    form.role() == null ? null : form.role().name(), errors);
        }
        UUID id = form.kind() == Invitation.Kind.EMAIL
                ? invitations.inviteByEmail(tenant, form.name(), form.email(), form.role())
                : invitations.invitePrinted(tenant, form.name(), form.role());
        if (form.kind() == Invitation.Kind.EMAIL) {
            redirect.addFlashAttribute("notice", Ui.t("invite.sent", form.name().strip()));
            return "redirect:/people";
        }
        return "redirect:/invitations/" + id + "/print";
    }

    private String form(Model model, String name, String kind, String email, String role, FormErrors errors) {
        model.addAttribute("name", name);
        model.addAttribute("kind", kind);
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        model.addAttribute("roles", PeopleController.roleOptions());
        model.addAttribute("kinds", java.util.List.of(
                new Option("EMAIL", Ui.t("invite.kind.email"), Ui.t("invite.kind.email.hint")),
                new Option("PRINTED", Ui.t("invite.kind.printed"), Ui.t("invite.kind.printed.hint"))));
        model.addAttribute("errors", errors);
        return "organisation/new-invitation";
    }

    @GetMapping("/invitations/{invitationId}/print")
    String printInvitation(Tenant tenant, @PathVariable UUID invitationId, Model model) {
        Invitation invitation = invitations.get(tenant, invitationId);
        String link = invitations.link(invitation);
        model.addAttribute("invitation", invitation);
        model.addAttribute("link", link);
        model.addAttribute("joinPage", invitations.joinPage());
        model.addAttribute("qr", QrCode.svg(link, Ui.t("invite.print.qr-title", invitation.organisationName())));
        return "organisation/print-invitation";
    }

    @GetMapping("/invitations/{invitationId}/withdraw")
    String confirmWithdraw(Tenant tenant, @PathVariable UUID invitationId, Model model) {
        model.addAttribute("invitation", invitations.get(tenant, invitationId));
        return "organisation/confirm-withdraw-invitation";
    }

    @PostMapping("/invitations/{invitationId}/withdraw")
    String withdraw(Tenant tenant, @PathVariable UUID invitationId, RedirectAttributes redirect) {
        Invitation invitation = invitations.get(tenant, invitationId);
        invitations.withdraw(tenant, invitationId);
        redirect.addFlashAttribute("notice", Ui.t("invite.withdrawn", invitation.inviteeName()));
        return "redirect:/people";
    }
}
