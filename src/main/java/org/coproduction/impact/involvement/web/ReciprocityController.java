package org.coproduction.impact.involvement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.involvement.InvolvementService;
import org.coproduction.impact.involvement.Reciprocity;
import org.coproduction.impact.involvement.ReciprocityKind;
import org.coproduction.impact.pathway.Project;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's reciprocity ledger: what each co-producer received for their time, when it was
 * offered and given, the days between, summaries per project and per person, and the note that
 * payments can affect benefits.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ReciprocityController {

    private final InvolvementService involvement;

    ReciprocityController(InvolvementService involvement) {
        this.involvement = involvement;
    }

    private static String base(UUID projectId) {
        return "/projects/" + projectId + "/reciprocity";
    }

    @GetMapping("/projects/{projectId}/reciprocity")
    String showLedger(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", involvement.project(tenant, projectId));
        model.addAttribute("ledger", involvement.reciprocity(tenant, projectId));
        return "involvement/reciprocity";
    }

    @GetMapping("/projects/{projectId}/reciprocity/new")
    String showNewEntry(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return entryPage(tenant, projectId, new ReciprocityForm("", "", "", "", "", "", "", "", "", "", false), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reciprocity/new")
    String recordEntry(Tenant tenant, @PathVariable UUID projectId,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String offeredDay, @RequestParam(defaultValue = "") String offeredMonth,
            @RequestParam(defaultValue = "") String offeredYear, @RequestParam(defaultValue = "") String givenDay,
            @RequestParam(defaultValue = "") String givenMonth, @RequestParam(defaultValue = "") String givenYear,
            @RequestParam(defaultValue = "false") boolean advice, Model model, RedirectAttributes redirect) {
        ReciprocityForm form = new ReciprocityForm(person, kind, description.strip(), amount.strip(), offeredDay, offeredMonth, offeredYear, givenDay,
                givenMonth, givenYear, advice);
        ReciprocityForm.Checked checked = form.check(involvement.project(tenant, projectId));
        if (checked.draft() == null) {
            return entryPage(tenant, projectId, form, checked.errors(), model);
        }
        involvement.record(tenant, projectId, checked.draft());
        redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.recorded"));
        return "redirect:" + base(projectId);
    }

    @GetMapping("/projects/{projectId}/reciprocity/{entryId}/change")
    String showChange(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID entryId, Model model) {
        Reciprocity.Entry entry = involvement.entry(tenant, projectId, entryId);
        return changePage(tenant, projectId, entry, entry.version(), ReciprocityForm.of(entry), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reciprocity/{entryId}/change")
    String change(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID entryId, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String offeredDay, @RequestParam(defaultValue = "") String offeredMonth,
            @RequestParam(defaultValue = "") String offeredYear, @RequestParam(defaultValue = "") String givenDay,
            @RequestParam(defaultValue = "") String givenMonth, @RequestParam(defaultValue = "") String givenYear,
            @RequestParam(defaultValue = "false") boolean advice, Model model, RedirectAttributes redirect) {
        Reciprocity.Entry entry = involvement.entry(tenant, projectId, entryId);
        ReciprocityForm form = new ReciprocityForm(person, kind, description.strip(), amount.strip(), offeredDay, offeredMonth, offeredYear, givenDay,
                givenMonth, givenYear, advice);
        ReciprocityForm.Checked checked = form.check(involvement.project(tenant, projectId));
        if (checked.draft() == null) {
            return changePage(tenant, projectId, entry, version, form, checked.errors(), model);
        }
        return switch (involvement.change(tenant, projectId, entryId, version, checked.draft())) {
            case DONE -> {
                redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.changed", entry.personName()));
                yield "redirect:" + base(projectId) + "#entry-" + entryId;
            }
            case STALE -> changePage(tenant, projectId, entry, version, form,
                    FormErrors.none().plus("person", Ui.t("involvement.reciprocity.stale")), model);
            case NOT_INVOLVED -> changePage(tenant, projectId, entry, version, form,
                    FormErrors.none().plus("person", Ui.t("involvement.reciprocity.error.person")), model);
        };
    }

    @GetMapping("/projects/{projectId}/reciprocity/{entryId}/remove")
    String showRemove(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID entryId, Model model) {
        model.addAttribute("project", involvement.project(tenant, projectId));
        model.addAttribute("entry", involvement.entry(tenant, projectId, entryId));
        return "involvement/reciprocity-remove";
    }

    @PostMapping("/projects/{projectId}/reciprocity/{entryId}/remove")
    String remove(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID entryId, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        Reciprocity.Entry entry = involvement.entry(tenant, projectId, entryId);
        if (involvement.remove(tenant, projectId, entryId, version) == InvolvementService.Outcome.STALE) {
            redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.stale"));
            return "redirect:" + base(projectId) + "/" + entryId + "/change";
        }
        redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.removed", entry.personName()));
        return "redirect:" + base(projectId);
    }

    @PostMapping("/projects/{projectId}/reciprocity/given")
    String markGiven(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable UUID entry,
            RedirectAttributes redirect) {
        if (entry == null || !involvement.given(tenant, projectId, entry, LocalDate.now(java.time.ZoneId.of("Europe/London")))) {
            throw new NotFoundException("reciprocity entry");
        }
        redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.given-today"));
        return "redirect:" + base(projectId);
    }

    private String changePage(Tenant tenant, UUID projectId, Reciprocity.Entry entry, int version, ReciprocityForm form, FormErrors errors,
            Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("version", version);
        model.addAttribute("history", involvement.history(tenant, projectId, entry.id()));
        return entryPage(tenant, projectId, form, errors, model);
    }

    private String entryPage(Tenant tenant, UUID projectId, ReciprocityForm form, FormErrors errors, Model model) {
        Project project = involvement.project(tenant, projectId);
        List<Option> people = new ArrayList<>();
        people.add(Option.of("", Ui.t("involvement.reciprocity.person.choose")));
        project.members().forEach(m -> people.add(Option.of(m.userId().toString(), m.name())));
        if (project.facilitatorId() != null && project.members().stream().noneMatch(m -> m.userId().equals(project.facilitatorId()))) {
            people.add(Option.of(project.facilitatorId().toString(), String.valueOf(project.facilitatorName())));
        }
        List<Option> kinds = new ArrayList<>();
        for (ReciprocityKind k : ReciprocityKind.values()) {
            kinds.add(Option.of(k.name(), Ui.t(k.messageKey())));
        }
        model.addAttribute("project", project);
        model.addAttribute("people", people);
        model.addAttribute("kinds", kinds);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "involvement/reciprocity-entry";
    }
}
