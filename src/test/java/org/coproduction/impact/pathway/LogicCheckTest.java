package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.pathway.PathwayBuilder.aPathway;
import static org.coproduction.impact.pathway.PathwayBuilder.id;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogicCheckTest {

    private static final String BASE = "/projects/p/pathway";

    private static List<Finding> check(Pathway p) {
        Set<UUID> checkable = p.currentOutcomes().stream()
                .filter(o -> o.howWeWillKnow() != null)
                .map(Outcome::id)
                .collect(Collectors.toSet());
        return LogicCheck.check(p, checkable, BASE);
    }

    private static List<String> rules(Pathway p) {
        return check(p).stream().map(Finding::rule).toList();
    }

    private static Pathway dayCentre() {
        return aPathway()
                .withOutcome("More people use the centre", Term.LONG).leadingToImpact()
                .withOutcome("People help decide the service plan", Term.MEDIUM).leadingTo("More people use the centre")
                .withOutcome("A steering group is formed", Term.SHORT).leadingTo("People help decide the service plan")
                .withActivitiesForAll()
                .build();
    }

    @Test
    void aCompletePathwayHasNoFindings() {
        assertThat(check(dayCentre())).isEmpty();
    }

    @Test
    void findsAMissingProblem() {
        Pathway p = aPathway().withoutProblem().withOutcome("X", Term.LONG).leadingToImpact().withActivitiesForAll().build();
        assertThat(check(p)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("problem-missing");
            assertThat(f.fixHref()).isEqualTo(BASE + "/build/problem");
        });
    }

    @Test
    void findsBothMissingPartsOfTheImpact() {
        Pathway p = aPathway().withoutImpact().withOutcome("X", Term.LONG).leadingToImpact().withActivitiesForAll().build();
        assertThat(rules(p)).containsExactly("project-impact-missing", "coproduction-impact-missing");
    }

    @Test
    void findsAnImpactWithNoOutcomes() {
        assertThat(rules(aPathway().build())).containsExactly("impact-without-outcomes");
    }

    @Test
    void findsAnOutcomeThatLeadsNowhere() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withOutcome("Orphan", Term.SHORT)
                .withActivitiesForAll()
                .build();
        assertThat(check(p)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("outcome-leads-nowhere");
            assertThat(f.args()).containsExactly("Orphan");
            assertThat(f.fixHref()).isEqualTo(BASE + "/outcomes/" + id("Orphan") + "/edit");
        });
    }

    @Test
    void anOutcomeLeadingOnlyToAnArchivedOneLeadsNowhere() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withOutcome("Gone", Term.MEDIUM).leadingTo("Long").archived()
                .withOutcome("Short", Term.SHORT).leadingTo("Gone")
                .withActivitiesForAll()
                .build();
        assertThat(rules(p)).containsExactly("outcome-leads-nowhere");
    }

    @Test
    void findsALongTermOutcomeThatDoesNotReachTheImpact() {
        Pathway p = aPathway()
                .withOutcome("Reaches", Term.LONG).leadingToImpact()
                .withOutcome("Side track", Term.LONG).leadingTo("Dead end")
                .withOutcome("Dead end", Term.LONG)
                .withActivitiesForAll()
                .build();
        assertThat(rules(p)).containsExactlyInAnyOrder("outcome-leads-nowhere", "long-term-misses-impact");
        assertThat(check(p).stream().filter(f -> f.rule().equals("long-term-misses-impact")).findFirst().orElseThrow().args())
                .containsExactly("Side track");
    }

    @Test
    void findsAnOutcomeWithNoActivities() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withActivity("Meeting", "Long")
                .withOutcome("Short", Term.SHORT).leadingTo("Long")
                .build();
        assertThat(check(p)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("outcome-without-activities");
            assertThat(f.fixHref()).isEqualTo(BASE + "/build/activities#outcome-" + id("Short"));
        });
    }

    @Test
    void anOutcomeReachedThroughEarlierOutcomesHasActivities() {
        // Backwards mapping: long <- medium <- short <- one activity.
        Pathway p = aPathway()
                .withOutcome("Carers feel less alone", Term.LONG).leadingToImpact()
                .withOutcome("Carers meet each other regularly", Term.MEDIUM).leadingTo("Carers feel less alone")
                .withOutcome("Carers know about the café", Term.SHORT).leadingTo("Carers meet each other regularly")
                .withActivity("Leaflets at the GP surgery", "Carers know about the café")
                .build();
        assertThat(check(p)).isEmpty();
    }

    @Test
    void onlyOutcomesNoActivityReachesAreFindings() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withOutcome("Medium", Term.MEDIUM).leadingTo("Long")
                .withOutcome("Short", Term.SHORT).leadingTo("Medium")
                .withOutcome("Side", Term.SHORT).leadingTo("Long")
                .withOutcome("Gone", Term.SHORT).leadingTo("Other").archived()
                .withOutcome("Other", Term.MEDIUM).leadingTo("Long")
                .withActivity("Meeting", "Medium")
                .withActivity("Through the archived one", "Gone")
                .build();
        assertThat(check(p)).extracting(Finding::rule, f -> f.args().getFirst()).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("outcome-without-activities", "Short"),
                org.assertj.core.api.Assertions.tuple("outcome-without-activities", "Side"),
                org.assertj.core.api.Assertions.tuple("outcome-without-activities", "Other"),
                org.assertj.core.api.Assertions.tuple("activity-without-outcome", "Through the archived one"));
    }

    @Test
    void findsAnActivityLinkedToNoOutcome() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withActivitiesForAll()
                .withActivity("Coffee morning")
                .build();
        assertThat(check(p)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("activity-without-outcome");
            assertThat(f.args()).containsExactly("Coffee morning");
        });
    }

    @Test
    void findsACycleOnceWithItsOutcomesInOrder() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withOutcome("A", Term.MEDIUM).leadingTo("B").leadingTo("Long")
                .withOutcome("B", Term.MEDIUM).leadingTo("C")
                .withOutcome("C", Term.MEDIUM).leadingTo("A")
                .withActivitiesForAll()
                .build();
        List<Finding> cycles = check(p).stream().filter(f -> f.rule().equals("cycle")).toList();
        assertThat(cycles).singleElement().satisfies(f -> assertThat(f.args().get(0)).isEqualTo("A → B → C → A"));
    }

    @Test
    void findsALaterOutcomeLeadingToAnEarlierOne() {
        Pathway p = aPathway()
                .withOutcome("Short", Term.SHORT).leadingToImpact()
                .withOutcome("Long", Term.LONG).leadingTo("Short")
                .withActivitiesForAll()
                .build();
        assertThat(rules(p)).contains("outcome-out-of-sequence");
    }

    @Test
    void findsAnOutcomeWithNoWayToCheckIt() {
        Pathway p = aPathway().withOutcome("Long", Term.LONG).leadingToImpact().uncheckable().withActivitiesForAll().build();
        assertThat(rules(p)).containsExactly("outcome-unchecked");
    }

    @Test
    void anOutcomeCountsAsCheckableWhenAnotherSourceSaysSo() {
        Pathway p = aPathway().withOutcome("Long", Term.LONG).leadingToImpact().uncheckable().withActivitiesForAll().build();
        assertThat(LogicCheck.check(p, Set.of(id("Long")), BASE)).isEmpty();
    }

    @Test
    void archivedItemsAreNotChecked() {
        Pathway p = aPathway()
                .withOutcome("Long", Term.LONG).leadingToImpact()
                .withActivitiesForAll()
                .withOutcome("Removed", Term.SHORT).uncheckable().archived()
                .build();
        assertThat(check(p)).isEmpty();
    }

    @Test
    void refusesALinkThatWouldCloseALoop() {
        Pathway p = dayCentre();
        assertThat(LogicCheck.wouldCreateCycle(p, id("More people use the centre"), id("A steering group is formed"))).isTrue();
        assertThat(LogicCheck.wouldCreateCycle(p, id("A steering group is formed"), id("More people use the centre"))).isFalse();
        assertThat(LogicCheck.wouldCreateCycle(p, id("A steering group is formed"), id("A steering group is formed"))).isTrue();
    }
}
