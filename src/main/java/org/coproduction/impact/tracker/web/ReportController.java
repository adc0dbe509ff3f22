package org.coproduction.impact.tracker.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.web.FileNames;
import org.coproduction.impact.shared.document.AccessiblePdf;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.tracker.ProgressReport;
import org.coproduction.impact.tracker.ReportView;
import org.coproduction.impact.tracker.Task;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.tracker.TrackerService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Progress reports: the list, writing and changing one, and the report itself (printable), which
 * shows only the chosen items whose consent covers its audience today.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ReportController {

    private final TrackerService tracker;
    private final AccessiblePdf pdf;

    ReportController(TrackerService tracker, AccessiblePdf pdf) {
        this.tracker = tracker;
        this.pdf = pdf;
    }

    private static String reportsPath(UUID projectId) {
        return TrackerService.base(projectId) + "/reports";
    }

    @GetMapping("/projects/{projectId}/reports")
    String showReports(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("plan", tracker.plan(tenant, projectId));
        model.addAttribute("reports", tracker.reports(tenant, projectId));
        return "tracker/reports";
    }

    @GetMapping("/projects/{projectId}/reports/{reportId}")
    String showReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reportId, Model model) {
        model.addAttribute("plan", tracker.plan(tenant, projectId));
        model.addAttribute("view", tracker.view(tenant, projectId, reportId));
        return "tracker/report";
    }

    /** The report as a tagged PDF, with consent checked now, as on the page. */
    @GetMapping("/projects/{projectId}/reports/{reportId}/report.pdf")
    ResponseEntity<byte[]> downloadReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reportId) {
        Plan plan = tracker.plan(tenant, projectId);
        ReportView view = tracker.view(tenant, projectId, reportId);
        byte[] file = pdf.pdf("tracker/report-print.jte", Map.of("plan", plan, "view", view, "organisation", tenant.organisationName()));
        String name = FileNames.slug(view.report().title(), "progress-report");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    @GetMapping("/projects/{projectId}/reports/new")
    String showNewReport(Tenant tenant, @PathVariable UUID projectId, Model model) {
        LocalDate today = TrackerService.today();
        LocalDate from = today.minusMonths(3).withDayOfMonth(1);
        return reportForm(tenant, tracker.plan(tenant, projectId), null, TrackerForms.ReportForm.empty(from, today), FormErrors.none(),
                model);
    }

    @PostMapping("/projects/{projectId}/reports/new")
    String addReport(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute TrackerForms.ReportForm form, Model model,
            RedirectAttributes redirect) {
        Plan plan = tracker.plan(tenant, projectId);
        TrackerForms.ReportForm.Checked checked = form.check();
        if (checked.draft() == null) {
            return reportForm(tenant, plan, null, form, checked.errors(), model);
        }
        TrackerResult result = tracker.addReport(tenant, projectId, checked.draft());
        if (result instanceof TrackerResult.Refused r) {
            return reportForm(tenant, plan, null, form, TrackerForms.of(r), model);
        }
        UUID id = ((TrackerResult.Saved) result).id();
        redirect.addFlashAttribute("notice", Ui.t("tracker.report.saved"));
        return "redirect:" + reportsPath(projectId) + "/" + id;
    }

    @PostMapping("/projects/{projectId}/reports/{reportId}/remove")
    String removeReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reportId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        ProgressReport report = tracker.report(tenant, projectId, reportId);
        if (tracker.removeReport(tenant, projectId, reportId, version) instanceof TrackerResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("tracker.report.removed", report.title()));
            return "redirect:" + reportsPath(projectId);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.stale"));
        return "redirect:" + reportsPath(projectId) + "/" + reportId;
    }

    @GetMapping("/projects/{projectId}/reports/{reportId}/edit")
    String showEditReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reportId, Model model) {
        ProgressReport report = tracker.report(tenant, projectId, reportId);
        return reportForm(tenant, tracker.plan(tenant, projectId), report, TrackerForms.ReportForm.of(report), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reports/{reportId}/edit")
    String saveReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reportId,
            @ModelAttribute TrackerForms.ReportForm form, Model model, RedirectAttributes redirect) {
        Plan plan = tracker.plan(tenant, projectId);
        ProgressReport report = tracker.report(tenant, projectId, reportId);
        TrackerForms.ReportForm.Checked checked = form.check();
        if (checked.draft() == null) {
            return reportForm(tenant, plan, report, form, checked.errors(), model);
        }
        TrackerResult result = tracker.updateReport(tenant, projectId, reportId, form.version(), checked.draft());
        if (result instanceof TrackerResult.Refused r) {
            return reportForm(tenant, plan, report, form, TrackerForms.of(r), model);
        }
        if (result instanceof TrackerResult.Stale) {
            ProgressReport now = tracker.report(tenant, projectId, reportId);
            return reportForm(tenant, plan, now, form.withVersion(now.version()), FormErrors.single("title", Ui.t("tracker.stale")), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.report.saved"));
        return "redirect:" + reportsPath(projectId) + "/" + reportId;
    }

    private String reportForm(Tenant tenant, Plan plan, @Nullable ProgressReport report, TrackerForms.ReportForm form, FormErrors errors,
            Model model) {
        UUID projectId = plan.project().id();
        List<Option> audiences = new ArrayList<>();
        for (ConsentUse use : ConsentUse.values()) {
            audiences.add(Option.of(use.name(), Ui.t(use.messageKey())));
        }
        List<Task> milestones = tracker.milestonesFor(tenant, projectId, form.from(), form.to());
        List<Option> milestoneOptions = milestones.stream()
                .map(t -> new Option(t.id().toString(), t.title(), t.done() && t.doneOn() != null
                        ? Ui.t("tracker.report.milestone.done-on", Ui.day(t.doneOn()))
                        : Ui.t("tracker.report.milestone.status", Ui.t(t.status().messageKey()))))
                .toList();
        List<Option> itemOptions = tracker.choosableItems(tenant, projectId).stream().map(ReportController::itemOption).toList();
        model.addAttribute("plan", plan);
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("audiences", audiences);
        model.addAttribute("outcomeOptions", Tags.outcomeOptions(plan));
        model.addAttribute("milestoneOptions", milestoneOptions);
        model.addAttribute("itemOptions", itemOptions);
        model.addAttribute("errors", errors);
        return "tracker/report-form";
    }

    /** An item to choose, with what it is, when, and which uses its consent covers (or that it shows no one). */
    private static Option itemOption(EvidenceItem item) {
        String consent = !item.showsAPerson()
                ? Ui.t("tracker.report.item.no-person")
                : item.consentedUses().isEmpty()
                        ? Ui.t("tracker.report.item.no-consent")
                        : Ui.t("tracker.report.item.consent", item.consentedUses().stream().sorted().map(u -> Ui.t(u.messageKey()))
                                .collect(Collectors.joining("; ")));
        return new Option(new ProgressReport.ItemRef(item.source(), item.id()).key(), item.title(),
                Ui.t("tracker.report.item.hint", Ui.t(item.kindKey()), Ui.day(item.date()), consent));
    }
}
