package org.coproduction.impact.plan.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.WayOfCollecting;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.plan.Suggestion;
import org.coproduction.impact.plan.SuggestionLibrary;
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

/** Adding, changing, removing (archiving) and bringing back plan rows, and adopting suggestions. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class PlanRowController {

    private final PlanService plans;

    PlanRowController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/projects/{projectId}/plan/outcomes/{outcomeId}/suggestions")
    String showSuggestions(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Plan plan = plans.plan(tenant, projectId);
        Outcome outcome = currentOutcome(plan, outcomeId);
        model.addAttribute("plan", plan);
        model.addAttribute("outcome", outcome);
        model.addAttribute("ranked", SuggestionLibrary.rank(outcome.title()));
        return "plan/suggestions";
    }

    /** The add form: empty, with a type chosen (from the second-type hint), or filled from a suggestion. */
    @GetMapping("/projects/{projectId}/plan/outcomes/{outcomeId}/rows/new")
    String showNewRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @RequestParam(required = false) @Nullable String suggestion, @RequestParam(required = false) @Nullable String type, Model model) {
        Plan plan = plans.plan(tenant, projectId);
        Outcome outcome = currentOutcome(plan, outcomeId);
        Suggestion adopted = suggestion == null ? null : SuggestionLibrary.find(suggestion).orElse(null);
        PlanForms.RowForm form = adopted != null ? PlanForms.RowForm.of(plans.draftFrom(tenant, adopted)) : PlanForms.RowForm.empty(PlanForms.parseType(type));
        return form(model, plan, outcome, null, form, adopted, null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/plan/outcomes/{outcomeId}/rows/new")
    String addRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, @ModelAttribute PlanForms.RowForm form, Model model,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(tenant, projectId);
        Outcome outcome = currentOutcome(plan, outcomeId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            PlanEdit result = plans.addRow(tenant, projectId, outcomeId, form.draft());
            if (result instanceof PlanEdit.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("plan.row.added", outcome.title()));
                return "redirect:" + PlanService.base(projectId) + "#outcome-" + outcomeId;
            }
            errors = errorFor(result);
        }
        Suggestion adopted = form.suggestion() == null ? null : SuggestionLibrary.find(form.suggestion()).orElse(null);
        return form(model, plan, outcome, null, form, adopted, null, errors);
    }

    @GetMapping("/projects/{projectId}/plan/rows/{rowId}/edit")
    String showEditRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID rowId, Model model) {
        Plan plan = plans.plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        return form(model, plan, currentOutcome(plan, row.outcomeId()), row, PlanForms.RowForm.of(row), null, null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/plan/rows/{rowId}/edit")
    String saveRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID rowId, @ModelAttribute PlanForms.RowForm form, Model model,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        Outcome outcome = currentOutcome(plan, row.outcomeId());
        FormErrors errors = form.check();
        if (!errors.any()) {
            PlanEdit result = plans.updateRow(tenant, projectId, rowId, form.version(), form.draft());
            switch (result) {
                case PlanEdit.Saved saved -> {
                    redirect.addFlashAttribute("notice", Ui.t("plan.row.saved", outcome.title()));
                    return "redirect:" + PlanService.base(projectId) + "#outcome-" + outcome.id();
                }
                case PlanEdit.Stale stale -> {
                    return form(model, plan, outcome, stale.current(), form.withVersion(stale.current().version()), null, stale.current(),
                            errorFor(result));
                }
                case PlanEdit.Refused refused -> errors = errorFor(result);
            }
        }
        return form(model, plan, outcome, row, form, null, null, errors);
    }

    @GetMapping("/projects/{projectId}/plan/rows/{rowId}/remove")
    String confirmRemoveRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID rowId, Model model) {
        Plan plan = plans.plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        model.addAttribute("plan", plan);
        model.addAttribute("row", row);
        return "plan/confirm-remove-row";
    }

    @PostMapping("/projects/{projectId}/plan/rows/{rowId}/remove")
    String removeRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID rowId, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        return afterQuickChange(projectId, row, plans.removeRow(tenant, projectId, rowId, version), redirect,
                Ui.t("plan.row.removed", plan.outcomeTitle(row.outcomeId())));
    }

    @PostMapping("/projects/{projectId}/plan/rows/{rowId}/restore")
    String restoreRow(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID rowId, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(tenant, projectId);
        PlanRow row = plan.row(rowId).orElseThrow(() -> new NotFoundException("plan row"));
        return afterQuickChange(projectId, row, plans.restoreRow(tenant, projectId, rowId, version), redirect,
                Ui.t("plan.row.restored", plan.outcomeTitle(row.outcomeId())));
    }

    private static String afterQuickChange(UUID projectId, PlanRow row, PlanEdit result, RedirectAttributes redirect, String done) {
        switch (result) {
            case PlanEdit.Saved s -> redirect.addFlashAttribute("notice", done);
            case PlanEdit.Stale s -> redirect.addFlashAttribute("problem", Ui.t("plan.stale.reload"));
            case PlanEdit.Refused r -> redirect.addFlashAttribute("problem", Ui.t(r.messageKey(), r.messageArgs()));
        }
        return "redirect:" + PlanService.base(projectId) + "#outcome-" + row.outcomeId();
    }

    private static FormErrors errorFor(PlanEdit result) {
        return switch (result) {
            case PlanEdit.Refused r -> FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            case PlanEdit.Stale s -> FormErrors.single("formOfEvidence", Ui.t("plan.stale"));
            case PlanEdit.Saved s -> FormErrors.none();
        };
    }

    private static Outcome currentOutcome(Plan plan, UUID outcomeId) {
        return plan.pathway().outcome(outcomeId).filter(o -> !o.archived()).orElseThrow(() -> new NotFoundException("outcome"));
    }

    private static PlanRow currentRow(Plan plan, UUID rowId) {
        return plan.row(rowId).filter(r -> !r.archived()).orElseThrow(() -> new NotFoundException("plan row"));
    }

    private String form(Model model, Plan plan, Outcome outcome, @Nullable PlanRow row, PlanForms.RowForm form, @Nullable Suggestion adopted,
            @Nullable PlanRow theirs, FormErrors errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("outcome", outcome);
        model.addAttribute("row", row);
        model.addAttribute("form", form);
        model.addAttribute("adopted", adopted);
        model.addAttribute("theirs", theirs);
        model.addAttribute("typeOptions", Arrays.stream(EvidenceType.values())
                .map(t -> new Option(t.name(), Ui.t(t.messageKey()), Ui.t(t.descriptionKey())))
                .toList());
        model.addAttribute("wayOptions", wayOptions(plan, row));
        model.addAttribute("errors", errors);
        return "plan/row-form";
    }

    /** The ways on offer: the list's current ones, plus retired ones this row already uses (marked), so saving keeps them. */
    private static List<Option> wayOptions(Plan plan, @Nullable PlanRow row) {
        List<Option> options = new ArrayList<>();
        for (WayOfCollecting w : plan.ways().values()) {
            boolean onRow = row != null && row.wayIds().contains(w.id());
            if (!w.retired() || onRow) {
                String hint = String.join(", ", w.types().stream().map(t -> Ui.t(t.messageKey())).toList());
                options.add(new Option(w.id().toString(), w.retired() ? Ui.t("plan.way.retired", w.name()) : w.name(), hint));
            }
        }
        return options;
    }
}
