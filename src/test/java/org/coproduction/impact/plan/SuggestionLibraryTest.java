package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.coproduction.impact.evidence.DefaultWays;
import org.coproduction.impact.evidence.EvidenceType;
import org.junit.jupiter.api.Test;

class SuggestionLibraryTest {

    @Test
    void theClosestSuggestionsForStaffTrainingAreScieSStaffExamples() {
        List<SuggestionLibrary.Ranked> ranked = SuggestionLibrary.rank("Staff understand co-production and feel confident to do it");

        assertThat(ranked.subList(0, 2)).extracting(r -> r.suggestion().key()).containsExactlyInAnyOrder("staff-ratings", "staff-views");
        assertThat(ranked.get(0).suggestion().type()).isIn(EvidenceType.PEOPLES_RATINGS, EvidenceType.PEOPLES_VOICES);
    }

    @Test
    void aSteeringGroupOutcomeGetsTheSteeringGroupTaskFirst() {
        List<SuggestionLibrary.Ranked> ranked =
                SuggestionLibrary.rank("A co-production steering group is formed and agrees its terms of reference");

        assertThat(ranked.get(0).suggestion().key()).isEqualTo("steering-group-formed");
        assertThat(ranked.get(0).suggestion().type()).isEqualTo(EvidenceType.TASKS_COMPLETED);
    }

    @Test
    void aDiversityOutcomeGetsBothOfScieSDiversityExamples() {
        List<SuggestionLibrary.Ranked> ranked = SuggestionLibrary.rank("Our groups are more diverse and represent the whole community");

        assertThat(ranked.subList(0, 2)).extracting(r -> r.suggestion().key())
                .containsExactlyInAnyOrder("diversity-views", "diversity-numbers");
    }

    @Test
    void commonWordsLikeGroupDoNotMakeASuggestionClose() {
        List<SuggestionLibrary.Ranked> ranked = SuggestionLibrary.rank("Group members feel confident to speak up in meetings");

        assertThat(ranked.get(0).suggestion().key()).isEqualTo("people-confidence");
        assertThat(ranked).filteredOn(r -> r.suggestion().key().startsWith("steering-group"))
                .allSatisfy(r -> assertThat(r.score()).isZero());
    }

    @Test
    void everySuggestionIsOfferedEvenWhenNoneMatches() {
        List<SuggestionLibrary.Ranked> ranked = SuggestionLibrary.rank("Zzz");

        assertThat(ranked).hasSize(SuggestionLibrary.ALL.size()).allSatisfy(r -> assertThat(r.score()).isZero());
        assertThat(ranked).extracting(SuggestionLibrary.Ranked::suggestion).containsExactlyElementsOf(SuggestionLibrary.ALL);
    }

    @Test
    void theLibraryCoversEveryThemeAndEveryTypeOfEvidence() {
        assertThat(SuggestionLibrary.ALL).extracting(Suggestion::theme).containsAll(List.of(Suggestion.Theme.values()));
        assertThat(SuggestionLibrary.ALL).extracting(Suggestion::type).containsAll(List.of(EvidenceType.values()));
    }

    @Test
    void suggestionsNameOnlyWaysFromTheStartingListAndHaveUniqueKeys() {
        Set<String> starting = new HashSet<>();
        DefaultWays.SEEDS.forEach(s -> starting.add(s.key()));
        Set<String> keys = new HashSet<>();

        for (Suggestion s : SuggestionLibrary.ALL) {
            assertThat(starting).as(s.key()).containsAll(s.ways());
            assertThat(s.ways()).as(s.key()).isNotEmpty();
            assertThat(keys.add(s.key())).as("key used twice: " + s.key()).isTrue();
        }
    }
}
