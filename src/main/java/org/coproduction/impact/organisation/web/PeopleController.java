package org.coproduction.impact.organisation.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.InvitationService;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.Person;
import org.coproduction.impact.organisation.SsoService;
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

/** An ADMIN's view of the organisation's people: their roles, changing them, removing someone. */
@Controller
@RequiresRole(Role.ADMIN)
class PeopleController {

    private final OrganisationService organisations;
    private final InvitationService invitations;
    private final MessageSource messages;
    private final SsoService sso;

    PeopleController(OrganisationService organisations, InvitationService invitations, MessageSource messages, SsoService sso) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.messages = messages;
        this.sso = sso;
    }

    static List<Option> roleOptions() {
        return Arrays.stream(Role.values())
                .map(r -> new Option(r.name(), Ui.t(r.messageKey()), Ui.t(r.messageKey() + ".hint")))
                .toList();
    }

    @GetMapping("/people")
    String showPeople(Tenant tenant, Model model) {
        model.addAttribute("people", organisations.people(tenant));
        model.addAttribute("invitations", invitations.all(tenant));
        model.addAttribute("waiting", sso.waiting(tenant));
        return "organisation/people";
    }

    @GetMapping("/people/{personId}/role")
    String showChangeRole(Tenant tenant, @PathVariable UUID personId, Model model) {
        Person person = organisations.person(tenant, personId);
        return roleForm(model, person, person.role().name(), person.version(), FormErrors.none());
    }

    @PostMapping("/people/{personId}/role")
    String changeRole(
            Tenant tenant,
            @PathVariable UUID personId,
            @Valid @ModelAttribute RoleForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Person person = organisations.person(tenant, personId);
        if (result.hasErrors()) {
            return roleForm(model, person, null, form.version(), FormErrors.of(result, messages));
        }
        return switch (organisations.changeRole(tenant, personId, form.role(), form.version())) {
            case DONE -> {
                redirect.addFlashAttribute("notice", Ui.t("people.role.changed", person.displayName(), Ui.t(form.role().messageKey())));
                yield "redirect:/people";
            }
            case STALE -> {
                Person now = organisations.person(tenant, personId);
                yield roleForm(model, now, form.role().name(), now.version(),
                        FormErrors.single("role", Ui.t("people.role.stale", Ui.t(now.role().messageKey()))));
            }
            case LAST_ADMIN -> roleForm(model, person, form.role().name(), form.version(),
                    FormErrors.single("role", Ui.t("people.last-admin")));
        };
    }

    private String roleForm(Model model, Person person, String selected, int version, FormErrors errors) {
        model.addAttribute("person", person);
        model.addAttribute("roles", roleOptions());
        model.addAttribute("selected", selected);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "organisation/change-role";
    }

    @GetMapping("/people/{personId}/remove")
    String confirmRemove(Tenant tenant, @PathVariable UUID personId, Model model) {
        model.addAttribute("person", organisations.person(tenant, personId));
        model.addAttribute("errors", FormErrors.none());
        return "organisation/confirm-remove-person";
    }

    @PostMapping("/people/{personId}/remove")
    String removePerson(Tenant tenant, @PathVariable UUID personId, Model model, RedirectAttributes redirect) {
        Person person = organisations.person(tenant, personId);
        return switch (organisations.remove(tenant, personId)) {
            case DONE -> {
                redirect.addFlashAttribute("notice", Ui.t("people.removed", person.displayName()));
                yield "redirect:/people";
            }
            case LAST_ADMIN, STALE -> {
                model.addAttribute("person", person);
                model.addAttribute("errors", FormErrors.single("confirm", Ui.t("people.last-admin")));
                yield "organisation/confirm-remove-person";
            }
        };
    }
}
