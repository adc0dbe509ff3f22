package org.coproduction.impact.pathway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Statement;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing and removing 'I' and 'We' statements (they are added on the journey's statements step). */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class StatementController {

    private final ProjectService projects;
    private final PathwayService pathways;

    StatementController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/statements/{statementId}/edit")
    String showEditStatement(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID statementId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Statement s = current(pathway, statementId);
        return form(tenant, model, projectId, pathway, s,
                new PathwayForms.StatementForm(s.kind(), s.text(), s.outcomeId(), pathway.version()), null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/pathway/statements/{statementId}/edit")
    String saveStatement(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID statementId,
            @ModelAttribute PathwayForms.StatementForm form, Model model, RedirectAttributes redirect) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        Statement s = current(pathway, statementId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            EditResult result = pathways.updateStatement(tenant, projectId, statementId, form.version(), form.kind(), form.text(), form.outcome());
            switch (result) {
                case EditResult.Saved saved -> {
                    redirect.addFlashAttribute("notice", Ui.t("pathway.statement.saved"));
                    return ItemPages.edit(projectId);
                }
                case EditResult.Stale stale -> {
                    Statement theirs = current(stale.current(), statementId);
                    return form(tenant, model, projectId, stale.current(), theirs,
                            new PathwayForms.StatementForm(form.kind(), form.text(), form.outcome(), stale.current().version()),
                            theirs, ItemPages.errorFor(result, "text"));
                }
                case EditResult.Refused refused -> errors = ItemPages.errorFor(result, "text");
            }
        }
        return form(tenant, model, projectId, pathway, s, form, null, errors);
    }

    @GetMapping("/projects/{projectId}/pathway/statements/{statementId}/remove")
    String confirmRemoveStatement(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID statementId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("statement", current(pathway, statementId));
        return "pathway/confirm-remove-statement";
    }

    @PostMapping("/projects/{projectId}/pathway/statements/{statementId}/remove")
    String removeStatement(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID statementId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        current(pathways.pathway(tenant, projectId), statementId);
        return ItemPages.afterQuickChange(projectId, pathways.removeStatement(tenant, projectId, statementId, version), redirect,
                Ui.t("pathway.statement.removed"));
    }

    private static Statement current(Pathway pathway, UUID statementId) {
        return pathway.statement(statementId).filter(s -> !s.archived()).orElseThrow(() -> new NotFoundException("statement"));
    }

    private String form(Tenant tenant, Model model, UUID projectId, Pathway pathway, Statement statement,
            PathwayForms.StatementForm form, Statement theirs, FormErrors errors) {
        List<Option> outcomes = new ArrayList<>();
        outcomes.add(Option.of("", Ui.t("pathway.statement.outcome.none")));
        pathway.currentOutcomes().forEach(o -> outcomes.add(Option.of(o.id().toString(), o.title())));
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("statement", statement);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("kinds", List.of(
                new Option("I", Ui.t("pathway.statement.kind.i"), Ui.t("pathway.statement.kind.i.hint")),
                new Option("WE", Ui.t("pathway.statement.kind.we"), Ui.t("pathway.statement.kind.we.hint"))));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("errors", errors);
        return "pathway/statement-form";
    }
}
