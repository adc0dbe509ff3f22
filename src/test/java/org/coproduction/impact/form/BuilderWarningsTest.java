package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BuilderWarningsTest {

    private static Question q(QuestionType type, String text, @Nullable String easyRead, List<String> options) {
        return new Question("k", type, text, null, easyRead, "star", false, options, ScaleStyle.WORDS,
                type == QuestionType.BEFORE_AFTER ? "And now?" : null, type == QuestionType.BEFORE_AFTER ? "Now?" : null, null, null);
    }

    private static List<String> keys(Question q) {
        return BuilderWarnings.of(q).stream().map(BuilderWarnings.Warning::messageKey).toList();
    }

    @Test
    void aShortPlainQuestionWithEasyReadHasNothingToLookAt() {
        assertThat(BuilderWarnings.of(q(QuestionType.LONG_TEXT, "What would you change?", "What would you change?", List.of()))).isEmpty();
    }

    @Test
    void aQuestionOfMoreThanTwentyWordsOrAHundredAndTwentyCharactersIsLong() {
        String twentyOne = "Please " + "tell us ".repeat(10).strip();
        assertThat(BuilderWarnings.words(twentyOne)).isEqualTo(21);
        assertThat(keys(q(QuestionType.SHORT_TEXT, twentyOne, "Tell us", List.of()))).containsExactly("form.build.warning.long");
        String twenty = "tell us ".repeat(10).strip();
        assertThat(keys(q(QuestionType.SHORT_TEXT, twenty, "Tell us", List.of()))).isEmpty();
        String longWords = "Extraordinarily ".repeat(8).strip() + "?";
        assertThat(longWords.length()).isGreaterThan(120);
        assertThat(keys(q(QuestionType.SHORT_TEXT, longWords, "Tell us", List.of()))).containsExactly("form.build.warning.long");
        // The warning says how many words.
        assertThat(BuilderWarnings.of(q(QuestionType.SHORT_TEXT, twentyOne, "Tell us", List.of())).getFirst().args()).containsExactly("21", "20");
    }

    @Test
    void jargonIsFoundWithItsEndingsAndOnlyAsAWord() {
        assertThat(BuilderWarnings.JARGON).contains("co-production", "stakeholder", "outcome", "evaluation", "impact", "facilitate",
                "engagement", "methodology", "qualitative", "quantitative", "baseline", "metrics", "KPI", "deliverable");
        assertThat(BuilderWarnings.jargonIn("Did the Outcomes meet our KPIs?")).containsExactly("Outcomes", "KPIs");
        assertThat(BuilderWarnings.jargonIn("How well did the facilitator include stakeholders?")).containsExactly("stakeholders", "facilitator");
        assertThat(BuilderWarnings.jargonIn("What was the impact of co-production?")).containsExactly("co-production", "impact");
        assertThat(BuilderWarnings.jargonIn("How was your day at the centre?")).isEmpty();
        // Only at the start of a word: jargon inside another word does not count.
        assertThat(BuilderWarnings.jargonIn("simpact deoutcome")).isEmpty();
        List<BuilderWarnings.Warning> warnings = BuilderWarnings.of(q(QuestionType.SHORT_TEXT, "What was the impact?", "Was it good?", List.of()));
        assertThat(warnings).extracting(BuilderWarnings.Warning::messageKey).containsExactly("form.build.warning.jargon");
        assertThat(warnings.getFirst().args()).containsExactly("impact");
    }

    @Test
    void aQuestionWithNoEasyReadTextSaysSo() {
        assertThat(keys(q(QuestionType.SHORT_TEXT, "Was it fun?", null, List.of()))).containsExactly("form.build.warning.no-easy-read");
        assertThat(keys(q(QuestionType.SHORT_TEXT, "Was it fun?", "  ", List.of()))).containsExactly("form.build.warning.no-easy-read");
        // A before-and-after pair needs easy read for both halves.
        Question pair = new Question("k", QuestionType.BEFORE_AFTER, "How did you feel before?", null, "Before?", "face-ok", false,
                List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, "How do you feel now?", null, null, null);
        assertThat(keys(pair)).containsExactly("form.build.warning.no-easy-read");
    }

    @Test
    void longEasyReadTextSaysSo() {
        assertThat(keys(q(QuestionType.SHORT_TEXT, "Was it fun?", "Was the thing that we did together today fun for you to do?", List.of())))
                .containsExactly("form.build.warning.easy-read-long");
    }

    @Test
    void aQuestionInWelshWithEasyReadOnlyInEnglishSaysSoAndLongWelshEasyReadToo() {
        Question welsh = q(QuestionType.SHORT_TEXT, "Was it fun?", "Fun?", List.of()).withWelsh("Oedd e’n hwyl?", null, null, List.of());
        assertThat(keys(welsh)).containsExactly("form.build.warning.no-easy-read-cy");
        assertThat(keys(welsh.withWelshEasyRead("Hwyl?", null))).isEmpty();
        assertThat(keys(welsh.withWelshEasyRead("Oedd y peth wnaethon ni gyda’n gilydd heddiw yn hwyl i chi ei wneud o gwbl?", null)))
                .containsExactly("form.build.warning.easy-read-cy-long");
        // No English easy read yet: that warning comes first, alone.
        assertThat(keys(q(QuestionType.SHORT_TEXT, "Was it fun?", null, List.of()).withWelsh("Oedd e’n hwyl?", null, null, List.of())))
                .containsExactly("form.build.warning.no-easy-read");
    }

    @Test
    void aChoiceOrScaleWithNoAnswersToChooseSaysSo() {
        assertThat(keys(q(QuestionType.SINGLE_CHOICE, "Which day?", "Which day?", List.of()))).containsExactly("form.build.warning.no-options");
        assertThat(keys(q(QuestionType.RATING, "Was it fun?", "Fun?", List.of()))).containsExactly("form.build.warning.no-scale");
        assertThat(keys(q(QuestionType.RATING, "Was it fun?", "Fun?", List.of("No", "Yes")))).isEmpty();
        assertThat(keys(q(QuestionType.YES_NO, "Was it fun?", "Fun?", List.of()))).isEmpty();
    }
}
