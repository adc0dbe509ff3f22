package org.coproduction.impact.involvement.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.involvement.AccessNeed;
import org.coproduction.impact.involvement.AccessNeeds;
import org.coproduction.impact.involvement.AccessNeedsService;
import org.coproduction.impact.pathway.Project;
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

/**
 * Access needs: a person sets their own on an easy-read page (a picture beside each choice, large
 * targets, no JavaScript needed), or a project's facilitator (or an ADMIN) sets them with them. The
 * service decides who may read them; this only carries the form.
 */
@Controller
class AccessNeedsController {

    private final AccessNeedsService access;

    AccessNeedsController(AccessNeedsService access) {
        this.access = access;
    }

    // ---------------------------------------------------------------------------------------
    // Their own

    @GetMapping("/access-needs")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
    String showOwn(Tenant tenant, Model model) {
        AccessNeeds own = access.own(tenant);
        return page(model, AccessForm.of(own), FormErrors.none(), own, null, null);
    }

    @PostMapping("/access-needs")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
    String saveOwn(Tenant tenant, @RequestParam(defaultValue = "") List<String> needs, @RequestParam(defaultValue = "") String times,
            @RequestParam(defaultValue = "") String anythingElse, Model model, RedirectAttributes redirect) {
        AccessForm form = new AccessForm(Set.copyOf(needs), times, anythingElse);
        FormErrors errors = form.errors();
        if (errors.any()) {
            return page(model, form, errors, access.own(tenant), null, null);
        }
        access.saveOwn(tenant, form.draft());
        redirect.addFlashAttribute("notice", Ui.t("access.saved"));
        return "redirect:/access-needs";
    }

    @PostMapping("/access-needs/remove")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
    String removeOwn(Tenant tenant, RedirectAttributes redirect) {
        access.removeOwn(tenant);
        redirect.addFlashAttribute("notice", Ui.t("access.removed"));
        return "redirect:/access-needs";
    }

    // ---------------------------------------------------------------------------------------
    // The project's facilitator (or an ADMIN) with them

    @GetMapping("/projects/{projectId}/access-needs")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String showProject(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", access.project(tenant, projectId));
        model.addAttribute("people", access.ofProject(tenant, projectId));
        return "involvement/access-needs-project";
    }

    @GetMapping("/projects/{projectId}/access-needs/{memberId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String showMember(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID memberId, Model model) {
        AccessNeeds theirs = access.ofMember(tenant, projectId, memberId);
        return page(model, AccessForm.of(theirs), FormErrors.none(), theirs, access.project(tenant, projectId), theirs.name());
    }

    @PostMapping("/projects/{projectId}/access-needs/{memberId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String saveMember(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID memberId,
            @RequestParam(defaultValue = "") List<String> needs, @RequestParam(defaultValue = "") String times,
            @RequestParam(defaultValue = "") String anythingElse, Model model, RedirectAttributes redirect) {
        AccessNeeds theirs = access.ofMember(tenant, projectId, memberId);
        AccessForm form = new AccessForm(Set.copyOf(needs), times, anythingElse);
        FormErrors errors = form.errors();
        if (errors.any()) {
            return page(model, form, errors, theirs, access.project(tenant, projectId), theirs.name());
        }
        access.saveFor(tenant, projectId, memberId, form.draft());
        redirect.addFlashAttribute("notice", Ui.t("access.saved.for", theirs.name()));
        return "redirect:/projects/" + projectId + "/access-needs";
    }

    private static String page(Model model, AccessForm form, FormErrors errors, AccessNeeds current, @Nullable Project project, @Nullable String name) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("current", current);
        model.addAttribute("project", project);
        model.addAttribute("name", name);
        model.addAttribute("needs", List.of(AccessNeed.values()));
        return "involvement/access-needs";
    }
}
