package org.coproduction.impact.assessment.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The review pages' forms as typed. Choices and dates arrive as text and are read here, so a value
 * that is not one of ours is a plain message beside the field, never a failed request.
 */
public final class ReviewForms {

    private ReviewForms() {}

    static FormErrors of(ReviewResult.Refused r) {
        return FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst().orElse(null);
    }

    /** A new round: its title, its day and the outcomes it looks at. */
    public record RoundForm(@Nullable String title, @Nullable String reviewOnDay, @Nullable String reviewOnMonth,
            @Nullable String reviewOnYear, @Nullable List<String> outcomes) {

        public RoundForm {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }

        static RoundForm suggested(LocalDate day, List<UUID> outcomes, String title) {
            return new RoundForm(title, String.valueOf(day.getDayOfMonth()), String.valueOf(day.getMonthValue()),
                    String.valueOf(day.getYear()), outcomes.stream().map(UUID::toString).toList());
        }

        record Checked(@Nullable LocalDate reviewOn, @Nullable Set<UUID> outcomeIds, FormErrors errors) {}

        Checked check() {
            FormErrors e = FormErrors.none();
            if (blank(title)) {
                e = e.plus("title", Ui.t("assessment.round.title.missing"));
            }
            LocalDate day = null;
            try {
                int year = Integer.parseInt(reviewOnYear == null ? "" : reviewOnYear.strip());
                if (year >= 2000 && year <= 2100) {
                    day = LocalDate.of(year, Integer.parseInt(reviewOnMonth == null ? "" : reviewOnMonth.strip()),
                            Integer.parseInt(reviewOnDay == null ? "" : reviewOnDay.strip()));
                }
            } catch (NumberFormatException | DateTimeException ex) {
                day = null;
            }
            if (day == null) {
                e = e.plus("reviewOn", Ui.t("assessment.round.date.invalid"));
            }
            Set<UUID> ids = new LinkedHashSet<>();
            for (String v : outcomes) {
                try {
                    ids.add(UUID.fromString(v.strip()));
                } catch (IllegalArgumentException ex) {
                    ids = null;
                    break;
                }
            }
            if (ids == null || ids.isEmpty()) {
                e = e.plus("outcomes", Ui.t("assessment.round.outcomes.missing"));
            }
            return new Checked(day, ids, e);
        }
    }

    /** A member's own view of one outcome. */
    public record ViewForm(@Nullable String view, @Nullable String sentence) {

        static ViewForm empty() {
            return new ViewForm(null, "");
        }

        @Nullable OwnView ownView() {
            return choice(OwnView.class, view);
        }
    }

    /** The judgement agreed with the group. */
    public record JudgementForm(@Nullable String judgement, @Nullable String reasons, @Nullable String nextSteps,
            @Nullable Integer version) {

        public JudgementForm {
            version = version == null ? -1 : version;
        }

        static JudgementForm empty() {
            return new JudgementForm(null, "", "", -1);
        }

        @Nullable Judgement chosen() {
            return choice(Judgement.class, judgement);
        }
    }
}
