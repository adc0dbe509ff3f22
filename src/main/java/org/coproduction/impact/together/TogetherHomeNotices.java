package org.coproduction.impact.together;

import java.util.List;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.HomeNotice;
import org.coproduction.impact.shared.web.HomeNotices;
import org.springframework.stereotype.Component;

/** Asks everyone taking part for their view of the organisation's latest self-assessment, until they give it. */
@Component
class TogetherHomeNotices implements HomeNotices {

    private final SelfAssessmentService assessments;

    TogetherHomeNotices(SelfAssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<HomeNotice> noticesFor(Tenant tenant) {
        return assessments.waitingForMe(tenant)
                .map(round -> List.of(new HomeNotice("together.home.waiting", List.of(round.title()),
                        Place.ORGANISATION + "/" + round.id() + "/answer", "together.home.waiting.link", false)))
                .orElse(List.of());
    }
}
