package org.coproduction.impact.framework;

import java.util.List;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.HomeNotice;
import org.coproduction.impact.shared.web.HomeNotices;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * Puts the framework's yearly review on the home page as it comes near (or once it is overdue):
 * for facilitators and admins as something to start, for everyone else as something to join in.
 */
@Component
class FrameworkHomeNotices implements HomeNotices {

    private final FrameworkService frameworks;

    FrameworkHomeNotices(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @Override
    public List<HomeNotice> noticesFor(Tenant tenant) {
        return frameworks.reviewReminder(tenant)
                .map(r -> {
                    boolean editor = FrameworkService.canEdit(tenant);
                    String key = r.overdue()
                            ? (editor ? "framework.home.review.overdue" : "framework.home.review.overdue.reader")
                            : (editor ? "framework.home.review.due" : "framework.home.review.due.reader");
                    return List.of(new HomeNotice(key, List.of(Ui.day(r.dueOn())), "/framework",
                            editor ? "framework.home.review.link" : "framework.home.review.link.reader", r.overdue()));
                })
                .orElse(List.of());
    }
}
