package org.coproduction.impact.framework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.FrameworkVersion;
import org.coproduction.impact.framework.VersionSummary;
import org.coproduction.impact.framework.YearOfReviews;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing the draft (which freezes it) with its next review date, and moving that date later.
 * Facilitators may publish as well as admins: they write the framework with the group, and the
 * group's agreement, not a second sign-off, is what makes it ready. Every publication is in the
 * activity log, and a new draft can put right anything published by mistake.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class FrameworkPublishController {

    private final FrameworkService frameworks;
    private final List<YearOfReviews> years;

    FrameworkPublishController(FrameworkService frameworks, List<YearOfReviews> years) {
        this.frameworks = frameworks;
        this.years = years;
    }

    @GetMapping("/framework/versions/{versionId}/publish")
    String showPublish(Tenant tenant, @PathVariable UUID versionId, Model model) {
        return publishForm(tenant, model, draft(tenant, versionId), ReviewDateForm.of(frameworks.aYearFromToday()), FormErrors.none());
    }

    @PostMapping("/framework/versions/{versionId}/publish")
    String publish(Tenant tenant, @PathVariable UUID versionId, @ModelAttribute ReviewDateForm form, Model model,
            RedirectAttributes redirect) {
        FrameworkVersion draft = draft(tenant, versionId);
        ReviewDateForm.Checked checked = form.check(frameworks.today());
        if (checked.date() == null) {
            return publishForm(tenant, model, draft, form, checked.errors());
        }
        if (!frameworks.publish(tenant, versionId, checked.date())) {
            throw new NotFoundException("framework draft");
        }
        redirect.addFlashAttribute("notice", Ui.t("framework.publish.done", draft.summary().number()));
        return "redirect:/framework/versions/" + versionId;
    }

    @GetMapping("/framework/review-date")
    String showReviewDate(Tenant tenant, Model model) {
        VersionSummary published = published(tenant);
        ReviewDateForm form = ReviewDateForm.of(published.nextReviewOn() == null ? frameworks.aYearFromToday() : published.nextReviewOn());
        return reviewForm(tenant, model, published, form, FormErrors.none());
    }

    @PostMapping("/framework/review-date")
    String changeReviewDate(Tenant tenant, @ModelAttribute ReviewDateForm form, Model model, RedirectAttributes redirect) {
        VersionSummary published = published(tenant);
        ReviewDateForm.Checked checked = form.check(frameworks.today());
        if (checked.date() == null) {
            return reviewForm(tenant, model, published, form, checked.errors());
        }
        frameworks.changeReviewDate(tenant, checked.date());
        redirect.addFlashAttribute("notice", Ui.t("framework.review.changed", Ui.day(checked.date())));
        return "redirect:/framework";
    }

    private FrameworkVersion draft(Tenant tenant, UUID versionId) {
        FrameworkVersion version = frameworks.version(tenant, versionId);
        if (!version.summary().isDraft()) {
            throw new NotFoundException("framework draft");
        }
        return version;
    }

    private VersionSummary published(Tenant tenant) {
        return frameworks.latestPublished(tenant).orElseThrow(() -> new NotFoundException("published framework"));
    }

    private String publishForm(Tenant tenant, Model model, FrameworkVersion draft, ReviewDateForm form, FormErrors errors) {
        model.addAttribute("draft", draft.summary());
        model.addAttribute("changed", frameworks.changedSinceBase(tenant, draft));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "framework/publish";
    }

    private String reviewForm(Tenant tenant, Model model, VersionSummary published, ReviewDateForm form, FormErrors errors) {
        // The framework's year: since this version was published, and at least the last twelve months.
        LocalDate to = frameworks.today();
        LocalDate yearAgo = to.minusYears(1);
        LocalDate from = published.publishedAt() == null ? yearAgo : published.publishedAt().toLocalDate();
        if (from.isAfter(yearAgo)) {
            from = yearAgo;
        }
        LocalDate since = from;
        model.addAttribute("reviewedFrom", since);
        model.addAttribute("reviewed", years.stream().flatMap(y -> y.reviewedBetween(tenant, since, to).stream()).toList());
        model.addAttribute("published", published);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "framework/review-date";
    }
}
