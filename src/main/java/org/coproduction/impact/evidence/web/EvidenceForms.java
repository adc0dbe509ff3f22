package org.coproduction.impact.evidence.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceLimits;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.ListAgreement;
import org.coproduction.impact.evidence.PracticeReview;
import org.coproduction.impact.evidence.ReviewAnswer;
import org.coproduction.impact.evidence.WayOfCollecting;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The forms of the evidence pages, as typed. Choices arrive as text and are read here, so a value
 * that is not one of ours is a message beside the field, never a failed request.
 */
public final class EvidenceForms {

    private EvidenceForms() {}

    /** A missing version (never sent by our pages) matches no version, so the save is refused as stale. */
    static int versionOrNone(@Nullable Integer version) {
        return version == null ? -1 : version;
    }

    static FormErrors required(FormErrors errors, String field, @Nullable String value, int max, String requiredKey) {
        if (value == null || value.isBlank()) {
            return errors.plus(field, Ui.t(requiredKey));
        }
        return tooLong(errors, field, value, max);
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.strip().length() > max ? errors.plus(field, Ui.t("evidence.text.too-long", max)) : errors;
    }

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A way of collecting evidence, and (when it fills a gap from a review) which review. */
    public record WayForm(@Nullable String name, @Nullable String description, @Nullable String examples, @Nullable List<String> types,
            @Nullable String review, @Nullable Integer version) {

        public WayForm {
            types = types == null ? List.of() : List.copyOf(types);
            version = versionOrNone(version);
        }

        static WayForm empty() {
            return new WayForm("", "", "", List.of(), null, 0);
        }

        /** The add form filled from a gap a review found: a short gap is the name, a long one the description. */
        static WayForm fromGap(PracticeReview review) {
            String gap = review.gap() == null ? "" : review.gap().strip();
            boolean fitsAsName = gap.length() <= EvidenceLimits.NAME;
            return new WayForm(fitsAsName ? gap : "", fitsAsName ? "" : gap, "", List.of(), review.id().toString(), 0);
        }

        static WayForm of(WayOfCollecting w) {
            return new WayForm(w.name(), w.description(), w.examples(), w.types().stream().map(Enum::name).toList(), null, w.version());
        }

        FormErrors check() {
            FormErrors e = required(FormErrors.none(), "name", name, EvidenceLimits.NAME, "evidence.way.name.required");
            if (chosenTypes().isEmpty() || chosenTypes().size() != types.size()) {
                e = e.plus("types", Ui.t("evidence.way.types.required"));
            }
            e = tooLong(e, "description", description, EvidenceLimits.TEXT);
            e = tooLong(e, "examples", examples, EvidenceLimits.TEXT);
            if (review != null && !review.isBlank() && uuid(review) == null) {
                e = e.plus("name", Ui.t("evidence.way.review.unknown"));
            }
            return e;
        }

        List<EvidenceType> chosenTypes() {
            List<EvidenceType> chosen = new ArrayList<>();
            for (String t : types) {
                EvidenceType type = choice(EvidenceType.class, t);
                if (type != null && !chosen.contains(type)) {
                    chosen.add(type);
                }
            }
            return chosen;
        }

        EvidenceService.WayDetails details() {
            return new EvidenceService.WayDetails(name == null ? "" : name, description, examples, chosenTypes());
        }

        @Nullable UUID reviewId() {
            return uuid(review);
        }

        WayForm withVersion(int v) {
            return new WayForm(name, description, examples, types, review, v);
        }
    }

    /** Who agreed the list, and the date, in three boxes. */
    public record AgreementForm(@Nullable String whoAgreed, @Nullable String agreedOnDay, @Nullable String agreedOnMonth,
            @Nullable String agreedOnYear, @Nullable Integer version) {

        public AgreementForm {
            version = versionOrNone(version);
        }

        static AgreementForm of(ListAgreement a) {
            LocalDate on = a.agreedOn();
            return new AgreementForm(a.whoAgreed(), on == null ? null : String.valueOf(on.getDayOfMonth()),
                    on == null ? null : String.valueOf(on.getMonthValue()), on == null ? null : String.valueOf(on.getYear()), a.version());
        }

        FormErrors check() {
            FormErrors e = required(FormErrors.none(), "whoAgreed", whoAgreed, EvidenceLimits.WHO_AGREED, "evidence.agreement.who.required");
            LocalDate on = agreedOn();
            if (on == null) {
                e = e.plus("agreedOn", Ui.t("evidence.agreement.date.invalid"));
            } else if (on.isAfter(LocalDate.now().plusDays(1))) {
                e = e.plus("agreedOn", Ui.t("evidence.agreement.date.future"));
            }
            return e;
        }

        @Nullable LocalDate agreedOn() {
            try {
                int year = Integer.parseInt(agreedOnYear == null ? "" : agreedOnYear.strip());
                if (year < 2000 || year > 2100) {
                    return null;
                }
                return LocalDate.of(year, Integer.parseInt(agreedOnMonth == null ? "" : agreedOnMonth.strip()),
                        Integer.parseInt(agreedOnDay == null ? "" : agreedOnDay.strip()));
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }

        AgreementForm withVersion(int v) {
            return new AgreementForm(whoAgreed, agreedOnDay, agreedOnMonth, agreedOnYear, v);
        }
    }

    /** The answers to the guidance's questions about something already collected. */
    public record ReviewForm(
            @Nullable String name,
            @Nullable String whatAndWhy,
            @Nullable String usedFor,
            @Nullable String howCollected,
            @Nullable String whoCanAccess,
            @Nullable String accessible,
            @Nullable String accessibleNotes,
            @Nullable String relevantAndEasy,
            @Nullable String relevantNotes,
            @Nullable String toImprove,
            @Nullable String toKeep,
            @Nullable String gap,
            @Nullable Integer version) {

        public ReviewForm {
            version = versionOrNone(version);
        }

        static ReviewForm empty() {
            return new ReviewForm("", "", "", "", "", null, "", null, "", "", "", "", 0);
        }

        static ReviewForm of(PracticeReview r) {
            return new ReviewForm(r.name(), r.whatAndWhy(), r.usedFor(), r.howCollected(), r.whoCanAccess(),
                    r.accessible() == null ? null : r.accessible().name(), r.accessibleNotes(),
                    r.relevantAndEasy() == null ? null : r.relevantAndEasy().name(), r.relevantNotes(), r.toImprove(), r.toKeep(), r.gap(),
                    r.version());
        }

        FormErrors check() {
            FormErrors e = required(FormErrors.none(), "name", name, EvidenceLimits.NAME, "evidence.review.name.required");
            e = tooLong(e, "whatAndWhy", whatAndWhy, EvidenceLimits.TEXT);
            e = tooLong(e, "usedFor", usedFor, EvidenceLimits.TEXT);
            e = tooLong(e, "howCollected", howCollected, EvidenceLimits.TEXT);
            e = tooLong(e, "whoCanAccess", whoCanAccess, EvidenceLimits.TEXT);
            if (accessible != null && !accessible.isBlank() && choice(ReviewAnswer.class, accessible) == null) {
                e = e.plus("accessible", Ui.t("evidence.review.answer.unknown"));
            }
            e = tooLong(e, "accessibleNotes", accessibleNotes, EvidenceLimits.TEXT);
            if (relevantAndEasy != null && !relevantAndEasy.isBlank() && choice(ReviewAnswer.class, relevantAndEasy) == null) {
                e = e.plus("relevantAndEasy", Ui.t("evidence.review.answer.unknown"));
            }
            e = tooLong(e, "relevantNotes", relevantNotes, EvidenceLimits.TEXT);
            e = tooLong(e, "toImprove", toImprove, EvidenceLimits.TEXT);
            e = tooLong(e, "toKeep", toKeep, EvidenceLimits.TEXT);
            return tooLong(e, "gap", gap, EvidenceLimits.TEXT);
        }

        EvidenceService.ReviewAnswers answers() {
            return new EvidenceService.ReviewAnswers(name == null ? "" : name, whatAndWhy, usedFor, howCollected, whoCanAccess,
                    choice(ReviewAnswer.class, accessible), accessibleNotes, choice(ReviewAnswer.class, relevantAndEasy), relevantNotes,
                    toImprove, toKeep, gap);
        }

        ReviewForm withVersion(int v) {
            return new ReviewForm(name, whatAndWhy, usedFor, howCollected, whoCanAccess, accessible, accessibleNotes, relevantAndEasy,
                    relevantNotes, toImprove, toKeep, gap, v);
        }
    }
}
