package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a form's counted responses say, question by question (read across versions by key).
 * Responses marked as a test or duplicate are left out.
 *
 * @param counted the responses read
 * @param excluded the responses left out
 * @param pairings for forms with named answers: each member's earliest and latest answer to a question
 */
public record Analysis(Form form, int counted, int excluded, List<QuestionResult> questions, List<Pairing> pairings) {

    public Analysis {
        questions = List.copyOf(questions);
        pairings = List.copyOf(pairings);
    }

    /**
     * One question's answers.
     *
     * @param answered how many counted responses answered it
     * @param tallies counts per choice: one for a choice, scale or yes/no question, two for a
     *     before-and-after pair (before, then now), one per part of the "about you" block
     * @param movement for a before-and-after pair: within each response, how the answer moved
     */
    public record QuestionResult(MappedQuestion mapped, int answered, List<Tally> tallies, @Nullable NumberSummary numbers,
            List<TextAnswer> texts, @Nullable Movement movement) {

        public QuestionResult {
            tallies = List.copyOf(tallies);
            texts = List.copyOf(texts);
        }

        public Question question() {
            return mapped.question();
        }
    }

    /** Counts per choice for one answer field; {@code answered} is how many chose anything. */
    public record Tally(String field, String caption, int answered, List<Count> counts) {

        public Tally {
            counts = List.copyOf(counts);
        }
    }

    /** How many chose one answer, and that as a whole percentage of those who answered. */
    public record Count(String label, int count, int percent) {}

    public record NumberSummary(int count, String smallest, String largest, String mean, String median) {}

    /**
     * One answer to a free-text or date question. {@code language} is the language of words the
     * person typed: the one they chose for the form ({@code en} or {@code cy}), the best we know, so a
     * screen reader reads a Welsh answer as Welsh on an English page; null for a date, which is shown
     * in the page's language.
     */
    public record TextAnswer(String text, UUID responseId, OffsetDateTime submittedAt, @Nullable String language) {}

    /** Within each response with both answers: how many moved up the scale between before and now, stayed, or moved down. */
    public record Movement(int up, int same, int down) {

        public int total() {
            return up + same + down;
        }

        /** One of the three as a whole percentage of those with both answers, rounded as the tallies are. */
        public int percent(int n) {
            return total() == 0 ? 0 : (int) Math.round(100.0 * n / total());
        }
    }

    public enum Change {
        UP,
        SAME,
        DOWN;

        public String messageKey() {
            return "form.analysis.change." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One member's earliest and latest answer to the same question, across their responses. */
    public record Pairing(String memberName, String question, String earliest, OffsetDateTime earliestAt, String latest,
            OffsetDateTime latestAt, Change change) {}
}
