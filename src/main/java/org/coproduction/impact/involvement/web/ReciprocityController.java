package org.coproduction.impact.involvement.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.involvement.InvolvementService;
import org.coproduction.impact.involvement.InvolvementService.ReciprocityDraft;
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
        Project project = involvement.project(tenant, projectId);
        FormErrors errors = FormErrors.none();
        UUID userId = null;
        try {
            userId = UUID.fromString(person);
        } catch (IllegalArgumentException e) {
            // not chosen
        }
        if (userId == null || !project.involves(userId)) {
            errors = errors.plus("person", Ui.t("involvement.reciprocity.error.person"));
        }
        ReciprocityKind k = null;
        try {
            k = ReciprocityKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors = errors.plus("kind", Ui.t("involvement.reciprocity.error.kind"));
        }
        if (form.description().length() > 300) {
            errors = errors.plus("description", Ui.t("involvement.reciprocity.error.description"));
        }
        Long pence = null;
        if (!form.amount().isEmpty()) {
            try {
                BigDecimal pounds = new BigDecimal(form.amount().replace("£", "").replace(",", "").strip());
                if (pounds.signum() < 0 || pounds.scale() > 2 || pounds.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                    throw new NumberFormatException();
                }
                pence = pounds.movePointRight(2).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors = errors.plus("amount", Ui.t("involvement.reciprocity.error.amount"));
            }
        }
        LocalDate offered = date(offeredDay, offeredMonth, offeredYear);
        if (offered == null) {
            errors = errors.plus("offered", Ui.t("involvement.reciprocity.error.offered"));
        }
        LocalDate given = null;
        if (!(givenDay + givenMonth + givenYear).isBlank()) {
            given = date(givenDay, givenMonth, givenYear);
            if (given == null) {
                errors = errors.plus("given", Ui.t("involvement.reciprocity.error.given"));
            } else if (offered != null && given.isBefore(offered)) {
                errors = errors.plus("given", Ui.t("involvement.reciprocity.error.given-before"));
            }
        }
        if (errors.any() || userId == null || k == null || offered == null) {
            return entryPage(tenant, projectId, form, errors, model);
        }
        involvement.record(tenant, projectId, new ReciprocityDraft(userId, k, form.description().isEmpty() ? null : form.description(), pence,
                offered, given, advice));
        redirect.addFlashAttribute("notice", Ui.t("involvement.reciprocity.recorded"));
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

    private static @Nullable LocalDate date(String day, String month, String year) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            return d.getYear() >= 2000 && d.getYear() <= 2100 ? d : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
