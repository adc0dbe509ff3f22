package org.coproduction.impact.organisation.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.SsoService;
import org.coproduction.impact.organisation.SsoWaiting;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An ADMIN gives a role to someone who signed in with their work account for the first time, or turns them away. */
@Controller
@RequiresRole(Role.ADMIN)
class SsoApprovalController {

    private final SsoService sso;

    SsoApprovalController(SsoService sso) {
        this.sso = sso;
    }

    @GetMapping("/people/waiting/{waitingId}")
    String showApprove(Tenant tenant, @PathVariable UUID waitingId, Model model) {
        return page(model, sso.waitingPerson(tenant, waitingId), null, FormErrors.none());
    }

    @PostMapping("/people/waiting/{waitingId}/approve")
    String approve(Tenant tenant, @PathVariable UUID waitingId, @RequestParam(required = false) @Nullable String role,
            Model model, RedirectAttributes redirect) {
        SsoWaiting waiting = sso.waitingPerson(tenant, waitingId);
        Role chosen = null;
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                chosen = r;
            }
        }
        if (chosen == null) {
            return page(model, waiting, null, FormErrors.single("role", Ui.t("people.role.required")));
        }
        sso.approve(tenant, waitingId, chosen);
        redirect.addFlashAttribute("notice", Ui.t("sso.waiting.approved", waiting.displayName(), Ui.t(chosen.messageKey())));
        return "redirect:/people";
    }

    @PostMapping("/people/waiting/{waitingId}/refuse")
    String refuse(Tenant tenant, @PathVariable UUID waitingId, RedirectAttributes redirect) {
        SsoWaiting waiting = sso.refuse(tenant, waitingId);
        redirect.addFlashAttribute("notice", Ui.t("sso.waiting.refused", waiting.displayName()));
        return "redirect:/people";
    }

    private String page(Model model, SsoWaiting waiting, @Nullable String selected, FormErrors errors) {
        model.addAttribute("waiting", waiting);
        model.addAttribute("roles", List.copyOf(PeopleController.roleOptions()));
        model.addAttribute("selected", selected);
        model.addAttribute("errors", errors);
        return "organisation/sso-approve";
    }
}
