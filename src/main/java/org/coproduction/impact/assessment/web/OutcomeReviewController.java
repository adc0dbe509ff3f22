package org.coproduction.impact.assessment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.EvidenceSummaries;
import org.coproduction.impact.assessment.MemberView;
import org.coproduction.impact.assessment.OutcomeJudgement;
import org.coproduction.impact.assessment.OutcomeSummary;
import org.coproduction.impact.assessment.ProgressChart;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.assessment.ViewTally;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One outcome in a round: its evidence summary beside the plan, members' views, and the judgement agreed
 * with the group; and the outcome's judgements over every closed round.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class OutcomeReviewController {

    private final ReviewService reviews;
    private final EvidenceSummaries summaries;

    OutcomeReviewController(ReviewService reviews, EvidenceSummaries summaries) {
        this.reviews = reviews;
        this.summaries = summaries;
    }

    @GetMapping("/projects/{projectId}/reviews/{roundId}/outcomes/{outcomeId}")
    String showOutcome(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, @PathVariable UUID outcomeId,
            Model model) {
        OutcomeJudgement judgement = judgement(tenant, projectId, roundId, outcomeId);
        ReviewForms.JudgementForm form = judgement == null ? ReviewForms.JudgementForm.empty()
                : new ReviewForms.JudgementForm(judgement.judgement().name(), judgement.reasons(),
                        judgement.nextSteps() == null ? "" : judgement.nextSteps(), judgement.version());
        return outcomePage(tenant, projectId, roundId, outcomeId, form, FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/reviews/{roundId}/outcomes/{outcomeId}/judgement")
    String recordJudgement(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID roundId, @PathVariable UUID outcomeId,
            @ModelAttribute ReviewForms.JudgementForm form, Model model, RedirectAttributes redirect) {
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        ReviewResult result = reviews.recordJudgement(tenant, projectId, roundId, outcomeId, form.version(), form.chosen(), form.reasons(),
                form.nextSteps());
        if (result instanceof ReviewResult.Refused r) {
            return outcomePage(tenant, projectId, roundId, outcomeId, form, ReviewForms.of(r), model);
        }
        if (result instanceof ReviewResult.Stale) {
            OutcomeJudgement now = judgement(tenant, projectId, roundId, outcomeId);
            return outcomePage(tenant, projectId, roundId, outcomeId,
                    new ReviewForms.JudgementForm(form.judgement(), form.reasons(), form.nextSteps(), now == null ? -1 : now.version()),
                    FormErrors.single("judgement", Ui.t("assessment.stale")), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("assessment.judgement.saved"));
        return "redirect:" + round.href() + "/outcomes/" + outcomeId + "#agreed";
    }

    private @Nullable OutcomeJudgement judgement(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId) {
        return reviews.judgements(tenant, projectId, roundId).stream().filter(j -> j.outcomeId().equals(outcomeId)).findFirst().orElse(null);
    }

    private String outcomePage(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId, ReviewForms.JudgementForm form,
            FormErrors errors, Model model) {
        OutcomeSummary summary = summaries.summary(tenant, projectId, roundId, outcomeId);
        List<MemberView> views = reviews.views(tenant, projectId, roundId).stream().filter(v -> v.outcomeId().equals(outcomeId)).toList();
        model.addAttribute("plan", reviews.plan(tenant, projectId));
        model.addAttribute("summary", summary);
        model.addAttribute("views", views);
        model.addAttribute("voices", reviews.voices(tenant, views));
        model.addAttribute("tally", ViewTally.of(views));
        model.addAttribute("judgement", judgement(tenant, projectId, roundId, outcomeId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "assessment/outcome";
    }

    @GetMapping("/projects/{projectId}/outcomes/{outcomeId}/progress")
    String showProgress(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID outcomeId, Model model) {
        Plan plan = reviews.plan(tenant, projectId);
        Outcome outcome = plan.pathway().outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        Map<UUID, ReviewRound> rounds = reviews.closedRounds(tenant, projectId).stream()
                .collect(Collectors.toMap(ReviewRound::id, Function.identity()));
        List<OutcomeJudgement> judgements = reviews.progress(tenant, projectId, outcomeId);
        model.addAttribute("plan", plan);
        model.addAttribute("outcome", outcome);
        model.addAttribute("rounds", rounds);
        model.addAttribute("judgements", judgements);
        model.addAttribute("chart", ProgressChart.of(judgements).orElse(null));
        return "assessment/progress";
    }
}
