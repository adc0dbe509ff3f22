package org.coproduction.impact.plan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.plan.PlanLimits;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The plan row form as typed. Choices arrive as text and are read here, so a value that is not one
 * of ours is a plain message beside the field, never a failed request.
 */
public final class PlanForms {

    private PlanForms() {}

    static FormErrors required(FormErrors errors, String field, @Nullable String value, int max, String requiredKey) {
        if (value == null || value.isBlank()) {
            return errors.plus(field, Ui.t(requiredKey));
        }
        return tooLong(errors, field, value, max);
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.strip().length() > max ? errors.plus(field, Ui.t("plan.text.too-long", max)) : errors;
    }

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable EvidenceType parseType(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : EvidenceType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One plan row: evidence, how it is collected, and the group's measure of success. */
    public record RowForm(
            @Nullable String type,
            @Nullable String formOfEvidence,
            @Nullable List<String> ways,
            @Nullable String successLooksLike,
            @Nullable String howWeWillKnow,
            @Nullable String target,
            @Nullable String baseline,
            @Nullable String whenCollected,
            @Nullable String whoCollects,
            @Nullable String suggestion,
            @Nullable Integer version) {

        public RowForm {
            ways = ways == null ? List.of() : List.copyOf(ways);
            // A missing version (never sent by our pages) matches no version, so the save is refused as stale.
            version = version == null ? -1 : version;
        }

        static RowForm empty(@Nullable EvidenceType type) {
            return new RowForm(type == null ? null : type.name(), "", List.of(), "", "", "", "", "", "", null, 0);
        }

        static RowForm of(PlanRowDraft d) {
            return new RowForm(d.type().name(), d.formOfEvidence(), d.wayIds().stream().map(UUID::toString).toList(), d.successLooksLike(),
                    d.howWeWillKnow(), d.target(), d.baseline(), d.whenCollected(), d.whoCollects(), d.suggestionKey(), 0);
        }

        static RowForm of(PlanRow r) {
            return new RowForm(r.type().name(), r.formOfEvidence(), r.wayIds().stream().map(UUID::toString).toList(), r.successLooksLike(),
                    r.howWeWillKnow(), r.target(), r.baseline(), r.whenCollected(), r.whoCollects(), null, r.version());
        }

        FormErrors check() {
            FormErrors e = FormErrors.none();
            if (parseType(type) == null) {
                e = e.plus("type", Ui.t("plan.row.type.required"));
            }
            e = required(e, "formOfEvidence", formOfEvidence, PlanLimits.TEXT, "plan.row.form.required");
            if (ways.isEmpty()) {
                e = e.plus("ways", Ui.t("plan.row.ways.required"));
            } else if (wayIds().size() != ways.size()) {
                e = e.plus("ways", Ui.t("plan.row.ways.unknown"));
            } else if (ways.size() > PlanLimits.MAX_WAYS_PER_ROW) {
                e = e.plus("ways", Ui.t("plan.row.ways.too-many", PlanLimits.MAX_WAYS_PER_ROW));
            }
            e = required(e, "successLooksLike", successLooksLike, PlanLimits.TEXT, "plan.row.success.required");
            e = tooLong(e, "howWeWillKnow", howWeWillKnow, PlanLimits.TEXT);
            e = tooLong(e, "target", target, PlanLimits.SHORT_TEXT);
            e = tooLong(e, "baseline", baseline, PlanLimits.SHORT_TEXT);
            e = tooLong(e, "whenCollected", whenCollected, PlanLimits.WHEN_WHO);
            return tooLong(e, "whoCollects", whoCollects, PlanLimits.WHEN_WHO);
        }

        List<UUID> wayIds() {
            List<UUID> ids = new ArrayList<>();
            for (String w : ways) {
                UUID id = uuid(w);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        /** Only after {@link #check()} found nothing wrong. */
        PlanRowDraft draft() {
            EvidenceType t = parseType(type);
            if (t == null) {
                throw new IllegalStateException("checked form has a type");
            }
            return new PlanRowDraft(t, formOfEvidence == null ? "" : formOfEvidence, wayIds(), successLooksLike == null ? "" : successLooksLike,
                    howWeWillKnow, target, baseline, whenCollected, whoCollects, suggestion);
        }

        RowForm withVersion(int v) {
            return new RowForm(type, formOfEvidence, ways, successLooksLike, howWeWillKnow, target, baseline, whenCollected, whoCollects,
                    suggestion, v);
        }
    }
}
