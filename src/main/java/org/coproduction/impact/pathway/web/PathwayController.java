package org.coproduction.impact.pathway.web;

import java.util.UUID;
import org.coproduction.impact.pathway.CommentService;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Looking at a pathway: the whole of it (diagram, list and table), one outcome, and the edit overview. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
class PathwayController {

    private final ProjectService projects;
    private final PathwayService pathways;
    private final CommentService comments;

    PathwayController(ProjectService projects, PathwayService pathways, CommentService comments) {
        this.projects = projects;
        this.pathways = pathways;
        this.comments = comments;
    }

    @GetMapping("/projects/{projectId}/pathway")
    String showPathway(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Project project = projects.project(tenant, projectId);
        Pathway pathway = pathways.pathway(tenant, projectId);
        boolean canEdit = tenant.is(Role.ADMIN, Role.FACILITATOR);
        model.addAttribute("project", project);
        model.addAttribute("pathway", pathway);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("findings", canEdit ? pathways.findings(tenant, pathway) : java.util.List.of());
        model.addAttribute("openComments", canEdit ? comments.openCount(tenant, pathway) : 0L);
        model.addAttribute("waiting", canEdit ? comments.waiting(tenant, pathway) : java.util.List.of());
        return "pathway/pathway";
    }

    @GetMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}")
    String showOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Project project = projects.project(tenant, projectId);
        Pathway pathway = pathways.pathway(tenant, projectId);
        Outcome outcome = pathway.outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        model.addAttribute("project", project);
        model.addAttribute("pathway", pathway);
        model.addAttribute("outcome", outcome);
        model.addAttribute("comments", comments.comments(tenant, projectId, outcomeId));
        model.addAttribute("canComment", !outcome.archived() && comments.canComment(tenant, project));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("errors", FormErrors.none());
        return "pathway/outcome";
    }

    @GetMapping("/projects/{projectId}/pathway/edit")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String showEditPathway(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Pathway pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathway);
        model.addAttribute("findings", pathways.findings(tenant, pathway));
        model.addAttribute("errors", FormErrors.none());
        return "pathway/edit";
    }
}
