package org.coproduction.impact.assessment.web;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.MemberView;
import org.coproduction.impact.assessment.OutcomeJudgement;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's review rounds: the list (members see the open ones to give their views), starting a
 * round on chosen outcomes, a round's outcomes with members' views and judgements, and closing it.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class RoundController {

    private final ReviewService reviews;

    RoundController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/projects/{projectId}/reviews")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showRounds(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Plan plan = reviews.plan(tenant, projectId);
        List<ReviewRound> rounds = reviews.rounds(tenant, projectId);
        model.addAttribute("plan", plan);
        model.addAttribute("open", rounds.stream().filter(ReviewRound::open).toList());
        model.addAttribute("closed", rounds.stream().filter(r -> !r.open()).toList());
        model.addAttribute("canManage", ReviewService.canManage(tenant));
        return "assessment/rounds";
    }

    @GetMapping("/projects/{projectId}/reviews/new")
    String showNewRound(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Plan plan = reviews.plan(tenant, projectId);
        var day = ReviewService.today();
        String title = Ui.t("assessment.round.title.suggested", day.getMonth().getDisplayName(TextStyle.FULL, Locale.UK), day.getYear());
        return roundForm(plan, ReviewForms.RoundForm.suggested(day, plan.pathway().currentOutcomes().stream().map(Outcome::id).toList(), title),
                FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reviews/new")
    String addRound(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute ReviewForms.RoundForm form, Model model,
            RedirectAttributes redirect) {
        Plan plan = reviews.plan(tenant, projectId);
        ReviewForms.RoundForm.Checked checked = form.check();
        if (checked.errors().any()) {
            return roundForm(plan, form, checked.errors(), model);
        }
        ReviewResult result = reviews.createRound(tenant, projectId, form.title(), checked.reviewOn(), checked.outcomeIds());
        if (result instanceof ReviewResult.Refused r) {
            return roundForm(plan, form, ReviewForms.of(r), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("assessment.round.created"));
        return "redirect:" + ReviewService.base(projectId) + "/" + ((ReviewResult.Saved) result).id();
    }

    private String roundForm(Plan plan, ReviewForms.RoundForm form, FormErrors errors, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("outcomeOptions", plan.pathway().currentOutcomes().stream().map(o -> Option.of(o.id().toString(), o.title())).toList());
        model.addAttribute("errors", errors);
        return "assessment/round-form";
    }

    @GetMapping("/projects/{projectId}/reviews/{roundId}")
    String showRound(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, Model model) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        Plan plan = reviews.plan(tenant, projectId);
        Map<UUID, List<MemberView>> views = reviews.views(tenant, projectId, roundId).stream()
                .collect(Collectors.groupingBy(MemberView::outcomeId));
        Map<UUID, OutcomeJudgement> judgements = reviews.judgements(tenant, projectId, roundId).stream()
                .collect(Collectors.toMap(OutcomeJudgement::outcomeId, Function.identity()));
        model.addAttribute("plan", plan);
        model.addAttribute("round", round);
        model.addAttribute("views", views);
        model.addAttribute("judgements", judgements);
        return "assessment/round";
    }

    @PostMapping("/projects/{projectId}/reviews/{roundId}/close")
    String closeRound(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        if (reviews.closeRound(tenant, projectId, roundId, version) instanceof ReviewResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("assessment.round.closed.notice", round.title()));
        } else {
            redirect.addFlashAttribute("notice", Ui.t("assessment.stale"));
        }
        return "redirect:" + round.href();
    }
}
