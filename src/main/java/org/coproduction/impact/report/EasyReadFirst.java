package org.coproduction.impact.report;

import java.util.Optional;
import org.coproduction.impact.pathway.MembersSeeFirst;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Members opening their project see the easy-read summary of its latest published report first. */
@Component
class EasyReadFirst implements MembersSeeFirst {

    private final ReportService reports;

    EasyReadFirst(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Optional<Highlight> highlight(Tenant tenant, Project project) {
        return reports.latestForMembers(tenant, project).map(r -> new Highlight(Ui.t("report.first.heading"),
                Ui.t("report.first.text", r.shown().round()), r.href() + "/easy-read",
                Ui.t("report.first.link", r.shown().title())));
    }
}
