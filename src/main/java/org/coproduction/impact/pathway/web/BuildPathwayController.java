package org.coproduction.impact.pathway.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayLimits;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.PathwayService.ActivityDraft;
import org.coproduction.impact.pathway.PathwayService.OutcomeDraft;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.StatementKind;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
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

/**
 * Building a pathway by backwards mapping, one question per page, for a group working together on
 * a projector. Adding things never clashes with someone else's edit, so adds use the latest version;
 * changing the problem or impact text checks the version the person started from.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class BuildPathwayController {

    static final int LIBRARY_SIZE = 6;

    private final ProjectService projects;
    private final PathwayService pathways;

    BuildPathwayController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/build")
    String startBuilding(Tenant tenant, @PathVariable UUID projectId) {
        projects.project(tenant, projectId);
        return "redirect:/projects/" + projectId + "/pathway/build/problem";
    }

    @GetMapping("/projects/{projectId}/pathway/build/{step}")
    String showStep(Tenant tenant, @PathVariable UUID projectId, @PathVariable String step,
            @RequestParam(required = false) @Nullable Integer pattern, Model model) {
        BuildPathwayJourney.Step current = BuildPathwayJourney.step(step).orElseThrow(() -> new NotFoundException("step"));
        Pathway pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("impactForm", new PathwayForms.ImpactForm(pathway.problem(), pathway.projectImpact(), pathway.coproductionImpact(), pathway.version()));
        if (pattern != null && current.id().equals("statements")) {
            model.addAttribute("statementForm", libraryStatement(pattern));
        }
        return render(tenant, model, projectId, current, pathway, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/build/problem")
    String saveProblem(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.ImpactForm form, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        return saveText(tenant, projectId, model, "problem",
                new PathwayForms.ImpactForm(form.problem(), pathway.projectImpact(), pathway.coproductionImpact(), form.version()));
    }

    @PostMapping("/projects/{projectId}/pathway/build/impact")
    String saveImpact(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.ImpactForm form, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        return saveText(tenant, projectId, model, "impact",
                new PathwayForms.ImpactForm(pathway.problem(), form.projectImpact(), form.coproductionImpact(), form.version()));
    }

    private String saveText(Tenant tenant, UUID projectId, Model model, String stepId, PathwayForms.ImpactForm form) {
        BuildPathwayJourney.Step step = BuildPathwayJourney.step(stepId).orElseThrow();
        FormErrors errors = form.check();
        if (!errors.any()) {
            Pathway before = pathways.pathway(tenant, projectId);
            boolean unchanged = same(before.problem(), form.problem()) && same(before.projectImpact(), form.projectImpact())
                    && same(before.coproductionImpact(), form.coproductionImpact());
            EditResult result = unchanged
                    ? new EditResult.Saved(null)
                    : pathways.saveProblemAndImpact(tenant, projectId, form.version(), form.problem(), form.projectImpact(), form.coproductionImpact());
            switch (result) {
                case EditResult.Saved saved -> {
                    return "redirect:" + BuildPathwayJourney.href(projectId, BuildPathwayJourney.next(step));
                }
                case EditResult.Stale stale -> {
                    model.addAttribute("theirs", stale.current());
                    model.addAttribute("impactForm", new PathwayForms.ImpactForm(form.problem(), form.projectImpact(),
                            form.coproductionImpact(), stale.current().version()));
                    return render(tenant, model, projectId, step, stale.current(),
                            FormErrors.single(stepId.equals("problem") ? "problem" : "projectImpact", Ui.t("pathway.stale")));
                }
                case EditResult.Refused refused -> errors = FormErrors.single(refused.field(), Ui.t(refused.messageKey(), refused.messageArgs()));
            }
        }
        model.addAttribute("impactForm", form);
        return render(tenant, model, projectId, step, pathways.pathway(tenant, projectId), errors);
    }

    @PostMapping("/projects/{projectId}/pathway/build/long-term")
    String addLongTermOutcome(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.OutcomeForm form,
            Model model, RedirectAttributes redirect) {
        PathwayForms.OutcomeForm longTerm = new PathwayForms.OutcomeForm(form.title(), Term.LONG, true, List.of(), null, null, 0);
        return add(tenant, projectId, model, redirect, "long-term", longTerm.check(), "outcomeForm", longTerm, null,
                p -> pathways.addOutcome(tenant, projectId, p.version(), new OutcomeDraft(form.title(), Term.LONG, true, List.of(), null)),
                "pathway.build.added-outcome", form.title());
    }

    @PostMapping("/projects/{projectId}/pathway/build/earlier")
    String addEarlierOutcome(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.OutcomeForm form,
            Model model, RedirectAttributes redirect) {
        FormErrors errors = form.check();
        if (form.term() == Term.LONG) {
            errors = errors.plus("term", Ui.t("pathway.outcome.term.earlier"));
        }
        UUID later = form.later();
        if (later == null) {
            throw new NotFoundException("outcome");
        }
        return add(tenant, projectId, model, redirect, "earlier", errors, "outcomeForm", form, later,
                p -> pathways.addEarlierOutcome(tenant, projectId, p.version(), later, form.title(), form.term()),
                "pathway.build.added-outcome", form.title());
    }

    @PostMapping("/projects/{projectId}/pathway/build/activities")
    String addActivity(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.ActivityForm form,
            Model model, RedirectAttributes redirect) {
        UUID outcome = form.outcomes().isEmpty() ? null : form.outcomes().get(0);
        if (outcome == null) {
            throw new NotFoundException("outcome");
        }
        return add(tenant, projectId, model, redirect, "activities", form.check(), "activityForm", form, outcome,
                p -> pathways.addActivity(tenant, projectId, p.version(),
                        new ActivityDraft(form.title(), form.kind(), form.whoIsInvolved(), List.of(outcome))),
                "pathway.build.added-activity", form.title());
    }

    @PostMapping("/projects/{projectId}/pathway/build/statements")
    String addStatement(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute PathwayForms.StatementForm form,
            Model model, RedirectAttributes redirect) {
        return add(tenant, projectId, model, redirect, "statements", form.check(), "statementForm", form, null,
                p -> pathways.addStatement(tenant, projectId, p.version(), form.kind(), form.text(), form.outcome()),
                "pathway.build.added-statement", form.text());
    }

    private interface Adding {
        EditResult add(Pathway current);
    }

    private String add(Tenant tenant, UUID projectId, Model model, RedirectAttributes redirect, String stepId, FormErrors errors,
            String formName, Object form, @Nullable UUID anchor, Adding adding, String noticeKey, @Nullable String what) {
        BuildPathwayJourney.Step step = BuildPathwayJourney.step(stepId).orElseThrow();
        Pathway pathway = pathways.pathway(tenant, projectId);
        if (!errors.any()) {
            EditResult result = adding.add(pathway);
            if (result instanceof EditResult.Saved) {
                redirect.addFlashAttribute("notice", Ui.t(noticeKey, what == null ? "" : what.strip()));
                return "redirect:" + BuildPathwayJourney.href(projectId, step) + (anchor == null ? "" : "#outcome-" + anchor);
            }
            errors = switch (result) {
                case EditResult.Refused refused -> FormErrors.single(fieldFor(refused.field(), anchor), Ui.t(refused.messageKey(), refused.messageArgs()));
                default -> FormErrors.single(fieldFor("title", anchor), Ui.t("pathway.stale.add"));
            };
        } else if (anchor != null) {
            errors = prefix(errors, anchor);
        }
        model.addAttribute(formName, form);
        model.addAttribute("formFor", anchor);
        return render(tenant, model, projectId, step, pathways.pathway(tenant, projectId), errors);
    }

    /** On pages with one form per outcome, field ids carry the outcome's id so each error links to its own form. */
    static String fieldFor(String field, @Nullable UUID anchor) {
        return anchor == null ? field : field + "-" + anchor;
    }

    private static FormErrors prefix(FormErrors errors, UUID anchor) {
        FormErrors prefixed = FormErrors.none();
        for (FormErrors.Item item : errors.summary()) {
            prefixed = prefixed.plus(fieldFor(item.href().substring(1), anchor), item.text());
        }
        return prefixed;
    }

    private String render(Tenant tenant, Model model, UUID projectId, BuildPathwayJourney.Step step, Pathway pathway, FormErrors errors) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("step", step);
        model.addAttribute("number", BuildPathwayJourney.number(step));
        model.addAttribute("total", BuildPathwayJourney.STEPS.size());
        BuildPathwayJourney.Step previous = BuildPathwayJourney.previous(step);
        BuildPathwayJourney.Step next = BuildPathwayJourney.next(step);
        model.addAttribute("previousHref", previous == null ? "/projects/" + projectId : BuildPathwayJourney.href(projectId, previous));
        model.addAttribute("nextHref", next == null ? PathwayService.base(projectId) : BuildPathwayJourney.href(projectId, next));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("library", IntStream.rangeClosed(1, LIBRARY_SIZE).boxed().toList());
        if (step.id().equals("check")) {
            model.addAttribute("findings", pathways.findings(tenant, pathway));
        }
        model.addAttribute("limits", PathwayLimits.MAX_OUTCOMES);
        return "pathway/build-" + step.id();
    }

    private static PathwayForms.StatementForm libraryStatement(int pattern) {
        int n = Math.floorMod(pattern - 1, LIBRARY_SIZE * 2);
        StatementKind kind = n < LIBRARY_SIZE ? StatementKind.I : StatementKind.WE;
        String key = "pathway.statement.library." + kind.name().toLowerCase(java.util.Locale.ROOT) + "." + (n % LIBRARY_SIZE + 1);
        return new PathwayForms.StatementForm(kind, Ui.t(key), null, 0);
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return (a == null || a.isBlank() ? "" : a.strip()).equals(b == null || b.isBlank() ? "" : b.strip());
    }
}
