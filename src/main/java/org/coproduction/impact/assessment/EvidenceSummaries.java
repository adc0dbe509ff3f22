package org.coproduction.impact.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.form.AnswerFigures;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.measure.Measure;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.EvidenceCoverage;
import org.coproduction.impact.plan.EvidenceCoverageService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles an outcome's evidence summary for a round from the modules that hold the evidence: the plan
 * and its evidence coverage (recorded items, tasks, reports), the forms' answers as SQL aggregates
 * ({@link AnswerFigures}) and the measures' values. Nothing is copied: it is read each time it is shown,
 * so withdrawn consent hides an item at once.
 */
@Service
public class EvidenceSummaries {

    /** Sources whose items are shown as figures (answers, data), not as items. */
    private static final Set<String> FIGURES = Set.of("form", "measure");

    /** A review with the group is learning inside the organisation: items need consent for that. */
    public static final ConsentUse USE = ConsentUse.INTERNAL_LEARNING;

    private final ReviewService reviews;
    private final EvidenceCoverageService coverage;
    private final AnswerFigures answers;
    private final MeasureService measures;

    EvidenceSummaries(ReviewService reviews, EvidenceCoverageService coverage, AnswerFigures answers, MeasureService measures) {
        this.reviews = reviews;
        this.coverage = coverage;
        this.answers = answers;
        this.measures = measures;
    }

    /** The outcome's summary in the round, for facilitators and admins. */
    @Transactional
    public OutcomeSummary summary(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId) {
        if (!ReviewService.canManage(tenant)) {
            throw new NotFoundException("review");
        }
        ReviewRound round = reviews.round(tenant, projectId, roundId);
        if (!round.looksAt(outcomeId)) {
            throw new NotFoundException("outcome");
        }
        Plan plan = reviews.plan(tenant, projectId);
        Outcome outcome = plan.pathway().outcome(outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        List<PlanRow> rows = plan.rowsFor(outcomeId);
        Set<UUID> rowIds = new HashSet<>();
        rows.forEach(r -> rowIds.add(r.id()));

        List<EvidenceItem> items = coverage.coverage(tenant, projectId).outcome(outcomeId).map(EvidenceCoverage.OutcomeCoverage::items)
                .orElse(List.of()).stream()
                .filter(i -> !FIGURES.contains(i.source()))
                .filter(i -> !i.date().isAfter(round.reviewOn()) && (round.periodFrom() == null || !i.date().isBefore(round.periodFrom())))
                .toList();
        List<AnswerFigures.Asked> asked = answers.askedFor(tenant, projectId, Set.of(outcomeId), rowIds).stream()
                .filter(a -> AnswerFigures.counted(a.question()))
                .toList();
        List<Measure> tagged = measures.measures(tenant, projectId).stream()
                .filter(m -> m.outcomeIds().contains(outcomeId) || m.planRowIds().stream().anyMatch(rowIds::contains))
                .toList();

        List<EvidenceDirections.Piece> pieces = new ArrayList<>();
        List<OutcomeSummary.RowEvidence> byRow = new ArrayList<>();
        for (PlanRow row : rows) {
            byRow.add(rowEvidence(tenant, projectId, round, row, asked.stream().filter(a -> row.id().equals(a.question().planRowId())).toList(),
                    tagged.stream().filter(m -> m.planRowIds().contains(row.id())).toList(),
                    items.stream().filter(i -> i.planRowIds().contains(row.id())).toList(), pieces));
        }
        OutcomeSummary.RowEvidence outcomeOnly = rowEvidence(tenant, projectId, round, null,
                asked.stream().filter(a -> a.question().planRowId() == null || !rowIds.contains(a.question().planRowId())).toList(),
                tagged.stream().filter(m -> m.planRowIds().stream().noneMatch(rowIds::contains)).toList(),
                items.stream().filter(i -> i.planRowIds().stream().noneMatch(rowIds::contains)).toList(), pieces);
        return new OutcomeSummary(round, outcome, byRow, outcomeOnly, EvidenceDirections.of(pieces));
    }

    private OutcomeSummary.RowEvidence rowEvidence(Tenant tenant, UUID projectId, ReviewRound round, @Nullable PlanRow row,
            List<AnswerFigures.Asked> asked, List<Measure> tagged, List<EvidenceItem> items, List<EvidenceDirections.Piece> pieces) {
        List<OutcomeSummary.QuestionEvidence> questions = new ArrayList<>();
        for (AnswerFigures.Asked a : asked) {
            OutcomeSummary.QuestionEvidence q = question(tenant, round, a);
            questions.add(q);
            EvidenceType type = row != null ? row.type() : a.question().type().isScale() ? EvidenceType.PEOPLES_RATINGS : EvidenceType.QUANTITATIVE;
            pieces.add(new EvidenceDirections.Piece(type, q.direction()));
        }
        List<MeasureFigures> figures = new ArrayList<>();
        for (Measure m : tagged) {
            MeasureFigures f = MeasureFigures.of(m, measures.points(tenant, projectId, m.id()), round.periodFrom(), round.reviewOn(),
                    row == null ? null : row.baseline(), row == null ? null : row.target());
            figures.add(f);
            if (f.latest() != null) {
                pieces.add(new EvidenceDirections.Piece(EvidenceType.QUANTITATIVE, f.direction()));
            }
        }
        List<EvidenceItem> shown = items.stream().filter(i -> i.mayBeUsedFor(USE)).toList();
        for (EvidenceItem i : shown) {
            pieces.add(new EvidenceDirections.Piece(i.type(), i.type() == EvidenceType.TASKS_COMPLETED ? Direction.TOWARDS : Direction.TO_READ));
        }
        return new OutcomeSummary.RowEvidence(row, questions, figures, shown, items.size() - shown.size());
    }

    private OutcomeSummary.QuestionEvidence question(Tenant tenant, ReviewRound round, AnswerFigures.Asked a) {
        Question q = a.question();
        if (q.type() == QuestionType.BEFORE_AFTER) {
            Movement movement = Movement.of(q.options(),
                    answers.pairs(tenant, a.formId(), q.key(), round.periodFrom(), round.reviewOn()));
            return new OutcomeSummary.QuestionEvidence(a, null, movement);
        }
        AnswerFigures.Counts counts = answers.counts(tenant, a.formId(), q.key(), round.periodFrom(), round.reviewOn());
        ScaleFigures figures = q.type() == QuestionType.YES_NO
                ? ScaleFigures.ofYesNo(Ui.t("assessment.answer.yes"), Ui.t("assessment.answer.no"), counts.byValue(), counts.responses())
                : ScaleFigures.ofPositions(q.options(), counts.byValue(), counts.responses(), q.type() == QuestionType.RATING);
        return new OutcomeSummary.QuestionEvidence(a, figures, null);
    }
}
