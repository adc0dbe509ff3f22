package org.coproduction.impact.evidence.web;

import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.ListAgreement;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's list of ways of collecting evidence, who agreed it, and its history. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showWays(Tenant tenant, Model model) {
        model.addAttribute("ways", evidence.ways(tenant));
        model.addAttribute("agreement", evidence.agreement(tenant));
        model.addAttribute("gaps", evidence.reviews(tenant).stream().filter(r -> r.gapOpen()).toList());
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "evidence/ways";
    }

    @GetMapping("/evidence/agreed")
    String showAgreement(Tenant tenant, Model model) {
        return form(model, EvidenceForms.AgreementForm.of(evidence.agreement(tenant)), null, FormErrors.none());
    }

    @PostMapping("/evidence/agreed")
    String saveAgreement(Tenant tenant, @ModelAttribute EvidenceForms.AgreementForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = form.check();
        if (errors.any()) {
            return form(model, form, null, errors);
        }
        EvidenceService.Result result = evidence.agree(tenant, form.version(), form.whoAgreed(), form.agreedOn());
        if (result instanceof EvidenceService.Result.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("evidence.agreement.saved"));
            return "redirect:/evidence";
        }
        ListAgreement theirs = evidence.agreement(tenant);
        return form(model, form.withVersion(theirs.version()), theirs, FormErrors.single("whoAgreed", Ui.t("evidence.stale")));
    }

    @GetMapping("/evidence/history")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showHistory(Tenant tenant, Model model) {
        model.addAttribute("changes", evidence.history(tenant));
        return "evidence/history";
    }

    private String form(Model model, EvidenceForms.AgreementForm form, ListAgreement theirs, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("errors", errors);
        return "evidence/agreement-form";
    }
}
