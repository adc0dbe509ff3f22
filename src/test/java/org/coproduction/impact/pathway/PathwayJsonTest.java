package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.pathway.PathwayBuilder.aPathway;

import org.junit.jupiter.api.Test;

class PathwayJsonTest {

    private static Pathway dayCentre() {
        return aPathway()
                .withOutcome("More people use the centre", Term.LONG).leadingToImpact()
                .withOutcome("People help decide the service plan", Term.MEDIUM).leadingTo("More people use the centre")
                .withActivitiesForAll()
                .build();
    }

    @Test
    void writesAPortableDocumentThatReadsBackTheSame() {
        String json = PathwayJson.write(PathwayDocument.export(dayCentre()));

        PathwayJson.Reading reading = PathwayJson.read(json);

        assertThat(reading.ok()).isTrue();
        assertThat(PathwayJson.write(reading.document())).isEqualTo(json);
        assertThat(json).contains("\"format\" : \"coproduction-impact/pathway\"").contains("\"o1\"").doesNotContain("-4");
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertThat(PathwayJson.read("this is a word document").problems())
                .singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("pathway.import.error.not-json"));
    }

    @Test
    void refusesJsonThatIsNotAPathway() {
        assertThat(PathwayJson.read("{\"format\":\"someone-else/plan\",\"formatVersion\":1}").problems())
                .singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("pathway.import.error.not-ours"));
        assertThat(PathwayJson.read("{\"name\":\"A survey\"}").problems())
                .singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("pathway.import.error.not-json"));
        assertThat(PathwayJson.read("[1,2,3]").ok()).isFalse();
    }

    @Test
    void refusesAFutureFormatVersion() {
        assertThat(PathwayJson.read("{\"format\":\"coproduction-impact/pathway\",\"formatVersion\":2}").problems())
                .singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("pathway.import.error.version"));
    }

    @Test
    void refusesUnknownReferencesDuplicateKeysEmptyTitlesAndLoops() {
        String json = """
                {"format":"coproduction-impact/pathway","formatVersion":1,
                 "outcomes":[
                   {"key":"o1","title":"A","term":"SHORT","leadsToImpact":false,"leadsTo":["o2"]},
                   {"key":"o2","title":"B","term":"MEDIUM","leadsToImpact":false,"leadsTo":["o1"]}],
                 "activities":[],"statements":[]}
                """;
        assertThat(PathwayJson.read(json).problems()).extracting(PathwayJson.Problem::messageKey)
                .containsExactly("pathway.import.error.cycle");

        String broken = """
                {"format":"coproduction-impact/pathway","formatVersion":1,
                 "outcomes":[
                   {"key":"o1","title":" ","term":"SHORT","leadsToImpact":false,"leadsTo":["o9"]},
                   {"key":"o1","title":"B","term":"MEDIUM","leadsToImpact":true,"leadsTo":[]}],
                 "activities":[{"key":"a1","title":"Meet","kind":"MEETING","outcomes":["o7"]}],
                 "statements":[]}
                """;
        assertThat(PathwayJson.read(broken).problems()).extracting(PathwayJson.Problem::messageKey)
                .contains("pathway.import.error.empty", "pathway.import.error.key-twice", "pathway.import.error.unknown-key");
    }

    @Test
    void refusesUnknownTermsAndTooManyOutcomes() {
        assertThat(PathwayJson.read("""
                {"format":"coproduction-impact/pathway","formatVersion":1,
                 "outcomes":[{"key":"o1","title":"A","term":"FOREVER","leadsToImpact":false,"leadsTo":[]}]}
                """).ok()).isFalse();

        StringBuilder many = new StringBuilder("{\"format\":\"coproduction-impact/pathway\",\"formatVersion\":1,\"outcomes\":[");
        for (int i = 0; i <= PathwayLimits.MAX_OUTCOMES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key\":\"o").append(i).append("\",\"title\":\"T\",\"term\":\"SHORT\",\"leadsToImpact\":true,\"leadsTo\":[]}");
        }
        many.append("]}");
        assertThat(PathwayJson.read(many.toString()).problems()).extracting(PathwayJson.Problem::messageKey)
                .contains("pathway.import.error.too-many-outcomes");
    }
}
