package org.coproduction.impact.evidence;

import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_RATINGS;
import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_VOICES;
import static org.coproduction.impact.evidence.EvidenceType.PROGRESS_REPORTS;
import static org.coproduction.impact.evidence.EvidenceType.QUANTITATIVE;
import static org.coproduction.impact.evidence.EvidenceType.TASKS_COMPLETED;

import java.util.List;
import java.util.stream.Stream;

/**
 * The list every organisation starts from: the ways of collecting in SCIE's table of types of
 * evidence, ways of collecting and examples ("Developing a co-production impact framework",
 * SCIE 2025), in our own words in messages.properties, so the organisation can make it its own.
 */
public final class DefaultWays {

    /** A starting way: its stable key, the types of evidence it gives, and where its words are. */
    public record Seed(String key, List<EvidenceType> types) {

        public Seed {
            types = List.copyOf(types);
        }

        public String nameKey() {
            return "evidence.default." + key + ".name";
        }

        public String descriptionKey() {
            return "evidence.default." + key + ".description";
        }

        public String examplesKey() {
            return "evidence.default." + key + ".examples";
        }
    }

    public static final List<Seed> SEEDS = List.of(
            new Seed("existing-data", List.of(QUANTITATIVE)),
            new Seed("administrative-data", List.of(QUANTITATIVE)),
            new Seed("internal-records", List.of(QUANTITATIVE)),
            new Seed("audit-results", List.of(QUANTITATIVE)),
            new Seed("surveys", List.of(QUANTITATIVE, PEOPLES_VOICES, PEOPLES_RATINGS)),
            new Seed("feedback-forms", List.of(QUANTITATIVE, PEOPLES_VOICES, PEOPLES_RATINGS)),
            new Seed("group-discussion", List.of(PEOPLES_VOICES)),
            new Seed("individual-discussion", List.of(PEOPLES_VOICES)),
            new Seed("discussion-forums", List.of(PEOPLES_VOICES)),
            new Seed("informal-comments", List.of(PEOPLES_VOICES)),
            new Seed("live-feedback", List.of(PEOPLES_VOICES)),
            new Seed("task-completed", List.of(TASKS_COMPLETED)),
            new Seed("action-trackers", List.of(TASKS_COMPLETED)),
            new Seed("meeting-minutes", List.of(TASKS_COMPLETED)),
            new Seed("progress-reviews", List.of(PROGRESS_REPORTS)));

    private DefaultWays() {}

    /** Every message key the starting list uses (for the message bundle's checks). */
    public static List<String> messageKeys() {
        return SEEDS.stream().flatMap(s -> Stream.of(s.nameKey(), s.descriptionKey(), s.examplesKey())).toList();
    }
}
