package org.coproduction.impact.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.form.AnswerFigures.PairCount;
import org.coproduction.impact.measure.DataPoint;
import org.coproduction.impact.measure.Measure;
import org.coproduction.impact.measure.MeasureKind;
import org.junit.jupiter.api.Test;

/** Every statistic of the evidence summary, against values worked out by hand. */
class ReviewFiguresTest {

    private static final List<String> POOR_TO_EXCELLENT = List.of("Poor", "Fair", "Good", "Excellent");

    // Scales and choices

    @Test
    void aScaleGivesItsDistributionMedianAndPositiveShareWithThePeopleBehindThem() {
        // 12 answers: Poor 1, Fair 2, Good 5, Excellent 4. Ordered: P F F G G G G G E E E E;
        // the 6th and 7th (from 1) are both Good. Positive = Good + Excellent = 9 of 12 = 75%.
        ScaleFigures f = ScaleFigures.ofPositions(POOR_TO_EXCELLENT, Map.of("1", 1, "2", 2, "3", 5, "4", 4), 12, true);

        assertThat(f.answered()).isEqualTo(12);
        assertThat(f.median()).isEqualTo("Good");
        assertThat(f.positive().count()).isEqualTo(9);
        assertThat(f.positive().of()).isEqualTo(12);
        assertThat(f.positive().percent()).isEqualTo(75);
        assertThat(f.distribution()).extracting(ScaleFigures.Share::count).containsExactly(1, 2, 5, 4);
        // 1/12 = 8.33 -> 8; 2/12 = 16.67 -> 17; 5/12 = 41.67 -> 42; 4/12 = 33.33 -> 33
        assertThat(f.distribution()).extracting(ScaleFigures.Share::percent).containsExactly(8, 17, 42, 33);
        assertThat(f.direction()).isEqualTo(Direction.TOWARDS);
    }

    @Test
    void underFiveAnswersNoPercentageIsGivenAtAll() {
        // 3 answers: Fair, Good, Excellent.
        ScaleFigures f = ScaleFigures.ofPositions(POOR_TO_EXCELLENT, Map.of("2", 1, "3", 1, "4", 1), 3, true);

        assertThat(f.small()).isTrue();
        assertThat(f.positive().count()).isEqualTo(2);
        assertThat(f.positive().percent()).isNull();
        assertThat(f.distribution()).extracting(ScaleFigures.Share::percent).containsOnlyNulls();
        assertThat(f.median()).isEqualTo("Good");
    }

    @Test
    void fiveAnswersAreEnoughForAPercentage() {
        ScaleFigures f = ScaleFigures.ofPositions(POOR_TO_EXCELLENT, Map.of("1", 1, "4", 4), 5, true);

        assertThat(f.small()).isFalse();
        assertThat(f.positive().percent()).isEqualTo(80);
    }

    @Test
    void anEvenNumberOfAnswersSplitAcrossTheMiddleGivesBothMiddleAnswers() {
        // Fair, Fair, Good, Good: the 2nd is Fair and the 3rd Good.
        ScaleFigures f = ScaleFigures.ofPositions(POOR_TO_EXCELLENT, Map.of("2", 2, "3", 2), 4, true);

        assertThat(f.median()).isEqualTo("Fair – Good");
        // Exactly half positive points neither way.
        assertThat(f.direction()).isEqualTo(Direction.MIXED);
    }

    @Test
    void onAnOddScaleTheMiddlePointIsNotPositive() {
        // Sad, OK, Happy: only Happy (3 > 2) is positive. 2 Sad, 2 OK, 1 Happy: 1 of 5 positive.
        ScaleFigures f = ScaleFigures.ofPositions(List.of("Sad", "OK", "Happy"), Map.of("1", 2, "2", 2, "3", 1), 5, true);

        assertThat(f.positive().count()).isEqualTo(1);
        assertThat(f.positive().percent()).isEqualTo(20);
        assertThat(f.median()).isEqualTo("OK");
        assertThat(f.direction()).isEqualTo(Direction.AWAY);
    }

    @Test
    void plainChoicesHaveNoMiddleAndNoPositiveAnswer() {
        ScaleFigures f = ScaleFigures.ofPositions(List.of("Tea", "Coffee"), Map.of("1", 3, "2", 4), 7, false);

        assertThat(f.median()).isNull();
        assertThat(f.positive()).isNull();
        assertThat(f.direction()).isEqualTo(Direction.TO_READ);
        assertThat(f.distribution()).extracting(ScaleFigures.Share::percent).containsExactly(43, 57);
    }

    @Test
    void yesIsThePositiveAnswerOfAYesNoQuestion() {
        ScaleFigures f = ScaleFigures.ofYesNo("Yes", "No", Map.of("yes", 6, "no", 2), 8);

        assertThat(f.positive().count()).isEqualTo(6);
        assertThat(f.positive().percent()).isEqualTo(75);
    }

    @Test
    void noAnswersGiveNoMiddleAndNothingToPointWith() {
        ScaleFigures f = ScaleFigures.ofPositions(POOR_TO_EXCELLENT, Map.of(), 0, true);

        assertThat(f.median()).isNull();
        assertThat(f.direction()).isEqualTo(Direction.TO_READ);
    }

    // Before and after

    @Test
    void movesAreCountedOnlyForPairsFromTheSamePersonAndTheRestIsUnpaired() {
        // Paired: 1->3 (x2, up), 2->2 (x3, same), 4->2 (x1, down), 2->4 (x1, up). Unpaired: before 1 only (x2), now 4 only (x1).
        Movement m = Movement.of(POOR_TO_EXCELLENT, List.of(new PairCount("1", "3", 2), new PairCount("2", "2", 3),
                new PairCount("4", "2", 1), new PairCount("2", "4", 1), new PairCount("1", null, 2), new PairCount(null, "4", 1)));

        assertThat(m.up()).isEqualTo(3);
        assertThat(m.same()).isEqualTo(3);
        assertThat(m.down()).isEqualTo(1);
        assertThat(m.paired()).isEqualTo(7);
        assertThat(m.unpairedBefore()).isEqualTo(2);
        assertThat(m.unpairedAfter()).isEqualTo(1);
        // 3/7 = 42.86 -> 43; 1/7 = 14.29 -> 14
        assertThat(m.upShare().percent()).isEqualTo(43);
        assertThat(m.downShare().percent()).isEqualTo(14);
        // Before: Poor 2 + 2 = 4, Fair 3 + 1 = 4, Excellent 1: 9 answers. Now: Fair 1, Good 2, Fair 3 -> Fair 4, Excellent 1 + 1 = 2: 8.
        assertThat(m.before().answered()).isEqualTo(9);
        assertThat(m.before().distribution()).extracting(ScaleFigures.Share::count).containsExactly(4, 4, 0, 1);
        assertThat(m.after().answered()).isEqualTo(8);
        assertThat(m.after().distribution()).extracting(ScaleFigures.Share::count).containsExactly(0, 4, 2, 2);
        assertThat(m.direction()).isEqualTo(Direction.TOWARDS);
    }

    @Test
    void fewPairsGiveCountsNotPercentages() {
        Movement m = Movement.of(POOR_TO_EXCELLENT, List.of(new PairCount("1", "2", 1), new PairCount("3", "2", 2)));

        assertThat(m.paired()).isEqualTo(3);
        assertThat(m.upShare().percent()).isNull();
        assertThat(m.direction()).isEqualTo(Direction.AWAY);
    }

    @Test
    void answersOffTheScaleAreLeftOut() {
        Movement m = Movement.of(POOR_TO_EXCELLENT, List.of(new PairCount("9", "2", 1), new PairCount("x", null, 1)));

        assertThat(m.paired()).isZero();
        assertThat(m.unpairedAfter()).isEqualTo(1);
        assertThat(m.unpairedBefore()).isZero();
    }

    // Measures

    private static final UUID MEASURE = UUID.randomUUID();

    private static DataPoint point(String value, LocalDate on) {
        return new DataPoint(UUID.randomUUID(), MEASURE, new BigDecimal(value), on, null, null, OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0,
                ZoneOffset.UTC), null);
    }

    private static Measure measure() {
        return new Measure(MEASURE, UUID.randomUUID(), "People at the club", MeasureKind.COUNT, 0, 4, null, null, Set.of(), Set.of());
    }

    @Test
    void aMeasureIsReadInTheRoundsPeriodAgainstBaselineAndTarget() {
        // Before the period: 5 (left out). In it: 8 (1 Feb), 11 (1 Mar), 14 (1 Apr). After: 30 (left out).
        List<DataPoint> points = List.of(point("5", LocalDate.of(2026, 12, 1)), point("14", LocalDate.of(2027, 4, 1)),
                point("8", LocalDate.of(2027, 2, 1)), point("11", LocalDate.of(2027, 3, 1)), point("30", LocalDate.of(2027, 6, 1)));

        MeasureFigures f = MeasureFigures.of(measure(), points, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 30), "10 people", "20 people a week");

        assertThat(f.values()).isEqualTo(3);
        assertThat(f.first().value()).isEqualByComparingTo("8");
        assertThat(f.latest().value()).isEqualByComparingTo("14");
        assertThat(f.change()).isEqualByComparingTo("6");
        assertThat(f.baseline()).isEqualByComparingTo("10");
        assertThat(f.target()).isEqualByComparingTo("20");
        assertThat(f.sinceBaseline()).isEqualByComparingTo("4");
        assertThat(f.toTarget()).isEqualByComparingTo("6");
        assertThat(f.targetReached()).isFalse();
        assertThat(f.direction()).isEqualTo(Direction.TOWARDS);
    }

    @Test
    void aTargetBelowTheBaselineIsReachedByGoingDown() {
        // Waiting weeks: baseline 12, target 6, latest 5.
        MeasureFigures f = MeasureFigures.of(measure(), List.of(point("9", LocalDate.of(2027, 2, 1)), point("5", LocalDate.of(2027, 3, 1))),
                null, LocalDate.of(2027, 4, 30), "12 weeks", "6 weeks");

        assertThat(f.sinceBaseline()).isEqualByComparingTo("-7");
        assertThat(f.targetReached()).isTrue();
        assertThat(f.direction()).isEqualTo(Direction.TOWARDS);
    }

    @Test
    void withoutATargetAMeasureCannotSayWhichWayIsBetter() {
        MeasureFigures f = MeasureFigures.of(measure(), List.of(point("9", LocalDate.of(2027, 2, 1)), point("5", LocalDate.of(2027, 3, 1))),
                null, LocalDate.of(2027, 4, 30), null, "more than before");

        assertThat(f.target()).isNull();
        assertThat(f.change()).isEqualByComparingTo("-4");
        assertThat(f.direction()).isEqualTo(Direction.TO_READ);
    }

    @Test
    void aPeriodWithNoValuesHasNoFigures() {
        MeasureFigures f = MeasureFigures.of(measure(), List.of(point("9", LocalDate.of(2026, 2, 1))), LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 4, 30), "1", "2");

        assertThat(f.latest()).isNull();
        assertThat(f.change()).isNull();
        assertThat(f.toTarget()).isNull();
        assertThat(f.direction()).isEqualTo(Direction.TO_READ);
    }

    @Test
    void theFirstNumberWrittenIsRead() {
        assertThat(MeasureFigures.number("About 1,200 visits")).isEqualByComparingTo("1200");
        assertThat(MeasureFigures.number("62.5%")).isEqualByComparingTo("62.5");
        assertThat(MeasureFigures.number("more people")).isNull();
    }

    // Members' views and judgements

    private static MemberView view(OwnView v) {
        OffsetDateTime now = OffsetDateTime.now();
        return new MemberView(UUID.randomUUID(), UUID.randomUUID(), "A member", v, null, now, now, null);
    }

    @Test
    void aJudgementDiffersWhenMoreThanHalfTheMembersSaidSomethingElse() {
        // 3 of 5 said "yes": most said yes.
        ViewTally tally = ViewTally.of(List.of(view(OwnView.YES), view(OwnView.YES), view(OwnView.YES), view(OwnView.A_BIT),
                view(OwnView.NOT_YET)));

        assertThat(tally.total()).isEqualTo(5);
        assertThat(tally.most()).contains(OwnView.YES);
        assertThat(tally.differsFrom(Judgement.ACHIEVED)).isFalse();
        assertThat(tally.differsFrom(Judgement.PARTLY)).isTrue();
        assertThat(tally.differsFrom(Judgement.NOT_ACHIEVED)).isTrue();
    }

    @Test
    void splitViewsHaveNoMostAndNothingToDifferFrom() {
        // 2 yes, 2 a bit: no view is held by more than half.
        ViewTally tally = ViewTally.of(List.of(view(OwnView.YES), view(OwnView.YES), view(OwnView.A_BIT), view(OwnView.A_BIT)));

        assertThat(tally.most()).isEmpty();
        assertThat(tally.differsFrom(Judgement.NOT_YET)).isFalse();
        assertThat(ViewTally.of(List.of()).most()).isEmpty();
    }

    @Test
    void notYetAndNotAchievedBothMatchMembersWhoSaidNotYet() {
        ViewTally tally = ViewTally.of(List.of(view(OwnView.NOT_YET), view(OwnView.NOT_YET), view(OwnView.YES)));

        assertThat(tally.differsFrom(Judgement.NOT_YET)).isFalse();
        assertThat(tally.differsFrom(Judgement.NOT_ACHIEVED)).isFalse();
        assertThat(tally.differsFrom(Judgement.ACHIEVED)).isTrue();
    }

    // Triangulation

    @Test
    void triangulationSaysHowManyTypesPointTheSameWay() {
        EvidenceDirections d = EvidenceDirections.of(List.of(
                new EvidenceDirections.Piece(EvidenceType.PEOPLES_RATINGS, Direction.TOWARDS),
                new EvidenceDirections.Piece(EvidenceType.PEOPLES_RATINGS, Direction.MIXED),
                new EvidenceDirections.Piece(EvidenceType.TASKS_COMPLETED, Direction.TOWARDS),
                new EvidenceDirections.Piece(EvidenceType.QUANTITATIVE, Direction.TOWARDS),
                new EvidenceDirections.Piece(EvidenceType.QUANTITATIVE, Direction.AWAY),
                new EvidenceDirections.Piece(EvidenceType.PEOPLES_VOICES, Direction.TO_READ)));

        assertThat(d.types()).isEqualTo(4);
        assertThat(d.pointing(Direction.TOWARDS)).containsExactly(EvidenceType.PEOPLES_RATINGS, EvidenceType.TASKS_COMPLETED);
        assertThat(d.pointing(Direction.MIXED)).containsExactly(EvidenceType.QUANTITATIVE);
        assertThat(d.pointing(Direction.TO_READ)).containsExactly(EvidenceType.PEOPLES_VOICES);
        assertThat(d.pointing(Direction.AWAY)).isEmpty();
    }

    // Progress

    @Test
    void progressColumnsRiseWithTheJudgement() {
        OffsetDateTime at = OffsetDateTime.now();
        List<OutcomeJudgement> js = List.of(
                new OutcomeJudgement(UUID.randomUUID(), MEASURE, Judgement.NOT_ACHIEVED, "r", null, 0, at, null),
                new OutcomeJudgement(UUID.randomUUID(), MEASURE, Judgement.NOT_YET, "r", null, 0, at, null),
                new OutcomeJudgement(UUID.randomUUID(), MEASURE, Judgement.PARTLY, "r", null, 0, at, null),
                new OutcomeJudgement(UUID.randomUUID(), MEASURE, Judgement.ACHIEVED, "r", null, 0, at, null));

        ProgressChart chart = ProgressChart.of(js).orElseThrow();

        assertThat(chart.columns()).extracting(ProgressChart.Column::height).containsExactly(10, 40, 70, 100);
        // Four slots of 25: the first column starts at 3.75 and each is 17.5 wide.
        assertThat(chart.x(0)).isEqualTo("3.75");
        assertThat(chart.width()).isEqualTo("17.50");
        assertThat(ProgressChart.of(List.of())).isEmpty();
    }
}
