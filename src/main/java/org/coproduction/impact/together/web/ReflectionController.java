package org.coproduction.impact.together.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.together.Face;
import org.coproduction.impact.together.ProjectReflections;
import org.coproduction.impact.together.Reflection;
import org.coproduction.impact.together.ReflectionService;
import org.coproduction.impact.together.TogetherResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reflections: what went well, what did not, what we would change. One page to read them, one to add
 * one (easy read for members, with faces to choose, made for a phone), and the writer's own pages to
 * change who may use their words or take them away.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
class ReflectionController {

    private final ReflectionService reflections;

    ReflectionController(ReflectionService reflections) {
        this.reflections = reflections;
    }

    @GetMapping("/projects/{projectId}/reflections")
    String list(Tenant tenant, @PathVariable UUID projectId, Model model) {
        ProjectReflections project = reflections.reflections(tenant, projectId);
        model.addAttribute("project", project);
        model.addAttribute("me", tenant.userId().value());
        return "together/reflections";
    }

    @GetMapping("/projects/{projectId}/reflections/new")
    String newReflection(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String activity, Model model) {
        ProjectReflections project = reflections.reflections(tenant, projectId);
        return form(model, tenant, project, ReflectionForms.ReflectionForm.empty(activity), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/reflections/new")
    String add(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute ReflectionForms.ReflectionForm form,
            @RequestParam(required = false) @Nullable MultipartFile voice, Model model, RedirectAttributes redirect) {
        ProjectReflections project = reflections.reflections(tenant, projectId);
        Recording spoken = Recording.of(voice);
        FormErrors errors = form.check(spoken != null);
        if (!errors.any()) {
            TogetherResult result = reflections.add(tenant, projectId, form.draft(), spoken);
            if (result instanceof TogetherResult.Saved saved) {
                redirect.addFlashAttribute("notice", Ui.t("together.reflection.added"));
                return "redirect:" + ReflectionService.base(projectId) + "#reflection-" + saved.id();
            }
            if (result instanceof TogetherResult.Refused r) {
                errors = FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
            }
        }
        return form(model, tenant, project, form, errors);
    }

    private String form(Model model, Tenant tenant, ProjectReflections project, ReflectionForms.ReflectionForm form, FormErrors errors) {
        model.addAttribute("project", project.project());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("member", tenant.is(Role.MEMBER));
        model.addAttribute("faces", List.of(Face.values()));
        List<Option> activities = new java.util.ArrayList<>();
        activities.add(Option.of("", Ui.t("together.reflection.activity.none")));
        for (Activity a : project.activities()) {
            activities.add(Option.of(a.id().toString(), a.title()));
        }
        model.addAttribute("activities", activities);
        model.addAttribute("outcomes", project.outcomes().stream().map(o -> Option.of(o.id().toString(), o.title())).toList());
        model.addAttribute("useOptions", ReflectionForms.useOptions());
        return "together/reflection-form";
    }

    // The writer's own: who may use it, take it away

    @GetMapping("/projects/{projectId}/reflections/{reflectionId}/who-sees")
    String whoSees(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reflectionId, Model model) {
        Reflection r = reflections.own(tenant, projectId, reflectionId);
        return whoSeesForm(model, tenant, projectId, r,
                new ReflectionForms.UsesForm(r.uses().stream().sorted().map(Enum::name).toList(), r.version()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/reflections/{reflectionId}/who-sees")
    String saveWhoSees(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reflectionId, @ModelAttribute ReflectionForms.UsesForm form,
            Model model, RedirectAttributes redirect) {
        Reflection r = reflections.own(tenant, projectId, reflectionId);
        FormErrors errors = form.check();
        ReflectionForms.UsesForm shown = form;
        if (!errors.any()) {
            TogetherResult result = reflections.changeUses(tenant, projectId, reflectionId, form.seen(), ReflectionForms.useSet(form.uses()));
            if (result instanceof TogetherResult.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("together.reflection.who-sees.saved"));
                return "redirect:" + ReflectionService.base(projectId) + "#reflection-" + reflectionId;
            }
            shown = new ReflectionForms.UsesForm(form.uses(), r.version());
            errors = FormErrors.single("uses", Ui.t("together.reflection.stale"));
        }
        return whoSeesForm(model, tenant, projectId, r, shown, errors);
    }

    private String whoSeesForm(Model model, Tenant tenant, UUID projectId, Reflection r, ReflectionForms.UsesForm form, FormErrors errors) {
        model.addAttribute("project", reflections.reflections(tenant, projectId).project());
        model.addAttribute("reflection", r);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("useOptions", ReflectionForms.useOptions());
        return "together/who-sees";
    }

    @GetMapping("/projects/{projectId}/reflections/{reflectionId}/take-away")
    String confirmTakeAway(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reflectionId, Model model) {
        Reflection r = reflections.own(tenant, projectId, reflectionId);
        return takeAwayPage(model, tenant, projectId, r, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/reflections/{reflectionId}/take-away")
    String takeAway(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reflectionId, @RequestParam(defaultValue = "-1") int version,
            Model model, RedirectAttributes redirect) {
        Reflection r = reflections.own(tenant, projectId, reflectionId);
        if (reflections.takeAway(tenant, projectId, reflectionId, version) instanceof TogetherResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("together.reflection.taken-away"));
            return "redirect:" + ReflectionService.base(projectId);
        }
        return takeAwayPage(model, tenant, projectId, r, FormErrors.single("take-away", Ui.t("together.reflection.stale")));
    }

    private String takeAwayPage(Model model, Tenant tenant, UUID projectId, Reflection r, FormErrors errors) {
        model.addAttribute("project", reflections.reflections(tenant, projectId).project());
        model.addAttribute("reflection", r);
        model.addAttribute("errors", errors);
        return "together/take-away";
    }
}
