package org.coproduction.impact.tracker.web;

import java.util.List;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;

/** The choices for tagging evidence: the project's current outcomes, and its current plan rows. */
final class Tags {

    private Tags() {}

    static List<Option> outcomeOptions(Plan plan) {
        return plan.pathway().currentOutcomes().stream().map(o -> Option.of(o.id().toString(), o.title())).toList();
    }

    static List<Option> rowOptions(Plan plan) {
        return plan.currentRows().stream()
                .map(r -> new Option(r.id().toString(), r.formOfEvidence(),
                        Ui.t("tracker.tags.row.hint", plan.outcomeTitle(r.outcomeId()), Ui.t(r.type().messageKey()))))
                .toList();
    }
}
