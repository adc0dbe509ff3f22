package org.coproduction.impact.pathway.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.PathwayService.OutcomeDraft;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
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

/** Adding, changing, re-linking, moving and removing (archiving) outcomes. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class OutcomeController {

    private final ProjectService projects;
    private final PathwayService pathways;

    OutcomeController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/outcomes/new")
    String showNewOutcome(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        return form(tenant, model, projectId, pathway, null,
                new PathwayForms.OutcomeForm("", null, false, List.of(), null, null, pathway.version()), null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/new")
    String addOutcome(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.OutcomeForm form, Model model) {
        FormErrors errors = form.check();
        Pathway pathway = pathways.pathway(tenant, projectId);
        if (!errors.any()) {
            EditResult result = pathways.addOutcome(tenant, projectId, pathway.version(), draft(form));
            if (result instanceof EditResult.Saved) {
                return ItemPages.edit(projectId);
            }
            errors = ItemPages.errorFor(result, "title");
        }
        return form(tenant, model, projectId, pathways.pathway(tenant, projectId), null, form, null, errors);
    }

    @GetMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/edit")
    String showEditOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Outcome o = current(pathway, outcomeId);
        return form(tenant, model, projectId, pathway, o,
                new PathwayForms.OutcomeForm(o.title(), o.term(), o.leadsToImpact(), o.leadsTo(), o.howWeWillKnow(), null, pathway.version()),
                null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/edit")
    String saveOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @ModelAttribute PathwayForms.OutcomeForm form, Model model, RedirectAttributes redirect) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Outcome o = current(pathway, outcomeId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            EditResult result = pathways.updateOutcome(tenant, projectId, outcomeId, form.version(), draft(form));
            switch (result) {
                case EditResult.Saved saved -> {
                    redirect.addFlashAttribute("notice", Ui.t("pathway.outcome.saved", form.title().strip()));
                    return ItemPages.edit(projectId);
                }
                case EditResult.Stale stale -> {
                    Outcome theirs = current(stale.current(), outcomeId);
                    PathwayForms.OutcomeForm mine = new PathwayForms.OutcomeForm(form.title(), form.term(), form.leadsToImpact(),
                            form.leadsTo(), form.howWeWillKnow(), null, stale.current().version());
                    return form(tenant, model, projectId, stale.current(), theirs, mine, theirs, ItemPages.errorFor(result, "title"));
                }
                case EditResult.Refused refused -> errors = ItemPages.errorFor(result, "title");
            }
        }
        return form(tenant, model, projectId, pathway, o, form, null, errors);
    }

    @GetMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/remove")
    String confirmRemoveOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("outcome", current(pathway, outcomeId));
        return "pathway/confirm-remove-outcome";
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/remove")
    String removeOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        String title = current(pathway, outcomeId).title();
        EditResult result = pathways.removeOutcome(tenant, projectId, outcomeId, version);
        return ItemPages.afterQuickChange(projectId, result, redirect, Ui.t("pathway.outcome.removed", title));
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/restore")
    String restoreOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        return ItemPages.afterQuickChange(projectId, pathways.restoreOutcome(tenant, projectId, outcomeId, version), redirect, Ui.t("pathway.outcome.restored"));
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/move")
    String moveOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(defaultValue = "up") String direction, RedirectAttributes redirect) {
        return ItemPages.afterQuickChange(projectId,
                pathways.moveOutcome(tenant, projectId, outcomeId, version, "up".equals(direction)), redirect, Ui.t("pathway.moved"));
    }

    private static OutcomeDraft draft(PathwayForms.OutcomeForm form) {
        return new OutcomeDraft(form.title(), form.term(), form.leadsToImpact(), form.leadsTo(), form.howWeWillKnow());
    }

    private static Outcome current(Pathway pathway, UUID outcomeId) {
        return pathway.outcome(outcomeId).filter(o -> !o.archived()).orElseThrow(() -> new NotFoundException("outcome"));
    }

    private String form(Tenant tenant, Model model, UUID projectId, Pathway pathway, @Nullable Outcome outcome,
            PathwayForms.OutcomeForm form, @Nullable Outcome theirs, FormErrors errors) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("outcome", outcome);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("terms", Arrays.stream(Term.values())
                .map(t -> new Option(t.name(), Ui.t(t.messageKey()), Ui.t(t.messageKey() + ".hint")))
                .toList());
        model.addAttribute("laterOptions", ItemPages.outcomeOptions(pathway, outcome == null ? new UUID(0, 0) : outcome.id()));
        model.addAttribute("errors", errors);
        return "pathway/outcome-form";
    }
}
