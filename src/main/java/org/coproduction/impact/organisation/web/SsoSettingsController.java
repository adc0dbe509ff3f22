package org.coproduction.impact.organisation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.coproduction.impact.organisation.SsoService;
import org.coproduction.impact.organisation.SsoSettings;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An ADMIN sets up single sign-on with their organisation's OpenID Connect provider (docs/sso.md). */
@Controller
@RequiresRole(Role.ADMIN)
class SsoSettingsController {

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    static final String NO_ROLE = "NONE";

    private final SsoService sso;
    private final BaseUrl baseUrl;

    SsoSettingsController(SsoService sso, BaseUrl baseUrl) {
        this.sso = sso;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/settings/sso")
    String showSettings(Tenant tenant, Model model) {
        SsoSettings saved = sso.settings(tenant).orElse(null);
        SsoSettingsForm form = saved == null
                ? new SsoSettingsForm(null, null, null, null, null, null, 0)
                : new SsoSettingsForm(saved.issuer(), saved.clientId(), null, String.join(", ", saved.domains()),
                        saved.passwordsForStaff() ? "yes" : "no", saved.firstRole() == null ? NO_ROLE : saved.firstRole().name(),
                        saved.version());
        return page(tenant, model, form, saved != null, FormErrors.none());
    }

    @PostMapping("/settings/sso")
    String saveSettings(Tenant tenant, @ModelAttribute SsoSettingsForm form, Model model, RedirectAttributes redirect) {
        if (sso.setByOperator(tenant)) {
            redirect.addFlashAttribute("notice", Ui.t("sso.operator.admin.read-only"));
            return "redirect:/settings/sso";
        }
        boolean exists = sso.settings(tenant).isPresent();
        Checked checked = check(form, exists);
        if (checked.errors().any()) {
            return page(tenant, model, form, exists, checked.errors());
        }
        SsoService.Saved saved = sso.save(tenant, checked.changes());
        return switch (saved) {
            case SsoService.Saved.Done done -> {
                redirect.addFlashAttribute("notice", Ui.t("sso.settings.saved"));
                yield "redirect:/settings/sso";
            }
            case SsoService.Saved.Stale stale -> page(tenant, model, form, exists,
                    FormErrors.single("issuer", Ui.t("sso.settings.stale")));
            case SsoService.Saved.DomainsTaken taken -> page(tenant, model, form, exists,
                    FormErrors.single("domains", Ui.t("sso.settings.domains.taken", String.join(", ", taken.domains()))));
            case SsoService.Saved.ProviderNotFound notFound -> page(tenant, model, form, exists,
                    FormErrors.single("issuer", Ui.t("sso.settings.issuer.not-found")));
            case SsoService.Saved.SetByOperator byOperator -> {
                redirect.addFlashAttribute("notice", Ui.t("sso.operator.admin.read-only"));
                yield "redirect:/settings/sso";
            }
        };
    }

    /** The settings as typed, checked: errors next to their fields, or the changes to save. */
    record Checked(FormErrors errors, SsoService.Changes changes) {}

    /** Checks the settings form (the ADMIN's and the operator's): {@code exists} says a client secret is already kept. */
    static Checked check(SsoSettingsForm form, boolean exists) {
        FormErrors errors = FormErrors.none();
        String issuer = strip(form.issuer());
        if (issuer.isEmpty()) {
            errors = errors.plus("issuer", Ui.t("sso.settings.issuer.required"));
        } else if (!SsoService.isIssuerAddress(issuer)) {
            errors = errors.plus("issuer", Ui.t("sso.settings.issuer.invalid"));
        }
        String clientId = strip(form.clientId());
        if (clientId.isEmpty()) {
            errors = errors.plus("clientId", Ui.t("sso.settings.client-id.required"));
        } else if (clientId.length() > 200) {
            errors = errors.plus("clientId", Ui.t("sso.settings.client-id.long"));
        }
        String secret = strip(form.clientSecret());
        if (secret.isEmpty() && !exists) {
            errors = errors.plus("clientSecret", Ui.t("sso.settings.client-secret.required"));
        }
        List<String> domains = domains(form.domains());
        if (domains.isEmpty()) {
            errors = errors.plus("domains", Ui.t("sso.settings.domains.required"));
        } else if (!domains.stream().allMatch(d -> DOMAIN.matcher(d).matches())) {
            errors = errors.plus("domains", Ui.t("sso.settings.domains.invalid"));
        }
        if (!"yes".equals(form.passwords()) && !"no".equals(form.passwords())) {
            errors = errors.plus("passwords", Ui.t("sso.settings.passwords.required"));
        }
        Role firstRole = null;
        if (form.firstRole() == null || !firstRoleValues().contains(form.firstRole())) {
            errors = errors.plus("firstRole", Ui.t("sso.settings.first-role.required"));
        } else if (!NO_ROLE.equals(form.firstRole())) {
            firstRole = Role.valueOf(form.firstRole());
        }
        return new Checked(errors, new SsoService.Changes(issuer, clientId, secret.isEmpty() ? null : secret, domains,
                "yes".equals(form.passwords()), firstRole, form.version()));
    }

    @PostMapping("/settings/sso/turn-off")
    String turnOff(Tenant tenant, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", Ui.t(sso.turnOff(tenant) ? "sso.settings.turned-off" : "sso.operator.admin.read-only"));
        return "redirect:/settings/sso";
    }

    private String page(Tenant tenant, Model model, SsoSettingsForm form, boolean exists, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("exists", exists);
        model.addAttribute("errors", errors);
        model.addAttribute("setByOperator", sso.setByOperator(tenant));
        model.addAttribute("redirectUri", baseUrl.value() + "/login/oauth2/code/" + tenant.organisationId().value());
        choices(model);
        return "organisation/sso-settings";
    }

    /** The choices of the two questions, for the ADMIN's page and the operator's. */
    static void choices(Model model) {
        model.addAttribute("passwordOptions", List.of(
                new Option("yes", Ui.t("sso.settings.passwords.yes"), null),
                new Option("no", Ui.t("sso.settings.passwords.no"), Ui.t("sso.settings.passwords.no.hint"))));
        List<Option> roles = new ArrayList<>();
        roles.add(new Option(NO_ROLE, Ui.t("sso.settings.first-role.none"), Ui.t("sso.settings.first-role.none.hint")));
        for (Role role : List.of(Role.VIEWER, Role.MEMBER, Role.FACILITATOR)) {
            roles.add(new Option(role.name(), Ui.t(role.messageKey()), Ui.t(role.messageKey() + ".hint")));
        }
        model.addAttribute("roleOptions", roles);
    }

    private static List<String> firstRoleValues() {
        return List.of(NO_ROLE, Role.VIEWER.name(), Role.MEMBER.name(), Role.FACILITATOR.name());
    }

    /** "council.gov.uk, @Care.org.uk" becomes [council.gov.uk, care.org.uk]. */
    static List<String> domains(@Nullable String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+"))
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("@") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
