package org.coproduction.impact.pathway.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.PathwayLimits;
import org.coproduction.impact.pathway.StatementKind;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** The small forms of the pathway pages, each with its own checks in plain words. */
public final class PathwayForms {

    private PathwayForms() {}

    /**
     * Forms carry the pathway version they were made from. Absent (never from our pages), it is -1,
     * which matches no version, so the edit is refused as stale instead of failing to bind.
     */
    static Integer versionOrNone(@Nullable Integer version) {
        return version == null ? -1 : version;
    }

    static FormErrors requireText(FormErrors errors, String field, @Nullable String value, int max, String requiredKey) {
        if (value == null || value.isBlank()) {
            return errors.plus(field, Ui.t(requiredKey));
        }
        return tooLong(errors, field, value, max);
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.length() > max ? errors.plus(field, Ui.t("pathway.text.too-long", max)) : errors;
    }

    /** The problem and both parts of the impact. */
    public record ImpactForm(@Nullable String problem, @Nullable String projectImpact, @Nullable String coproductionImpact, @Nullable Integer version) {
        public ImpactForm {
            version = versionOrNone(version);
        }

        FormErrors check() {
            FormErrors e = tooLong(FormErrors.none(), "problem", problem, PathwayLimits.LONG_TEXT);
            e = tooLong(e, "projectImpact", projectImpact, PathwayLimits.LONG_TEXT);
            return tooLong(e, "coproductionImpact", coproductionImpact, PathwayLimits.LONG_TEXT);
        }
    }

    /** An outcome: its words, when it is expected, and what it leads to. */
    public record OutcomeForm(
            @Nullable String title,
            @Nullable Term term,
            @Nullable Boolean leadsToImpact,
            @Nullable List<UUID> leadsTo,
            @Nullable String howWeWillKnow,
            @Nullable UUID later,
            @Nullable Integer version) {

        public OutcomeForm {
            leadsToImpact = Boolean.TRUE.equals(leadsToImpact);
            leadsTo = leadsTo == null ? List.of() : List.copyOf(leadsTo);
            version = versionOrNone(version);
        }

        FormErrors check() {
            FormErrors e = requireText(FormErrors.none(), "title", title, PathwayLimits.TITLE, "pathway.outcome.title.required");
            if (term == null) {
                e = e.plus("term", Ui.t("pathway.outcome.term.required"));
            }
            return tooLong(e, "howWeWillKnow", howWeWillKnow, PathwayLimits.HOW_WE_WILL_KNOW);
        }
    }

    /** An activity and the outcomes it leads to. */
    public record ActivityForm(@Nullable String title, @Nullable ActivityKind kind, @Nullable String whoIsInvolved,
            @Nullable List<UUID> outcomes, @Nullable Integer version) {

        public ActivityForm {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            version = versionOrNone(version);
        }

        FormErrors check() {
            FormErrors e = requireText(FormErrors.none(), "title", title, PathwayLimits.TITLE, "pathway.activity.title.required");
            if (kind == null) {
                e = e.plus("kind", Ui.t("pathway.activity.kind.required"));
            }
            return tooLong(e, "whoIsInvolved", whoIsInvolved, PathwayLimits.WHO);
        }
    }

    /** An 'I' or 'We' statement and the outcome it speaks to. */
    public record StatementForm(@Nullable StatementKind kind, @Nullable String text, @Nullable UUID outcome, @Nullable Integer version) {
        public StatementForm {
            version = versionOrNone(version);
        }

        FormErrors check() {
            FormErrors e = FormErrors.none();
            if (kind == null) {
                e = e.plus("kind", Ui.t("pathway.statement.kind.required"));
            }
            return requireText(e, "text", text, PathwayLimits.STATEMENT, "pathway.statement.text.required");
        }
    }
}
