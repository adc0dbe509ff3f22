package org.coproduction.impact.pathway.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Revision;
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
import org.springframework.web.bind.annotation.RequestParam;

/** A pathway's history: every saved change, any earlier version, and what changed between two. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class PathwayHistoryController {

    private final ProjectService projects;
    private final PathwayService pathways;

    PathwayHistoryController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/history")
    String showHistory(Tenant tenant, @PathVariable UUID projectId, Model model) {
        List<Revision> revisions = pathways.revisions(tenant, projectId);
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("revisions", revisions);
        model.addAttribute("errors", FormErrors.none());
        return "pathway/history";
    }

    @GetMapping("/projects/{projectId}/pathway/history/{number}")
    String showRevision(Tenant tenant, @PathVariable UUID projectId, @PathVariable int number, Model model) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("revision", pathways.revision(tenant, projectId, number));
        model.addAttribute("document", pathways.revisionDocument(tenant, projectId, number));
        model.addAttribute("changes", pathways.compare(tenant, projectId, number - 1, number));
        return "pathway/revision";
    }

    @GetMapping("/projects/{projectId}/pathway/compare")
    String compare(Tenant tenant, @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable Integer from, @RequestParam(required = false) @Nullable Integer to, Model model) {
        List<Revision> revisions = pathways.revisions(tenant, projectId);
        FormErrors errors = FormErrors.none();
        if (from == null || revisions.stream().noneMatch(r -> r.number() == from)) {
            errors = errors.plus("from", Ui.t("pathway.history.choose-from"));
        }
        if (to == null || revisions.stream().noneMatch(r -> r.number() == to)) {
            errors = errors.plus("to", Ui.t("pathway.history.choose-to"));
        }
        if (!errors.any() && from.equals(to)) {
            errors = errors.plus("to", Ui.t("pathway.history.choose-different"));
        }
        model.addAttribute("project", projects.project(tenant, projectId));
        if (errors.any()) {
            model.addAttribute("revisions", revisions);
            model.addAttribute("errors", errors);
            return "pathway/history";
        }
        int older = Math.min(from, to);
        int newer = Math.max(from, to);
        model.addAttribute("older", pathways.revision(tenant, projectId, older));
        model.addAttribute("newer", pathways.revision(tenant, projectId, newer));
        model.addAttribute("changes", pathways.compare(tenant, projectId, older, newer));
        return "pathway/compare";
    }
}
