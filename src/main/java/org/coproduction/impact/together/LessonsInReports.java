package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.report.ReportContribution;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.Snapshot;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * Lessons feed the learning report (SCIE: report to improve): each lesson learned in the review
 * round's period, with the change it led to and whether it was made, and how many reflections were
 * shared. Lessons are the organisation's words, frozen with the report when it is published;
 * reflections are people's own words, so only their number goes in (their consent is checked where
 * they are shown, and a frozen report could not take one back).
 */
@Component
class LessonsInReports implements ReportContribution {

    /** A round with no previous one looks back this far. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final LessonService lessons;
    private final ReviewService reviews;

    LessonsInReports(LessonService lessons, ReviewService reviews) {
        this.lessons = lessons;
        this.reviews = reviews;
    }

    @Override
    public List<Snapshot.Contribution> sections(Tenant tenant, UUID projectId, UUID roundId, ReportKind kind) {
        if (kind != ReportKind.LEARNING) {
            return List.of();
        }
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        LocalDate from = round.periodFrom() == null ? EARLIEST : round.periodFrom();
        Learning learning = lessons.learning(tenant, projectId, from, round.reviewOn());
        if (learning.lessons().isEmpty() && learning.reflections().isEmpty()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Lesson lesson : learning.lessons()) {
            String change = lesson.change() == null ? "" : lesson.change().strip();
            if (change.isEmpty()) {
                paragraphs.add(Ui.t("together.report.lesson", lesson.lesson()));
            } else {
                paragraphs.add(Ui.t(lesson.changeMade() ? "together.report.lesson.changed" : "together.report.lesson.to-change",
                        lesson.lesson(), change));
            }
        }
        if (!learning.reflections().isEmpty()) {
            paragraphs.add(Ui.t("together.report.reflections", learning.reflections().size()));
        }
        return List.of(new Snapshot.Contribution(Ui.t("together.report.heading"), paragraphs));
    }
}
