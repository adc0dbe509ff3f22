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
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members' comments and suggestions on an outcome, and the facilitator's answer to each. */
@Controller
class CommentController {

    private final ProjectService projects;
    private final PathwayService pathways;
    private final CommentService comments;

    CommentController(ProjectService projects, PathwayService pathways, CommentService comments) {
        this.projects = projects;
        this.pathways = pathways;
        this.comments = comments;
    }

    @PostMapping("/projects/{projectId}/pathway/outcomes/{outcomeId}/comments")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String addComment(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId,
            @RequestParam(defaultValue = "") String text, Model model, RedirectAttributes redirect) {
        Project project = projects.project(tenant, projectId);
        FormErrors errors = PathwayForms.requireText(FormErrors.none(), "text", text, CommentService.MAX_LENGTH, "pathway.comment.required");
        if (!errors.any() && !comments.add(tenant, projectId, outcomeId, text)) {
            // No comment box is shown when comments are closed, so the message points at the comments heading.
            errors = FormErrors.single("comments", Ui.t("pathway.comment.closed"));
        }
        if (errors.any()) {
            Pathway pathway = pathways.pathway(tenant, projectId);
            Outcome outcome = pathway.outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
            model.addAttribute("project", project);
            model.addAttribute("pathway", pathway);
            model.addAttribute("outcome", outcome);
            model.addAttribute("comments", comments.comments(tenant, projectId, outcomeId));
            model.addAttribute("canComment", comments.canComment(tenant, project));
            model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
            model.addAttribute("text", text);
            model.addAttribute("errors", errors);
            return "pathway/outcome";
        }
        redirect.addFlashAttribute("notice", Ui.t("pathway.comment.added"));
        return "redirect:" + PathwayService.base(projectId) + "/outcomes/" + outcomeId + "#comments";
    }

    @PostMapping("/projects/{projectId}/pathway/comments/{commentId}/decision")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String decide(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID commentId,
            @RequestParam(defaultValue = "false") boolean accepted, @RequestParam(defaultValue = "") String outcome,
            RedirectAttributes redirect) {
        comments.decide(tenant, projectId, commentId, accepted);
        redirect.addFlashAttribute("notice", Ui.t(accepted ? "pathway.comment.accepted" : "pathway.comment.not-accepted"));
        UUID outcomeId = ProjectForm.uuid(outcome);
        return "redirect:" + PathwayService.base(projectId) + (outcomeId == null ? "" : "/outcomes/" + outcomeId + "#comments");
    }
}
