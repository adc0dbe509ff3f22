package org.coproduction.impact.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ReviewReport;
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
 * Impact and learning reports for facilitators and admins: the project's reports, starting one from a
 * closed review round, writing its draft, and checking it before publishing a version.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ReportDraftController {

    private final ReportService reports;

    ReportDraftController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/projects/{projectId}/review-reports")
    String showReports(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("plan", reports.plan(tenant, projectId));
        model.addAttribute("reports", reports.reports(tenant, projectId));
        model.addAttribute("hasClosedRound", !reports.closedRounds(tenant, projectId).isEmpty());
        return "report/reports";
    }

    @GetMapping("/projects/{projectId}/review-reports/new")
    String showNewReport(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String kind, Model model) {
        return newForm(tenant, projectId, new ReportForms.NewForm(null, kind, null), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/review-reports/new")
    String addReport(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute ReportForms.NewForm form, Model model,
            RedirectAttributes redirect) {
        ReportResult result = reports.create(tenant, projectId, ReportForms.uuid(form.roundId()), ReportForms.choice(ReportKind.class, form.kind()),
                form.titleOrEmpty());
        if (result instanceof ReportResult.Refused r) {
            return newForm(tenant, projectId, form, ReportForms.of(r), model);
        }
        UUID id = ((ReportResult.Saved) result).id();
        redirect.addFlashAttribute("notice", Ui.t("report.created"));
        return "redirect:" + ReportService.base(projectId) + "/" + id + "/edit";
    }

    private String newForm(Tenant tenant, UUID projectId, ReportForms.NewForm form, FormErrors errors, Model model) {
        Plan plan = reports.plan(tenant, projectId);
        List<ReviewRound> rounds = reports.closedRounds(tenant, projectId);
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("roundOptions", rounds.stream().map(r -> new Option(r.id().toString(), r.title(), Ui.day(r.reviewOn()))).toList());
        List<Option> kinds = new ArrayList<>();
        for (ReportKind k : ReportKind.values()) {
            kinds.add(new Option(k.name(), Ui.t(k.messageKey()), Ui.t(k.hintKey())));
        }
        model.addAttribute("kindOptions", kinds);
        model.addAttribute("errors", errors);
        return "report/new";
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/edit")
    String showEditReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId, Model model) {
        ReviewReport report = reports.report(tenant, projectId, reviewReportId);
        return editForm(tenant, report, ReportForms.EditForm.of(report), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/review-reports/{reviewReportId}/edit")
    String saveReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @ModelAttribute ReportForms.EditForm form, Model model, RedirectAttributes redirect) {
        ReviewReport report = reports.report(tenant, projectId, reviewReportId);
        ReportResult result = reports.update(tenant, projectId, reviewReportId, form.versionSeen(), form.title() == null ? "" : form.title(),
                ReportForms.choice(ConsentUse.class, form.audience()), form.words(), form.stories(), form.titleCy(), form.wordsCy());
        if (result instanceof ReportResult.Refused r) {
            return editForm(tenant, report, form, ReportForms.of(r), model);
        }
        if (result instanceof ReportResult.Stale) {
            return editForm(tenant, report, form.withVersion(report.version()), FormErrors.single("title", Ui.t("report.stale")), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("report.saved"));
        return "redirect:" + report.href() + "/publish";
    }

    private String editForm(Tenant tenant, ReviewReport report, ReportForms.EditForm form, FormErrors errors, Model model) {
        UUID projectId = report.projectId();
        model.addAttribute("plan", reports.plan(tenant, projectId));
        model.addAttribute("report", report);
        model.addAttribute("round", reports.round(tenant, projectId, report.roundId()));
        model.addAttribute("form", form);
        List<Option> audiences = new ArrayList<>();
        for (ConsentUse use : ConsentUse.values()) {
            audiences.add(Option.of(use.name(), Ui.t(use.messageKey())));
        }
        model.addAttribute("audiences", audiences);
        model.addAttribute("storyOptions", reports.storyOptions(tenant, projectId, report).stream().map(ReportDraftController::story).toList());
        model.addAttribute("errors", errors);
        return "report/edit";
    }

    /** A story to choose, with what it is, when, and which uses its consent covers (or that it shows no one). */
    private static Option story(EvidenceItem item) {
        String consent = !item.showsAPerson()
                ? Ui.t("report.story.no-person")
                : item.consentedUses().isEmpty()
                        ? Ui.t("report.story.no-consent")
                        : Ui.t("report.story.consent", item.consentedUses().stream().sorted().map(u -> Ui.t(u.messageKey()))
                                .collect(Collectors.joining("; ")));
        return new Option(item.source() + ":" + item.id(), item.title(), Ui.t("report.story.hint", Ui.t(item.kindKey()), Ui.day(item.date()), consent));
    }

    /** The draft as it would be published now, as its audience would see it, with the button to publish. */
    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/publish")
    String showPublish(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId, Model model) {
        model.addAttribute("report", reports.report(tenant, projectId, reviewReportId));
        model.addAttribute("shown", reports.preview(tenant, projectId, reviewReportId));
        return "report/publish";
    }

    @PostMapping("/projects/{projectId}/review-reports/{reviewReportId}/publish")
    String publish(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        ReviewReport report = reports.report(tenant, projectId, reviewReportId);
        if (reports.publish(tenant, projectId, reviewReportId, version) instanceof ReportResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("report.published"));
            return "redirect:" + report.href();
        }
        redirect.addFlashAttribute("notice", Ui.t("report.stale"));
        return "redirect:" + report.href() + "/publish";
    }
}
