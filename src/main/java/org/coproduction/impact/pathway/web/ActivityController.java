package org.coproduction.impact.pathway.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.PathwayService.ActivityDraft;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding, changing, re-linking, moving and removing activities. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ActivityController {

    private final ProjectService projects;
    private final PathwayService pathways;

    ActivityController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/activities/new")
    String showNewActivity(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        return form(tenant, model, projectId, pathway, null,
                new PathwayForms.ActivityForm("", ActivityKind.MEETING, null, List.of(), pathway.version()), null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/activities/new")
    String addActivity(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.ActivityForm form, Model model) {
        FormErrors errors = form.check();
        Pathway pathway = pathways.pathway(tenant, projectId);
        if (!errors.any()) {
            EditResult result = pathways.addActivity(tenant, projectId, pathway.version(), draft(form));
            if (result instanceof EditResult.Saved) {
                return ItemPages.edit(projectId);
            }
            errors = ItemPages.errorFor(result, "title");
        }
        return form(tenant, model, projectId, pathways.pathway(tenant, projectId), null, form, null, errors);
    }

    @GetMapping("/projects/{projectId}/pathway/activities/{activityId}/edit")
    String showEditActivity(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID activityId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Activity a = current(pathway, activityId);
        return form(tenant, model, projectId, pathway, a,
                new PathwayForms.ActivityForm(a.title(), a.kind(), a.whoIsInvolved(), a.outcomeIds(), pathway.version()), null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/activities/{activityId}/edit")
    String saveActivity(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID activityId,
            @ModelAttribute PathwayForms.ActivityForm form, Model model, RedirectAttributes redirect) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Activity a = current(pathway, activityId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            EditResult result = pathways.updateActivity(tenant, projectId, activityId, form.version(), draft(form));
            switch (result) {
                case EditResult.Saved saved -> {
                    redirect.addFlashAttribute("notice", Ui.t("pathway.activity.saved", form.title().strip()));
                    return ItemPages.edit(projectId);
                }
                case EditResult.Stale stale -> {
                    Activity theirs = current(stale.current(), activityId);
                    PathwayForms.ActivityForm mine = new PathwayForms.ActivityForm(form.title(), form.kind(), form.whoIsInvolved(),
                            form.outcomes(), stale.current().version());
                    return form(tenant, model, projectId, stale.current(), theirs, mine, theirs, ItemPages.errorFor(result, "title"));
                }
                case EditResult.Refused refused -> errors = ItemPages.errorFor(result, "title");
            }
        }
        return form(tenant, model, projectId, pathway, a, form, null, errors);
    }

    @GetMapping("/projects/{projectId}/pathway/activities/{activityId}/remove")
    String confirmRemoveActivity(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID activityId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("activity", current(pathway, activityId));
        return "pathway/confirm-remove-activity";
    }

    @PostMapping("/projects/{projectId}/pathway/activities/{activityId}/remove")
    String removeActivity(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID activityId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        String title = current(pathways.pathway(tenant, projectId), activityId).title();
        return ItemPages.afterQuickChange(projectId, pathways.removeActivity(tenant, projectId, activityId, version), redirect,
                Ui.t("pathway.activity.removed", title));
    }

    @PostMapping("/projects/{projectId}/pathway/activities/{activityId}/move")
    String moveActivity(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID activityId,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(defaultValue = "up") String direction, RedirectAttributes redirect) {
        return ItemPages.afterQuickChange(projectId,
                pathways.moveActivity(tenant, projectId, activityId, version, "up".equals(direction)), redirect, Ui.t("pathway.moved"));
    }

    private static ActivityDraft draft(PathwayForms.ActivityForm form) {
        return new ActivityDraft(form.title(), form.kind(), form.whoIsInvolved(), form.outcomes());
    }

    private static Activity current(Pathway pathway, UUID activityId) {
        return pathway.activity(activityId).filter(a -> !a.archived()).orElseThrow(() -> new NotFoundException("activity"));
    }

    private String form(Tenant tenant, Model model, UUID projectId, Pathway pathway, @Nullable Activity activity,
            PathwayForms.ActivityForm form, @Nullable Activity theirs, FormErrors errors) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("activity", activity);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("kinds", Arrays.stream(ActivityKind.values()).map(k -> Option.of(k.name(), Ui.t(k.messageKey()))).toList());
        model.addAttribute("outcomeOptions", ItemPages.outcomeOptions(pathway, new UUID(0, 0)));
        model.addAttribute("errors", errors);
        return "pathway/activity-form";
    }
}
