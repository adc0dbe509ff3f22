package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormTemplatesTest {

    @Test
    void everyTemplateIsCompleteAndHasNothingForTheBuilderToWarnAbout() {
        assertThat(FormTemplates.ALL).extracting(FormTemplates.Template::key)
                .containsExactly(FormTemplates.ACTIVITY_FEEDBACK, FormTemplates.TRAINING, FormTemplates.WORKING_TOGETHER, FormTemplates.CHECK_IN);
        for (FormTemplates.Template t : FormTemplates.ALL) {
            assertThat(t.title()).isNotBlank().hasSizeLessThanOrEqualTo(FormService.MAX_TITLE);
            assertThat(t.intro()).isNotBlank().hasSizeLessThanOrEqualTo(FormService.MAX_INTRO);
            assertThat(t.questions()).as(t.key()).isNotEmpty().hasSizeLessThanOrEqualTo(FormService.MAX_QUESTIONS);
            Set<String> keys = new HashSet<>();
            for (Question q : t.questions()) {
                String where = t.key() + "/" + q.key();
                assertThat(keys.add(q.key())).as(where + " has a key of its own").isTrue();
                assertThat(q.key()).as(where).matches("[a-z0-9-]{1,36}");
                assertThat(q.text()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(Question.MAX_TEXT);
                assertThat(q.easyReadText()).as(where).isNotBlank();
                assertThat(q.picture()).as(where).isNotNull();
                assertThat(Pictures.exists(q.picture())).as(where + " picture " + q.picture()).isTrue();
                assertThat(q.outcomeId()).as(where + " is linked by the facilitator, not the template").isNull();
                if (q.type().hasOptions()) {
                    assertThat(q.options()).as(where).isNotEmpty().hasSizeLessThanOrEqualTo(Question.MAX_OPTIONS)
                            .allSatisfy(o -> assertThat(o).hasSizeLessThanOrEqualTo(Question.MAX_OPTION)).doesNotHaveDuplicates();
                } else {
                    assertThat(q.options()).as(where).isEmpty();
                }
                if (q.type() == QuestionType.BEFORE_AFTER) {
                    assertThat(q.afterText()).as(where).isNotBlank();
                    assertThat(q.easyReadAfterText()).as(where).isNotBlank();
                }
                assertThat(BuilderWarnings.of(q)).as(where + " warnings").isEmpty();
            }
        }
    }

    @Test
    void theActivityFeedbackFormAsksWhatSciesFormAsked() {
        FormTemplates.Template t = FormTemplates.find(FormTemplates.ACTIVITY_FEEDBACK).orElseThrow();
        assertThat(t.questions()).extracting(Question::key)
                .containsExactly("place", "who-ran-it", "easy-to-understand", "fun", "feeling", "helped", "would-change");
        // Where it was, who ran it, easy to understand, fun: rated Poor, Fair, Good, Excellent, as on SCIE's form.
        assertThat(t.questions().subList(0, 4)).allSatisfy(q -> {
            assertThat(q.type()).isEqualTo(QuestionType.RATING);
            assertThat(q.options()).containsExactly("Poor", "Fair", "Good", "Excellent");
        });
        Question feeling = t.questions().get(4);
        assertThat(feeling.type()).isEqualTo(QuestionType.BEFORE_AFTER);
        assertThat(feeling.scale()).isEqualTo(ScaleStyle.FACES);
        assertThat(feeling.text()).contains("before");
        assertThat(feeling.afterText()).contains("now");
        assertThat(feeling.fields()).containsExactly("feeling.before", "feeling.after");
        assertThat(t.questions().subList(5, 7)).extracting(Question::type).containsOnly(QuestionType.LONG_TEXT);
    }

    @Test
    void theOtherTemplatesAskWhatTheirNamesSay() {
        assertThat(FormTemplates.find(FormTemplates.TRAINING).orElseThrow().questions())
                .filteredOn(q -> q.type() == QuestionType.BEFORE_AFTER).extracting(Question::key)
                .containsExactly("knowledge", "confidence");
        // The four principles of co-production: equality, diversity, accessibility, reciprocity.
        assertThat(FormTemplates.find(FormTemplates.WORKING_TOGETHER).orElseThrow().questions()).extracting(Question::key)
                .contains("valued", "different-people", "take-part", "get-back");
        assertThat(FormTemplates.find(FormTemplates.CHECK_IN).orElseThrow().questions().getFirst().scale()).isEqualTo(ScaleStyle.FACES);
        assertThat(FormTemplates.find("no-such-template")).isEmpty();
        assertThat(FormTemplates.find(null)).isEmpty();
    }

    @Test
    void everyBuiltInPictureIsDrawn() throws IOException {
        String icons = Files.readString(Path.of("src/main/jte/components/icon.jte"));
        List<String> missing = Pictures.ALL.stream().filter(p -> !icons.contains("name.equals(\"" + p + "\")")).toList();
        assertThat(missing).as("pictures with no drawing in components/icon.jte").isEmpty();
    }

    @Test
    void presetsAreFoundFromTheirLabels() {
        for (ScalePreset p : ScalePreset.values()) {
            assertThat(ScalePreset.of(p.style(), p.labels())).contains(p);
            assertThat(ScalePreset.parse(p.name())).contains(p);
        }
        assertThat(ScalePreset.of(ScaleStyle.WORDS, List.of("Bad", "Good"))).isEmpty();
        assertThat(ScalePreset.parse("OWN")).isEmpty();
    }
}
