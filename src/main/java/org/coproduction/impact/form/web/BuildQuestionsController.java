package org.coproduction.impact.form.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.form.BuilderWarnings;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormEdit;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.Pictures;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScalePreset;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanService;
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

/**
 * The questions of a form, one question to a page (GOV.UK's pattern): add, change, move up or down
 * and remove. Every save is of the whole list with the version the page was built from, through
 * {@link FormService#saveQuestions}: if someone saved first nothing changes and the page says so;
 * if people have answered already, the change makes a new version and the page says that too.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class BuildQuestionsController {

    /** The key a question being added has on its page, before it is saved and given its own. */
    static final String NEW = "new";

    private final FormService forms;
    private final PlanService plans;

    BuildQuestionsController(FormService forms, PlanService plans) {
        this.forms = forms;
        this.plans = plans;
    }

    @GetMapping("/forms/{formId}/edit")
    String showQuestions(Tenant tenant, @PathVariable UUID formId, Model model) {
        Form form = forms.form(tenant, formId);
        model.addAttribute("form", form);
        model.addAttribute("warnings", BuildOverviewController.warnings(form.questions()));
        return "form/build-questions";
    }

    /** The first step of adding a question: what kind. With a kind chosen, the question's own page. */
    @GetMapping("/forms/{formId}/edit/new")
    String showNewQuestion(Tenant tenant, @PathVariable UUID formId, @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String chosen, Model model) {
        Form form = forms.form(tenant, formId);
        QuestionType t = BuildForms.parseType(type);
        if (t == null) {
            model.addAttribute("form", form);
            model.addAttribute("types", typeOptions());
            model.addAttribute("errors", chosen == null ? FormErrors.none() : FormErrors.single("type", Ui.t("form.build.question.type.required")));
            return "form/build-question-type";
        }
        return questionPage(tenant, model, form, NEW, 0, BuildForms.QuestionForm.empty(t, form.version()), null, FormErrors.none());
    }

    @PostMapping("/forms/{formId}/edit/new")
    String addQuestion(Tenant tenant, @PathVariable UUID formId, @ModelAttribute BuildForms.QuestionForm question, Model model,
            RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        return save(tenant, model, redirect, form, NEW, question);
    }

    @GetMapping("/forms/{formId}/edit/questions/{key}")
    String showQuestion(Tenant tenant, @PathVariable UUID formId, @PathVariable String key, Model model) {
        Form form = forms.form(tenant, formId);
        int index = indexOf(form, key);
        return questionPage(tenant, model, form, key, index + 1, BuildForms.QuestionForm.of(form.questions().get(index), form.version()), null,
                FormErrors.none());
    }

    @PostMapping("/forms/{formId}/edit/questions/{key}")
    String saveQuestion(Tenant tenant, @PathVariable UUID formId, @PathVariable String key, @ModelAttribute BuildForms.QuestionForm question,
            Model model, RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        indexOf(form, key);
        return save(tenant, model, redirect, form, key, question);
    }

    private String save(Tenant tenant, Model model, RedirectAttributes redirect, Form form, String key, BuildForms.QuestionForm question) {
        Links links = links(tenant, form);
        FormErrors errors = question.check(links.outcomeIds(), links.rowIds());
        UUID rowOutcome = links.outcomeOfRow(BuildForms.uuid(question.planRowId()));
        UUID chosenOutcome = BuildForms.uuid(question.outcomeId());
        if (!errors.any() && rowOutcome != null && chosenOutcome != null && !rowOutcome.equals(chosenOutcome)) {
            errors = FormErrors.single("planRowId", Ui.t("form.build.question.row.other-outcome"));
        }
        int number = NEW.equals(key) ? 0 : indexOf(form, key) + 1;
        if (errors.any()) {
            return questionPage(tenant, model, form, key, number, question, null, errors);
        }
        List<Question> questions = new ArrayList<>(form.questions());
        if (NEW.equals(key)) {
            questions.add(question.question("", rowOutcome));
        } else {
            questions.set(number - 1, question.question(key, rowOutcome));
        }
        FormEdit result = forms.saveQuestions(tenant, form.id(), question.version(), questions);
        return switch (result) {
            case FormEdit.Saved saved -> {
                redirect.addFlashAttribute("notice", saved(saved, NEW.equals(key) ? "form.build.question.added" : "form.build.question.saved"));
                yield "redirect:/forms/" + form.id() + "/edit";
            }
            case FormEdit.Stale stale -> questionPage(tenant, model, stale.current(), key, number, question.withVersion(stale.current().version()),
                    stale.current(), FormErrors.single("text", Ui.t(form.archived() ? "form.build.archived.cannot-change" : "form.build.stale")));
            case FormEdit.Refused refused -> questionPage(tenant, model, form, key, number, question, null,
                    FormErrors.single("text", Ui.t(refused.messageKey())));
        };
    }

    @PostMapping("/forms/{formId}/edit/questions/{key}/move")
    String moveQuestion(Tenant tenant, @PathVariable UUID formId, @PathVariable String key, @RequestParam(defaultValue = "") String direction,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        int index = indexOf(form, key);
        int to = "up".equals(direction) ? index - 1 : "down".equals(direction) ? index + 1 : index;
        if (to < 0 || to >= form.questions().size() || to == index) {
            return "redirect:/forms/" + formId + "/edit";
        }
        List<Question> questions = new ArrayList<>(form.questions());
        questions.add(to, questions.remove(index));
        return afterQuickChange(tenant, form, version, questions, redirect, "form.build.question.moved", "#question-" + key);
    }

    @GetMapping("/forms/{formId}/edit/questions/{key}/remove")
    String confirmRemove(Tenant tenant, @PathVariable UUID formId, @PathVariable String key, Model model) {
        Form form = forms.form(tenant, formId);
        int index = indexOf(form, key);
        model.addAttribute("form", form);
        model.addAttribute("question", form.questions().get(index));
        model.addAttribute("number", index + 1);
        return "form/build-confirm-remove";
    }

    @PostMapping("/forms/{formId}/edit/questions/{key}/remove")
    String removeQuestion(Tenant tenant, @PathVariable UUID formId, @PathVariable String key, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        int index = indexOf(form, key);
        List<Question> questions = new ArrayList<>(form.questions());
        questions.remove(index);
        return afterQuickChange(tenant, form, version, questions, redirect, "form.build.question.removed", "");
    }

    private String afterQuickChange(Tenant tenant, Form form, int version, List<Question> questions, RedirectAttributes redirect,
            String doneKey, String anchor) {
        FormEdit result = forms.saveQuestions(tenant, form.id(), version, questions);
        switch (result) {
            case FormEdit.Saved saved -> redirect.addFlashAttribute("notice", saved(saved, doneKey));
            case FormEdit.Stale s -> redirect.addFlashAttribute("problem",
                    Ui.t(form.archived() ? "form.build.archived.cannot-change" : "form.build.stale.reload"));
            case FormEdit.Refused r -> redirect.addFlashAttribute("problem", Ui.t(r.messageKey()));
        }
        return "redirect:/forms/" + form.id() + "/edit" + anchor;
    }

    private static String saved(FormEdit.Saved saved, String doneKey) {
        return saved.newVersion() ? Ui.t("form.build.new-version", saved.versionNumber()) : Ui.t(doneKey);
    }

    private static int indexOf(Form form, String key) {
        for (int i = 0; i < form.questions().size(); i++) {
            if (form.questions().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new NotFoundException("question");
    }

    /** What a question of this form may be linked to: the project's current outcomes and plan rows. */
    record Links(List<Outcome> outcomes, List<PlanRow> rows, @Nullable Plan plan) {

        Set<UUID> outcomeIds() {
            Set<UUID> ids = new HashSet<>();
            outcomes.forEach(o -> ids.add(o.id()));
            return ids;
        }

        Set<UUID> rowIds() {
            Set<UUID> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.id()));
            return ids;
        }

        @Nullable UUID outcomeOfRow(@Nullable UUID rowId) {
            return rows.stream().filter(r -> r.id().equals(rowId)).map(PlanRow::outcomeId).findFirst().orElse(null);
        }
    }

    private Links links(Tenant tenant, Form form) {
        if (form.projectId() == null) {
            return new Links(List.of(), List.of(), null);
        }
        Plan plan = plans.plan(tenant, form.projectId());
        List<Outcome> outcomes = plan.pathway().currentOutcomes();
        Set<UUID> current = new HashSet<>();
        outcomes.forEach(o -> current.add(o.id()));
        return new Links(outcomes, plan.currentRows().stream().filter(r -> current.contains(r.outcomeId())).toList(), plan);
    }

    private static List<Option> typeOptions() {
        return Arrays.stream(QuestionType.values()).map(t -> new Option(t.name(), Ui.t(t.messageKey()), null)).toList();
    }

    private String questionPage(Tenant tenant, Model model, Form form, String key, int number, BuildForms.QuestionForm question,
            @Nullable Form theirs, FormErrors errors) {
        Links links = links(tenant, form);
        QuestionType type = question.questionType();
        List<Option> outcomes = new ArrayList<>();
        outcomes.add(Option.of("", Ui.t("form.build.question.outcome.none")));
        links.outcomes().forEach(o -> outcomes.add(Option.of(o.id().toString(), o.title())));
        List<Option> rows = new ArrayList<>();
        rows.add(Option.of("", Ui.t("form.build.question.row.none")));
        for (PlanRow r : links.rows()) {
            String what = r.formOfEvidence().length() > 80 ? r.formOfEvidence().substring(0, 79) + "…" : r.formOfEvidence();
            rows.add(Option.of(r.id().toString(), Ui.t("form.build.question.row.option", links.plan().outcomeTitle(r.outcomeId()),
                    Ui.t(r.type().messageKey()), what)));
        }
        List<Option> presets = new ArrayList<>();
        for (ScalePreset p : ScalePreset.values()) {
            presets.add(new Option(p.name(), Ui.t(p.messageKey()), String.join(" · ", p.labels())));
        }
        presets.add(new Option(BuildForms.OWN_SCALE, Ui.t("form.build.question.preset.own"), Ui.t("form.build.question.preset.own.hint")));
        // What to look at in the question as saved (or, while fixing errors, as typed).
        Question shown = NEW.equals(key) && !errors.any() ? null : question.question(key, null);
        model.addAttribute("form", form);
        model.addAttribute("key", key);
        model.addAttribute("number", number);
        model.addAttribute("question", question);
        model.addAttribute("type", type);
        model.addAttribute("types", typeOptions());
        model.addAttribute("presets", presets);
        model.addAttribute("scales", Arrays.stream(ScaleStyle.values()).map(s -> Option.of(s.name(), Ui.t(s.messageKey()))).toList());
        model.addAttribute("pictures", Pictures.ALL);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("rows", rows);
        model.addAttribute("linkable", form.projectId() != null);
        model.addAttribute("warnings", shown == null || errors.any() ? List.<BuilderWarnings.Warning>of() : BuilderWarnings.of(shown));
        model.addAttribute("theirs", theirs);
        model.addAttribute("errors", errors);
        return "form/build-question";
    }
}
