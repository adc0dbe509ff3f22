package org.coproduction.impact.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.SsoService;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.AcrossOrganisations;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.SignedIn;
import org.coproduction.impact.shared.tenancy.TenantResolver;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Creating an organisation, and choosing which of one's organisations to work in. */
@Controller
@SignedIn
class OrganisationController {

    private final OrganisationService organisations;
    private final TenantResolver tenants;
    private final MessageSource messages;
    private final SsoService sso;

    OrganisationController(OrganisationService organisations, TenantResolver tenants, MessageSource messages, SsoService sso) {
        this.sso = sso;
        this.organisations = organisations;
        this.tenants = tenants;
        this.messages = messages;
    }

    @GetMapping("/organisations/new")
    String showNewOrganisation(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("errors", FormErrors.none());
        return "organisation/new-organisation";
    }

    @PostMapping("/organisations/new")
    @AcrossOrganisations("it makes a new organisation, which no page is limited to yet")
    String createOrganisation(
            @Valid @ModelAttribute OrganisationForm form,
            BindingResult result,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            Model model) {
        if (result.hasErrors()) {
            model.addAttribute("name", form.name() == null ? "" : form.name());
            model.addAttribute("errors", FormErrors.of(result, messages));
            return "organisation/new-organisation";
        }
        OrganisationId created = organisations.create(user.userId(), form.name());
        tenants.choose(request, user, created);
        return "redirect:/?created";
    }

    @GetMapping("/organisations/switch")
    String showSwitch(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "organisation/switch";
    }

    @PostMapping("/organisations/switch")
    String switchOrganisation(
            @RequestParam(required = false) @Nullable String organisation,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            Model model) {
        UUID id = parse(organisation);
        if (id == null) {
            model.addAttribute("errors", FormErrors.single("organisation", Ui.t("switch.organisation.required")));
            return "organisation/switch";
        }
        OrganisationId chosen = new OrganisationId(id);
        if (!tenants.choose(request, user, chosen)) {
            boolean theirs = tenants.belongsTo(user, chosen);
            // One of theirs: whether it has its own provider is read within it (this page is walled in to the current one).
            if (theirs && OrganisationScope.within(chosen, () -> sso.hasSingleSignOn(chosen))) {
                // Signed in through another organisation's provider: this one's provider must vouch for them too.
                return "redirect:/oauth2/authorization/" + id;
            }
            model.addAttribute("errors", FormErrors.single("organisation",
                    Ui.t(theirs ? "sso.switch.password-needed" : "switch.organisation.required")));
            return "organisation/switch";
        }
        return "redirect:/";
    }

    private static @Nullable UUID parse(@Nullable String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
