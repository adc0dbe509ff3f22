package org.coproduction.impact.report.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.ReviewReport;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** The report pages' forms as typed; choices arrive as text and are read here. */
public final class ReportForms {

    private ReportForms() {}

    static FormErrors of(ReportResult.Refused r) {
        return FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
    }

    static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst().orElse(null);
    }

    static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A new report: the closed round it starts from, its kind and title. */
    public record NewForm(@Nullable String roundId, @Nullable String kind, @Nullable String title) {

        String titleOrEmpty() {
            return title == null ? "" : title;
        }
    }

    /** A draft's words as typed, and its Welsh title and words (each optional). */
    public record EditForm(@Nullable Integer version, @Nullable String title, @Nullable String audience, @Nullable String projectImpact,
            @Nullable String coproductionImpact, @Nullable String whatWorked, @Nullable String whatDidNot, @Nullable String nextSteps,
            @Nullable String easyLearned, @Nullable String easyNext, @Nullable List<String> stories, @Nullable String titleCy,
            @Nullable String projectImpactCy, @Nullable String coproductionImpactCy, @Nullable String whatWorkedCy, @Nullable String whatDidNotCy,
            @Nullable String nextStepsCy, @Nullable String easyLearnedCy, @Nullable String easyNextCy) {

        public EditForm {
            stories = stories == null ? List.of() : List.copyOf(stories);
        }

        int versionSeen() {
            return version == null ? -1 : version;
        }

        static EditForm of(ReviewReport r) {
            ReportWords w = r.words();
            ReportWords cy = r.wordsCy();
            return new EditForm(r.version(), r.title(), r.audience().name(), w.projectImpact(), w.coproductionImpact(), w.whatWorked(),
                    w.whatDidNot(), w.nextSteps(), w.easyLearned(), w.easyNext(), r.stories(), r.titleCy(), cy.projectImpact(),
                    cy.coproductionImpact(), cy.whatWorked(), cy.whatDidNot(), cy.nextSteps(), cy.easyLearned(), cy.easyNext());
        }

        ReportWords words() {
            return new ReportWords(projectImpact, coproductionImpact, whatWorked, whatDidNot, nextSteps, easyLearned, easyNext);
        }

        ReportWords wordsCy() {
            return new ReportWords(projectImpactCy, coproductionImpactCy, whatWorkedCy, whatDidNotCy, nextStepsCy, easyLearnedCy, easyNextCy);
        }

        EditForm withVersion(int v) {
            return new EditForm(v, title, audience, projectImpact, coproductionImpact, whatWorked, whatDidNot, nextSteps, easyLearned, easyNext,
                    stories, titleCy, projectImpactCy, coproductionImpactCy, whatWorkedCy, whatDidNotCy, nextStepsCy, easyLearnedCy, easyNextCy);
        }
    }
}
