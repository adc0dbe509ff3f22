package org.coproduction.impact.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo day centre's outcome reviews: a closed spring review (the steering group formed: achieved,
 * as the member said; the activities: not yet) and an open review of every current outcome, where the
 * demo member has given one view and the others are waiting. Only rounds, views and judgements are
 * made here: the figures are read from the other demos' evidence when a summary is shown.
 */
@Component
class AssessmentDemoData {

    private final ProjectService projects;
    private final ReviewService reviews;

    AssessmentDemoData(ProjectService projects, ReviewService reviews) {
        this.projects = projects;
        this.reviews = reviews;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void addReviews(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        UUID member = demo.people().get(Role.MEMBER);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            if (reviews.rounds(tenant, project.id()).isEmpty() && member != null && project.involves(member)) {
                fill(tenant, new Tenant(new UserId(member), demo.organisation(), demo.name(), Role.MEMBER), reviews.plan(tenant, project.id()));
            }
        }
    }

    private void fill(Tenant facilitator, Tenant member, Plan plan) {
        UUID projectId = plan.project().id();
        Optional<Outcome> steering = outcome(plan, "A co-production steering group is formed");
        Optional<Outcome> activities = outcome(plan, "The centre’s activities and staffing reflect what people asked for");
        if (steering.isEmpty() || activities.isEmpty()) {
            return;
        }
        UUID spring = saved(reviews.createRound(facilitator, projectId, "Review, April 2026", LocalDate.of(2026, 4, 30),
                List.of(steering.get().id(), activities.get().id())));
        if (spring == null) {
            return;
        }
        reviews.giveView(member, projectId, spring, steering.get().id(), OwnView.YES, "We meet every month and I chair it sometimes.");
        reviews.giveView(member, projectId, spring, activities.get().id(), OwnView.A_BIT, null);
        reviews.recordJudgement(facilitator, projectId, spring, steering.get().id(), -1, Judgement.ACHIEVED,
                "The group was recruited and its terms of reference agreed, both before the dates we set, and members say it is theirs.",
                "Keep meeting monthly; ask the group who else should join.");
        reviews.recordJudgement(facilitator, projectId, spring, activities.get().id(), -1, Judgement.NOT_YET,
                "The group has only gone through half of its wish list, so the timetable has not changed yet.",
                "Finish the wish list with the group and bring a new timetable to the next review.");
        reviews.closeRound(facilitator, projectId, spring, reviews.round(facilitator, projectId, spring).version());

        List<UUID> all = plan.pathway().currentOutcomes().stream().map(Outcome::id).toList();
        UUID winter = saved(reviews.createRound(facilitator, projectId, "Review, December 2026", LocalDate.of(2026, 12, 15), all));
        if (winter != null) {
            reviews.giveView(member, projectId, winter, steering.get().id(), OwnView.YES, null);
        }
    }

    private static @Nullable UUID saved(ReviewResult result) {
        return result instanceof ReviewResult.Saved s ? s.id() : null;
    }

    private static Optional<Outcome> outcome(Plan plan, String titleStart) {
        return plan.pathway().currentOutcomes().stream().filter(o -> o.title().startsWith(titleStart)).findFirst();
    }
}
