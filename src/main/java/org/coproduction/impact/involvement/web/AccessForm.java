package org.coproduction.impact.involvement.web;

import java.util.EnumSet;
import java.util.Set;
import org.coproduction.impact.involvement.AccessNeed;
import org.coproduction.impact.involvement.AccessNeeds;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;

/** The access needs page's fields as typed, shown again with any problems. */
public record AccessForm(Set<String> needs, String times, String anythingElse) {

    public static AccessForm of(AccessNeeds n) {
        Set<String> chosen = new java.util.LinkedHashSet<>();
        n.needs().forEach(need -> chosen.add(need.slug()));
        return new AccessForm(chosen, n.timesCannotMake() == null ? "" : n.timesCannotMake(),
                n.anythingElse() == null ? "" : n.anythingElse());
    }

    FormErrors errors() {
        FormErrors errors = FormErrors.none();
        if (times.strip().length() > AccessNeeds.TIMES) {
            errors = errors.plus("times", Ui.t("access.error.times", AccessNeeds.TIMES));
        }
        if (anythingElse.strip().length() > AccessNeeds.ELSE) {
            errors = errors.plus("anythingElse", Ui.t("access.error.else", AccessNeeds.ELSE));
        }
        return errors;
    }

    AccessNeeds.Draft draft() {
        Set<AccessNeed> chosen = EnumSet.noneOf(AccessNeed.class);
        for (AccessNeed need : AccessNeed.values()) {
            if (needs.contains(need.slug())) {
                chosen.add(need);
            }
        }
        return new AccessNeeds.Draft(chosen, times, anythingElse);
    }
}
