package org.coproduction.impact.form;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Forms to start from, written for this service in plain words, each question with an easy-read
 * version and a picture. A facilitator can change every word once the form is made.
 *
 * <p>The activity feedback form follows the one SCIE's co-production group used after its steering
 * group meetings: where it was, who ran it, whether it was easy to understand and fun, how people
 * felt before and after, what helped and what they would change.
 */
public final class FormTemplates {

    /**
     * One template.
     *
     * @param nameKey what the template is called, in the list to choose from
     * @param descriptionKey what it asks, in one sentence
     */
    public record Template(String key, String nameKey, String descriptionKey, String title, String intro, List<Question> questions) {

        public Template {
            questions = List.copyOf(questions);
        }
    }

    public static final String ACTIVITY_FEEDBACK = "activity-feedback";
    public static final String TRAINING = "training-before-after";
    public static final String WORKING_TOGETHER = "working-together";
    public static final String CHECK_IN = "session-check-in";

    private static final List<String> POOR_TO_EXCELLENT = ScalePreset.POOR_TO_EXCELLENT.labels();
    private static final List<String> FACES = ScalePreset.THREE_FACES.labels();
    private static final List<String> ONE_TO_FIVE = ScalePreset.ONE_TO_FIVE.labels();
    private static final List<String> NOT_AT_ALL = ScalePreset.NOT_AT_ALL_TO_COMPLETELY.labels();

    public static final List<Template> ALL = List.of(
            new Template(ACTIVITY_FEEDBACK, "form.build.template.activity-feedback", "form.build.template.activity-feedback.description",
                    "Activity feedback",
                    "Tell us what you thought of the activity. It takes about 5 minutes. You can skip any question.",
                    List.of(
                            rating("place", "How good was the place where the activity happened?", "Think about getting there, the room and the space.",
                                    "Was the place good?", "map", POOR_TO_EXCELLENT, ScaleStyle.WORDS),
                            rating("who-ran-it", "How good were the people who ran the activity?", null,
                                    "Were the people who ran it good?", "people", POOR_TO_EXCELLENT, ScaleStyle.WORDS),
                            rating("easy-to-understand", "Was the activity easy to understand?", null,
                                    "Was it easy to understand?", "lightbulb", POOR_TO_EXCELLENT, ScaleStyle.WORDS),
                            rating("fun", "Was the activity fun?", null, "Was it fun?", "star", POOR_TO_EXCELLENT, ScaleStyle.WORDS),
                            beforeAfter("feeling", "How did you feel before the activity?", "How do you feel now the activity has finished?",
                                    null, "How did you feel before?", "How do you feel now?", "face-happy", FACES, ScaleStyle.FACES),
                            text("helped", QuestionType.LONG_TEXT, "Which parts of the activity helped you most?", null,
                                    "What helped you?", "thumbs-up"),
                            text("would-change", QuestionType.LONG_TEXT, "What, if anything, would you change about the activity?", null,
                                    "What would you change?", "change"))),
            new Template(TRAINING, "form.build.template.training", "form.build.template.training.description",
                    "Training: what you knew before and after",
                    "Tell us how much you knew and how sure you felt before the training, and how it is now.",
                    List.of(
                            beforeAfter("knowledge", "Before the training, how much did you know about the subject?",
                                    "After the training, how much do you know about the subject?", "1 means nothing at all. 5 means a lot.",
                                    "How much did you know before?", "How much do you know now?", "learn", ONE_TO_FIVE, ScaleStyle.NUMBERS),
                            beforeAfter("confidence", "Before the training, how sure did you feel about using it in your work?",
                                    "After the training, how sure do you feel about using it in your work?",
                                    "1 means not sure at all. 5 means very sure.",
                                    "How sure did you feel before?", "How sure do you feel now?", "thumbs-up", ONE_TO_FIVE, ScaleStyle.NUMBERS),
                            rating("useful", "How useful was the training?", null, "Was the training useful?", "star", POOR_TO_EXCELLENT,
                                    ScaleStyle.WORDS),
                            text("do-differently", QuestionType.LONG_TEXT, "What will you do differently after the training?", null,
                                    "What will you do differently?", "change"),
                            text("learn-more", QuestionType.LONG_TEXT, "What else would help you learn about this?", null,
                                    "What else would help you learn?", "book"))),
            new Template(WORKING_TOGETHER, "form.build.template.working-together", "form.build.template.working-together.description",
                    "How was working together?",
                    "Tell us how it felt to work together as equals. Your answers help us do it better.",
                    List.of(
                            // Equality: everyone has something to give.
                            rating("valued", "Were your ideas and skills valued as much as anyone else’s?", null,
                                    "Did people value your ideas?", "heart", NOT_AT_ALL, ScaleStyle.WORDS),
                            // Diversity: people who are seldom heard are included.
                            rating("different-people", "Did the group include people with different lives and experiences?", null,
                                    "Were different people included?", "people", NOT_AT_ALL, ScaleStyle.WORDS),
                            // Accessibility: everyone can take part fully.
                            rating("take-part", "Could you take part fully, in the way that suits you?",
                                    "Think about the place, the time, the papers and how people spoke.",
                                    "Could you take part in your way?", "check", NOT_AT_ALL, ScaleStyle.WORDS),
                            // Reciprocity: people get something back.
                            rating("get-back", "Did you get something back for taking part?",
                                    "For example new skills, new friends, or being paid for your time.",
                                    "Did you get something good from it?", "thumbs-up", NOT_AT_ALL, ScaleStyle.WORDS),
                            rating("made-a-difference", "Did the group’s ideas change what happened?", null,
                                    "Did our ideas change things?", "change", NOT_AT_ALL, ScaleStyle.WORDS),
                            text("better", QuestionType.LONG_TEXT, "What would make working together better?", null,
                                    "How can we work together better?", "lightbulb"))),
            new Template(CHECK_IN, "form.build.template.check-in", "form.build.template.check-in.description",
                    "Session check-in",
                    "A quick check-in at the start of the session.",
                    List.of(
                            rating("feeling-today", "How are you feeling today?", null, "How do you feel today?", "face-happy", FACES,
                                    ScaleStyle.FACES),
                            text("have-what-you-need", QuestionType.YES_NO, "Do you have everything you need to take part today?",
                                    "For example easy-read papers, a drink, or someone to support you.", "Do you have what you need?", "check"),
                            text("help-to-take-part", QuestionType.SHORT_TEXT, "Is there anything we can do to help you take part today?",
                                    null, "Can we help you take part?", "question"),
                            text("hoping-for", QuestionType.SHORT_TEXT, "What are you hoping to get from today?", null,
                                    "What do you want from today?", "star"))));

    private FormTemplates() {}

    public static Optional<Template> find(@Nullable String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    private static Question rating(String key, String text, @Nullable String hint, String easyRead, String picture, List<String> labels,
            ScaleStyle style) {
        return new Question(key, QuestionType.RATING, text, hint, easyRead, picture, false, labels, style, null, null, null, null);
    }

    private static Question beforeAfter(String key, String before, String after, @Nullable String hint, String easyBefore, String easyAfter,
            String picture, List<String> labels, ScaleStyle style) {
        return new Question(key, QuestionType.BEFORE_AFTER, before, hint, easyBefore, picture, false, labels, style, after, easyAfter, null,
                null);
    }

    private static Question text(String key, QuestionType type, String text, @Nullable String hint, String easyRead, String picture) {
        return new Question(key, type, text, hint, easyRead, picture, false, List.of(), ScaleStyle.WORDS, null, null, null, null);
    }
}
