package org.coproduction.impact.evidence.web;

import java.util.Arrays;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.PracticeReview;
import org.coproduction.impact.evidence.ReviewAnswer;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reviewing existing ways of working: for each thing the organisation already collects, the
 * guidance's questions and the answers, and any gap found, one click from becoming a new way.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ReviewController {

    private final EvidenceService evidence;

    ReviewController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence/reviews")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showReviews(Tenant tenant, Model model) {
        model.addAttribute("reviews", evidence.reviews(tenant));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "evidence/reviews";
    }

    @GetMapping("/evidence/reviews/{reviewId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showReview(Tenant tenant, @PathVariable UUID reviewId, Model model) {
        PracticeReview review = evidence.review(tenant, reviewId);
        model.addAttribute("review", review);
        model.addAttribute("gapWay", review.gapWayId() == null ? null : evidence.way(tenant, review.gapWayId()));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "evidence/review";
    }

    @GetMapping("/evidence/reviews/new")
    String showNewReview(Tenant tenant, Model model) {
        return form(model, null, EvidenceForms.ReviewForm.empty(), null, FormErrors.none());
    }

    @PostMapping("/evidence/reviews/new")
    String addReview(Tenant tenant, @ModelAttribute EvidenceForms.ReviewForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = form.check();
        if (!errors.any()) {
            EvidenceService.Result result = evidence.addReview(tenant, form.answers());
            if (result instanceof EvidenceService.Result.Saved saved) {
                redirect.addFlashAttribute("notice", Ui.t("evidence.review.added"));
                return "redirect:/evidence/reviews/" + saved.id();
            }
            errors = WayController.errorFor(result);
        }
        return form(model, null, form, null, errors);
    }

    @GetMapping("/evidence/reviews/{reviewId}/edit")
    String showEditReview(Tenant tenant, @PathVariable UUID reviewId, Model model) {
        PracticeReview review = evidence.review(tenant, reviewId);
        return form(model, review, EvidenceForms.ReviewForm.of(review), null, FormErrors.none());
    }

    @PostMapping("/evidence/reviews/{reviewId}/edit")
    String saveReview(Tenant tenant, @PathVariable UUID reviewId, @ModelAttribute EvidenceForms.ReviewForm form, Model model,
            RedirectAttributes redirect) {
        PracticeReview review = evidence.review(tenant, reviewId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            EvidenceService.Result result = evidence.updateReview(tenant, reviewId, form.version(), form.answers());
            if (result instanceof EvidenceService.Result.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("evidence.review.saved"));
                return "redirect:/evidence/reviews/" + reviewId;
            }
            PracticeReview theirs = evidence.review(tenant, reviewId);
            return form(model, theirs, form.withVersion(theirs.version()), theirs, WayController.errorFor(result));
        }
        return form(model, review, form, null, errors);
    }

    private String form(Model model, @Nullable PracticeReview review, EvidenceForms.ReviewForm form, @Nullable PracticeReview theirs,
            FormErrors errors) {
        model.addAttribute("review", review);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("answers", Arrays.stream(ReviewAnswer.values()).map(a -> Option.of(a.name(), Ui.t(a.messageKey()))).toList());
        model.addAttribute("errors", errors);
        return "evidence/review-form";
    }
}
