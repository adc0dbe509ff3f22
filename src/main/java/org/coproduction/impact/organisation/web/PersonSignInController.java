package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.coproduction.impact.organisation.SignInSafety;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An ADMIN's page about one person's signing in: end their sessions, or let them try again now. */
@Controller
@RequiresRole(Role.ADMIN)
class PersonSignInController {

    private final SignInSafety safety;

    PersonSignInController(SignInSafety safety) {
        this.safety = safety;
    }

    @GetMapping("/people/{personId}/sign-in")
    String show(Tenant tenant, @PathVariable UUID personId, Model model) {
        model.addAttribute("status", safety.status(tenant, personId));
        return "organisation/person-sign-in";
    }

    @PostMapping("/people/{personId}/sign-in/end-sessions")
    String endSessions(Tenant tenant, @PathVariable UUID personId, HttpServletRequest request, RedirectAttributes redirect) {
        HttpSession mine = request.getSession(false);
        String name = safety.status(tenant, personId).person().displayName();
        safety.endSessions(tenant, personId, mine == null ? null : mine.getId());
        redirect.addFlashAttribute("notice", Ui.t("people.sign-in.sessions-ended", name));
        return "redirect:/people/" + personId + "/sign-in";
    }

    @PostMapping("/people/{personId}/sign-in/let-try")
    String letTryNow(Tenant tenant, @PathVariable UUID personId, RedirectAttributes redirect) {
        String name = safety.status(tenant, personId).person().displayName();
        safety.letTryNow(tenant, personId);
        redirect.addFlashAttribute("notice", Ui.t("people.sign-in.let-try.done", name));
        return "redirect:/people/" + personId + "/sign-in";
    }
}
