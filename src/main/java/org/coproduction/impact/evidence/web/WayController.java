package org.coproduction.impact.evidence.web;

import java.util.Arrays;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.PracticeReview;
import org.coproduction.impact.evidence.WayOfCollecting;
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

/** Adding, changing, retiring and restoring ways of collecting evidence. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class WayController {

    private final EvidenceService evidence;

    WayController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** The add form; from a review's gap ({@code review}), filled in from that gap. */
    @GetMapping("/evidence/ways/new")
    String showNewWay(Tenant tenant, @RequestParam(required = false) @Nullable String review, Model model) {
        UUID reviewId = EvidenceForms.uuid(review);
        EvidenceForms.WayForm form = reviewId == null ? EvidenceForms.WayForm.empty() : EvidenceForms.WayForm.fromGap(evidence.review(tenant, reviewId));
        return form(tenant, model, null, form, null, FormErrors.none());
    }

    @PostMapping("/evidence/ways/new")
    String addWay(Tenant tenant, @ModelAttribute EvidenceForms.WayForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = form.check();
        if (!errors.any()) {
            EvidenceService.Result result = evidence.addWay(tenant, form.details(), form.reviewId());
            if (result instanceof EvidenceService.Result.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("evidence.way.added", form.name().strip()));
                return "redirect:/evidence";
            }
            errors = errorFor(result);
        }
        return form(tenant, model, null, form, null, errors);
    }

    @GetMapping("/evidence/ways/{wayId}/edit")
    String showEditWay(Tenant tenant, @PathVariable UUID wayId, Model model) {
        WayOfCollecting way = evidence.way(tenant, wayId);
        return form(tenant, model, way, EvidenceForms.WayForm.of(way), null, FormErrors.none());
    }

    @PostMapping("/evidence/ways/{wayId}/edit")
    String saveWay(Tenant tenant, @PathVariable UUID wayId, @ModelAttribute EvidenceForms.WayForm form, Model model,
            RedirectAttributes redirect) {
        WayOfCollecting way = evidence.way(tenant, wayId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            EvidenceService.Result result = evidence.updateWay(tenant, wayId, form.version(), form.details());
            if (result instanceof EvidenceService.Result.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("evidence.way.saved", form.name().strip()));
                return "redirect:/evidence";
            }
            if (result instanceof EvidenceService.Result.Stale) {
                WayOfCollecting theirs = evidence.way(tenant, wayId);
                return form(tenant, model, theirs, form.withVersion(theirs.version()), theirs, errorFor(result));
            }
            errors = errorFor(result);
        }
        return form(tenant, model, way, form, null, errors);
    }

    @GetMapping("/evidence/ways/{wayId}/retire")
    String confirmRetireWay(Tenant tenant, @PathVariable UUID wayId, Model model) {
        model.addAttribute("way", evidence.way(tenant, wayId));
        return "evidence/confirm-retire-way";
    }

    @PostMapping("/evidence/ways/{wayId}/retire")
    String retireWay(Tenant tenant, @PathVariable UUID wayId, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        WayOfCollecting way = evidence.way(tenant, wayId);
        return afterQuickChange(evidence.retireWay(tenant, wayId, version), redirect, Ui.t("evidence.way.retired", way.name()));
    }

    @PostMapping("/evidence/ways/{wayId}/restore")
    String restoreWay(Tenant tenant, @PathVariable UUID wayId, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        WayOfCollecting way = evidence.way(tenant, wayId);
        return afterQuickChange(evidence.restoreWay(tenant, wayId, version), redirect, Ui.t("evidence.way.restored", way.name()));
    }

    private static String afterQuickChange(EvidenceService.Result result, RedirectAttributes redirect, String done) {
        switch (result) {
            case EvidenceService.Result.Saved s -> redirect.addFlashAttribute("notice", done);
            case EvidenceService.Result.Stale s -> redirect.addFlashAttribute("problem", Ui.t("evidence.stale.reload"));
            case EvidenceService.Result.Refused r -> redirect.addFlashAttribute("problem", Ui.t(r.messageKey(), r.messageArgs()));
        }
        return "redirect:/evidence";
    }

    static FormErrors errorFor(EvidenceService.Result result) {
        return switch (result) {
            case EvidenceService.Result.Refused r -> FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            case EvidenceService.Result.Stale s -> FormErrors.single("name", Ui.t("evidence.stale"));
            case EvidenceService.Result.Saved s -> FormErrors.none();
        };
    }

    private String form(Tenant tenant, Model model, @Nullable WayOfCollecting way, EvidenceForms.WayForm form,
            @Nullable WayOfCollecting theirs, FormErrors errors) {
        UUID reviewId = form.reviewId();
        PracticeReview review = reviewId == null ? null : evidence.review(tenant, reviewId);
        model.addAttribute("way", way);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("review", review);
        model.addAttribute("typeOptions", Arrays.stream(EvidenceType.values())
                .map(t -> new Option(t.name(), Ui.t(t.messageKey()), Ui.t(t.descriptionKey())))
                .toList());
        model.addAttribute("history", way == null ? java.util.List.of() : evidence.history(tenant, way.id()));
        model.addAttribute("errors", errors);
        return "evidence/way-form";
    }
}
