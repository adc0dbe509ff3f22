package org.coproduction.impact.assessment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.MemberView;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members' views first: a member of the project gives their own view of each outcome in an open round,
 * one outcome a page (easy read, large faces, fits a phone), seeing only their own views and never the
 * facilitator's judgement.
 */
@Controller
@RequiresRole(Role.MEMBER)
class MemberViewController {

    private final ReviewService reviews;

    MemberViewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    private static String viewsPath(ReviewRound round) {
        return round.href() + "/views";
    }

    @GetMapping("/projects/{projectId}/reviews/{roundId}/views")
    String showOwnViews(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, Model model) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        Plan plan = reviews.plan(tenant, projectId);
        Map<UUID, MemberView> own = reviews.ownViews(tenant, projectId, roundId).stream()
                .collect(Collectors.toMap(MemberView::outcomeId, Function.identity()));
        model.addAttribute("plan", plan);
        model.addAttribute("round", round);
        model.addAttribute("outcomes", outcomes(plan, round));
        model.addAttribute("own", own);
        return "assessment/own-views";
    }

    @GetMapping("/projects/{projectId}/reviews/{roundId}/views/{outcomeId}")
    String showGiveView(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, @PathVariable UUID outcomeId,
            Model model) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        Plan plan = reviews.plan(tenant, projectId);
        Outcome outcome = outcome(plan, round, outcomeId);
        java.util.Optional<MemberView> given = given(tenant, projectId, roundId, outcomeId);
        ReviewForms.ViewForm form = given
                .map(v -> new ReviewForms.ViewForm(v.view().name(), v.sentence() == null ? "" : v.sentence()))
                .orElse(ReviewForms.ViewForm.empty());
        return viewForm(tenant, plan, round, outcome, given, form, FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reviews/{roundId}/views/{outcomeId}")
    String giveView(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, @PathVariable UUID outcomeId,
            @ModelAttribute ReviewForms.ViewForm form, @RequestParam(required = false) @Nullable MultipartFile voice, Model model,
            RedirectAttributes redirect) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        Plan plan = reviews.plan(tenant, projectId);
        Outcome outcome = outcome(plan, round, outcomeId);
        OwnView view = form.ownView();
        ReviewResult result = reviews.giveView(tenant, projectId, roundId, outcomeId, view, form.sentence(), Recording.of(voice));
        if (result instanceof ReviewResult.Refused r) {
            return viewForm(tenant, plan, round, outcome, given(tenant, projectId, roundId, outcomeId), form, ReviewForms.of(r), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("assessment.view.saved", outcome.title()));
        // The next outcome this member has not given a view of, else the list.
        Map<UUID, MemberView> own = reviews.ownViews(tenant, projectId, roundId).stream()
                .collect(Collectors.toMap(MemberView::outcomeId, Function.identity()));
        return outcomes(plan, round).stream()
                .filter(o -> !own.containsKey(o.id()))
                .findFirst()
                .map(o -> "redirect:" + viewsPath(round) + "/" + o.id())
                .orElse("redirect:" + viewsPath(round));
    }

    /** The view this member gave of the outcome already, if any. */
    private java.util.Optional<MemberView> given(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId) {
        return reviews.ownViews(tenant, projectId, roundId).stream().filter(v -> v.outcomeId().equals(outcomeId)).findFirst();
    }

    private String viewForm(Tenant tenant, Plan plan, ReviewRound round, Outcome outcome, java.util.Optional<MemberView> given,
            ReviewForms.ViewForm form, FormErrors errors, Model model) {
        List<Outcome> outcomes = outcomes(plan, round);
        model.addAttribute("voice", reviews.voices(tenant, given.stream().toList()).values().stream().findFirst().orElse(null));
        model.addAttribute("plan", plan);
        model.addAttribute("round", round);
        model.addAttribute("outcome", outcome);
        model.addAttribute("position", outcomes.indexOf(outcome) + 1);
        model.addAttribute("count", outcomes.size());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "assessment/give-view";
    }

    /** The round's outcomes as the pathway has them now, in the round's order. */
    static List<Outcome> outcomes(Plan plan, ReviewRound round) {
        return round.outcomeIds().stream().map(id -> plan.pathway().outcome(id)).flatMap(java.util.Optional::stream).toList();
    }

    private static Outcome outcome(Plan plan, ReviewRound round, UUID outcomeId) {
        if (!round.looksAt(outcomeId)) {
            throw new NotFoundException("outcome");
        }
        return plan.pathway().outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
    }
}
