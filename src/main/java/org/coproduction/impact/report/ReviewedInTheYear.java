package org.coproduction.impact.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.assessment.OutcomeJudgement;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.framework.YearOfReviews;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The framework's yearly review lists the projects reviewed in its year with their judgements, read
 * through the public assessment service. It lives here, beside the other ways reviews are told, so
 * the framework depends on no later module.
 */
@Component
class ReviewedInTheYear implements YearOfReviews {

    private final ReviewService reviews;
    private final ProjectService projects;

    ReviewedInTheYear(ReviewService reviews, ProjectService projects) {
        this.reviews = reviews;
        this.projects = projects;
    }

    @Override
    @Transactional
    public List<ReviewedProject> reviewedBetween(Tenant tenant, LocalDate from, LocalDate to) {
        if (!ReviewService.canManage(tenant)) {
            return List.of();
        }
        Map<UUID, Project> byId = projects.projects(tenant).stream().collect(Collectors.toMap(Project::id, Function.identity()));
        List<ReviewedProject> out = new ArrayList<>();
        for (ReviewRound round : reviews.closedRoundsBetween(tenant, from, to)) {
            Project project = byId.get(round.projectId());
            if (project == null) {
                continue;
            }
            Plan plan = reviews.plan(tenant, project.id());
            Map<UUID, OutcomeJudgement> judged = reviews.judgements(tenant, project.id(), round.id()).stream()
                    .collect(Collectors.toMap(OutcomeJudgement::outcomeId, Function.identity()));
            List<Judged> lines = round.outcomeIds().stream()
                    .map(o -> new Judged(plan.outcomeTitle(o), judged.containsKey(o) ? Ui.t(judged.get(o).judgement().messageKey())
                            : Ui.t("report.judgement.none")))
                    .toList();
            out.add(new ReviewedProject(project.name(), round.title(), round.reviewOn(), lines));
        }
        return out;
    }
}
