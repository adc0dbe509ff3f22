package org.coproduction.impact.plan.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanLimits;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.plan.RowCollectors;
import org.coproduction.impact.shared.web.FileNames;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's outcomes assessment plan: the plan itself, its easy-read version, the CSV export,
 * its history and comments. Members see the plans of projects they take part in.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
class PlanController {

    private final PlanService plans;
    private final List<RowCollectors> collectors;

    PlanController(PlanService plans, List<RowCollectors> collectors) {
        this.plans = plans;
        this.collectors = collectors;
    }

    @GetMapping("/projects/{projectId}/plan")
    String showPlan(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return planPage(tenant, plans.plan(tenant, projectId), model, "", FormErrors.none());
    }

    @GetMapping("/projects/{projectId}/plan/easy-read")
    String showEasyRead(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("plan", plans.plan(tenant, projectId));
        return "plan/easy-read";
    }

    @GetMapping("/projects/{projectId}/plan/history")
    String showHistory(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("plan", plans.plan(tenant, projectId));
        model.addAttribute("changes", plans.history(tenant, projectId));
        return "plan/history";
    }

    @GetMapping("/projects/{projectId}/plan/export")
    ResponseEntity<byte[]> exportPlan(Tenant tenant, @PathVariable UUID projectId) {
        Plan plan = plans.plan(tenant, projectId);
        byte[] csv = plans.csv(tenant, projectId).getBytes(StandardCharsets.UTF_8);
        String name = FileNames.slug(plan.project().name(), "project");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-assessment-plan.csv", StandardCharsets.UTF_8)
                        .build().toString())
                .body(csv);
    }

    @PostMapping("/projects/{projectId}/plan/comments")
    String addComment(Tenant tenant, @PathVariable UUID projectId, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(tenant, projectId);
        FormErrors errors = PlanForms.required(FormErrors.none(), "text", text, PlanLimits.COMMENT, "plan.comment.required");
        if (!errors.any() && !plans.addComment(tenant, projectId, text)) {
            errors = FormErrors.single("comments", Ui.t("plan.comment.closed"));
        }
        if (errors.any()) {
            return planPage(tenant, plan, model, text, errors);
        }
        redirect.addFlashAttribute("notice", Ui.t("plan.comment.added"));
        return "redirect:" + PlanService.base(projectId) + "#comments";
    }

    private String planPage(Tenant tenant, Plan plan, Model model, String text, FormErrors errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("collectors", collectedBy(tenant, plan.project().id()));
        model.addAttribute("comments", plans.comments(tenant, plan.project().id()));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("canComment", plans.canComment(tenant, plan.project()));
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        return "plan/plan";
    }

    /** What collects each row, from every module that collects evidence (forms, say). */
    private Map<UUID, List<RowCollectors.Collector>> collectedBy(Tenant tenant, UUID projectId) {
        Map<UUID, List<RowCollectors.Collector>> all = new HashMap<>();
        for (RowCollectors c : collectors) {
            c.collectors(tenant.organisationId(), projectId).forEach((row, list) -> all.computeIfAbsent(row, r -> new ArrayList<>()).addAll(list));
        }
        return all;
    }
}
