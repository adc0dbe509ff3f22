package org.coproduction.impact.organisation.web;

import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.OrganisationSummary;
import org.coproduction.impact.organisation.SsoService;
import org.coproduction.impact.organisation.SsoSettings;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OperatorOnly;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operator's list of organisations, where one can be suspended or restored, and where
 * the operator sets up an organisation's single sign-on (docs/sso.md, "Set by the operator").
 */
@Controller
@OperatorOnly
class OperatorController {

    private final OrganisationService organisations;
    private final SsoService sso;
    private final BaseUrl baseUrl;

    OperatorController(OrganisationService organisations, SsoService sso, BaseUrl baseUrl) {
        this.organisations = organisations;
        this.sso = sso;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/operator/organisations")
    String showOrganisations(Model model) {
        model.addAttribute("organisations", organisations.allOrganisations());
        return "organisation/operator-organisations";
    }

    @PostMapping("/operator/organisations/{organisationId}/suspension")
    String setSuspended(
            @PathVariable UUID organisationId,
            @RequestParam(defaultValue = "true") boolean suspended,
            @AuthenticationPrincipal SignedInUser operator) {
        organisations.setSuspended(operator.userId(), organisationId, suspended);
        return "redirect:/operator/organisations";
    }

    @GetMapping("/operator/organisations/{organisationId}/sso")
    String showSso(@PathVariable UUID organisationId, Model model) {
        OrganisationId org = new OrganisationId(organisationId);
        SsoSettings saved = sso.settingsForOperator(org).orElse(null);
        SsoSettingsForm form = saved == null
                ? new SsoSettingsForm(null, null, null, null, null, null, 0)
                : new SsoSettingsForm(saved.issuer(), saved.clientId(), null, String.join(", ", saved.domains()),
                        saved.passwordsForStaff() ? "yes" : "no",
                        saved.firstRole() == null ? SsoSettingsController.NO_ROLE : saved.firstRole().name(), saved.version());
        return ssoPage(org, model, form, saved != null, FormErrors.none());
    }

    @PostMapping("/operator/organisations/{organisationId}/sso")
    String saveSso(@PathVariable UUID organisationId, @ModelAttribute SsoSettingsForm form, Model model,
            @AuthenticationPrincipal SignedInUser operator, RedirectAttributes redirect) {
        OrganisationId org = new OrganisationId(organisationId);
        boolean exists = sso.settingsForOperator(org).isPresent();
        SsoSettingsController.Checked checked = SsoSettingsController.check(form, exists);
        if (checked.errors().any()) {
            return ssoPage(org, model, form, exists, checked.errors());
        }
        return switch (sso.saveByOperator(operator.userId(), org, checked.changes())) {
            case SsoService.Saved.Done done -> {
                redirect.addFlashAttribute("notice", Ui.t("sso.settings.saved"));
                yield "redirect:/operator/organisations/" + organisationId + "/sso";
            }
            case SsoService.Saved.Stale stale -> ssoPage(org, model, form, exists, FormErrors.single("issuer", Ui.t("sso.settings.stale")));
            case SsoService.Saved.DomainsTaken taken -> ssoPage(org, model, form, exists,
                    FormErrors.single("domains", Ui.t("sso.settings.domains.taken", String.join(", ", taken.domains()))));
            case SsoService.Saved.ProviderNotFound notFound -> ssoPage(org, model, form, exists,
                    FormErrors.single("issuer", Ui.t("sso.settings.issuer.not-found")));
            case SsoService.Saved.SetByOperator never -> throw new IllegalStateException("the operator is never refused as an ADMIN is");
        };
    }

    @PostMapping("/operator/organisations/{organisationId}/sso/turn-off")
    String turnOffSso(@PathVariable UUID organisationId, @AuthenticationPrincipal SignedInUser operator, RedirectAttributes redirect) {
        sso.turnOffByOperator(operator.userId(), new OrganisationId(organisationId));
        redirect.addFlashAttribute("notice", Ui.t("sso.settings.turned-off"));
        return "redirect:/operator/organisations/" + organisationId + "/sso";
    }

    private String ssoPage(OrganisationId org, Model model, SsoSettingsForm form, boolean exists, FormErrors errors) {
        String name = organisations.allOrganisations().stream().filter(o -> o.id().equals(org.value())).map(OrganisationSummary::name)
                .findFirst().orElseThrow(() -> new NotFoundException("organisation"));
        model.addAttribute("form", form);
        model.addAttribute("exists", exists);
        model.addAttribute("errors", errors);
        model.addAttribute("organisationName", name);
        model.addAttribute("action", "/operator/organisations/" + org.value() + "/sso");
        model.addAttribute("back", "/operator/organisations");
        model.addAttribute("redirectUri", baseUrl.value() + "/login/oauth2/code/" + org.value());
        SsoSettingsController.choices(model);
        return "organisation/sso-settings";
    }
}
