package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * One question of a form version.
 *
 * @param key stable across versions while the question is unchanged, so answers given on
 *     different versions are read together; a change to what is asked gives a new key
 * @param text the question in plain words
 * @param easyReadText the same question in easy read: short words
 * @param picture the built-in picture shown with the easy-read text (see {@link Pictures})
 * @param options the choices or the scale's labels, in order (empty for other types)
 * @param afterText for a before-and-after pair, the "now" question (text is the "before" one)
 * @param outcomeId the outcome this is evidence for, if any
 * @param planRowId the plan row this is evidence for, if any
 * @param textCy the question in the organisation's second language ({@link OwnWords}: Welsh, or English
 *     for an organisation writing in Welsh), if given (likewise {@code hintCy} and {@code afterTextCy})
 * @param optionsCy the choices or scale labels in the second language, in the same order as
 *     {@code options}; empty when not given. Answers are kept by position, so an answer in one
 *     language counts with one in the other.
 * @param easyReadTextCy the easy-read words in the second language, if given (likewise {@code easyReadAfterTextCy})
 */
public record Question(
        String key,
        QuestionType type,
        String text,
        @Nullable String hint,
        @Nullable String easyReadText,
        @Nullable String picture,
        boolean required,
        List<String> options,
        ScaleStyle scale,
        @Nullable String afterText,
        @Nullable String easyReadAfterText,
        @Nullable UUID outcomeId,
        @Nullable UUID planRowId,
        @Nullable String textCy,
        @Nullable String hintCy,
        @Nullable String afterTextCy,
        List<String> optionsCy,
        @Nullable String easyReadTextCy,
        @Nullable String easyReadAfterTextCy) {

    public static final int MAX_TEXT = 300;
    public static final int MAX_OPTIONS = 12;
    public static final int MAX_OPTION = 100;

    public Question {
        options = List.copyOf(options);
        // Questions saved before Welsh existed have no Welsh choices in their JSON.
        optionsCy = optionsCy == null ? List.of() : List.copyOf(optionsCy);
    }

    /** A question in English only. */
    public Question(String key, QuestionType type, String text, @Nullable String hint, @Nullable String easyReadText,
            @Nullable String picture, boolean required, List<String> options, ScaleStyle scale, @Nullable String afterText,
            @Nullable String easyReadAfterText, @Nullable UUID outcomeId, @Nullable UUID planRowId) {
        this(key, type, text, hint, easyReadText, picture, required, options, scale, afterText, easyReadAfterText, outcomeId, planRowId,
                null, null, null, List.of(), null, null);
    }

    /** Whether any of its words are given in the second language. */
    public boolean hasWelsh() {
        return textCy != null || hintCy != null || afterTextCy != null || !optionsCy.isEmpty() || easyReadTextCy != null
                || easyReadAfterTextCy != null;
    }

    /**
     * The question as a respondent reads it in {@code language} ({@code en} or {@code cy}): in the
     * second language, each second word where one is given, the main word otherwise. Its key, type and
     * number of choices stay the same, so answers are read together whichever language they were given
     * in. The easy-read words are the second ones where given; where only the question is in the second
     * language, easy read shows that question rather than easy-read words in the main language, so a
     * person who chose Cymraeg reads Welsh.
     */
    public Question in(String language) {
        if (!OwnWords.secondIn(language) || !hasWelsh()) {
            return this;
        }
        List<String> shown = optionsCy.size() == options.size() ? optionsCy : options;
        String easy = easyReadTextCy != null ? easyReadTextCy : textCy != null ? null : easyReadText;
        String easyAfter = easyReadAfterTextCy != null ? easyReadAfterTextCy : afterTextCy != null ? null : easyReadAfterText;
        return new Question(key, type, textCy != null ? textCy : text, hintCy != null ? hintCy : hint, easy, picture, required,
                shown, scale, afterTextCy != null ? afterTextCy : afterText, easyAfter, outcomeId, planRowId, textCy, hintCy,
                afterTextCy, optionsCy, easyReadTextCy, easyReadAfterTextCy);
    }

    /**
     * The language ("en" or "cy") of the text {@link #in}{@code (language)} shows: the second language
     * where the second words are given, the organisation's main language otherwise. Likewise
     * {@link #hintLang}, {@link #afterTextLang} and {@link #optionsLang}, so a page can mark English
     * shown on a Welsh page.
     */
    public String textLang(String language) {
        return shownIn(language, textCy);
    }

    public String hintLang(String language) {
        return shownIn(language, hintCy);
    }

    public String afterTextLang(String language) {
        return shownIn(language, afterTextCy);
    }

    public String optionsLang(String language) {
        return shownIn(language, !optionsCy.isEmpty() && optionsCy.size() == options.size() ? optionsCy : null);
    }

    /**
     * The words a person reads for this question: the easy-read words where they asked for easy read
     * and the question has them, the question otherwise. (On {@link #in}{@code (language)}, so Welsh
     * where given.) Likewise {@link #afterWords} for the "now" half of a before-and-after pair.
     */
    public String words(boolean easyRead) {
        return easyRead && !blank(easyReadText) ? easyReadText : text;
    }

    /** The language ("en" or "cy") of {@link #words} on the question {@link #in}{@code (language)}. */
    public String wordsLang(boolean easyRead, String language) {
        return easyRead && !blank(easyReadText) ? easyReadLang(language) : textLang(language);
    }

    public String afterWords(boolean easyRead) {
        return easyRead && !blank(easyReadAfterText) ? easyReadAfterText : afterText != null ? afterText : text;
    }

    public String afterWordsLang(boolean easyRead, String language) {
        return easyRead && !blank(easyReadAfterText) ? easyReadAfterTextLang(language)
                : afterText != null ? afterTextLang(language) : textLang(language);
    }

    private static boolean blank(@Nullable String words) {
        return words == null || words.isBlank();
    }

    /** The language of the easy-read words {@link #in}{@code (language)} shows, when it shows any. */
    public String easyReadLang(String language) {
        return shownIn(language, easyReadTextCy);
    }

    public String easyReadAfterTextLang(String language) {
        return shownIn(language, easyReadAfterTextCy);
    }

    private static String shownIn(String language, @Nullable Object second) {
        return OwnWords.of(OwnWords.secondIn(language) && second != null);
    }

    /**
     * The same question with its second words made its main ones, where given, and the main words the
     * second: the organisation changed the language it writes in. Words with no second stay as they
     * are, with no second; the choices swap only when every one is given in both. Its key, type and
     * choices' order are unchanged, so answers already given read the same.
     */
    public Question swapped() {
        boolean choices = !optionsCy.isEmpty() && optionsCy.size() == options.size();
        return new Question(key, type, textCy != null ? textCy : text, hintCy != null ? hintCy : hint,
                easyReadTextCy != null ? easyReadTextCy : easyReadText, picture, required, choices ? optionsCy : options, scale,
                afterTextCy != null ? afterTextCy : afterText, easyReadAfterTextCy != null ? easyReadAfterTextCy : easyReadAfterText,
                outcomeId, planRowId, textCy != null ? text : null, hintCy != null ? hint : null, afterTextCy != null ? afterText : null,
                choices ? options : List.of(), easyReadTextCy != null ? easyReadText : null, easyReadAfterTextCy != null ? easyReadAfterText : null);
    }

    /** The same question with these Welsh words (an import or the builder's "In Welsh" fields). */
    public Question withWelsh(@Nullable String textCy, @Nullable String hintCy, @Nullable String afterTextCy, List<String> optionsCy) {
        return new Question(key, type, text, hint, easyReadText, picture, required, options, scale, afterText, easyReadAfterText, outcomeId,
                planRowId, textCy, hintCy, afterTextCy, optionsCy, easyReadTextCy, easyReadAfterTextCy);
    }

    /** The same question with these easy-read words in Welsh. */
    public Question withWelshEasyRead(@Nullable String easyReadTextCy, @Nullable String easyReadAfterTextCy) {
        return new Question(key, type, text, hint, easyReadText, picture, required, options, scale, afterText, easyReadAfterText, outcomeId,
                planRowId, textCy, hintCy, afterTextCy, optionsCy, easyReadTextCy, easyReadAfterTextCy);
    }

    public static String newKey() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The names of the answer fields this question fills. */
    public List<String> fields() {
        return switch (type) {
            case BEFORE_AFTER -> List.of(key + ".before", key + ".after");
            case ABOUT_YOU -> {
                List<String> fields = new ArrayList<>();
                for (AboutYou part : AboutYou.values()) {
                    fields.add(key + "." + part.slug());
                }
                yield fields;
            }
            default -> List.of(key);
        };
    }

    /** Whether an answer is needed. The "about you" block never needs one. */
    public boolean needsAnswer() {
        return required && type != QuestionType.ABOUT_YOU;
    }

    /**
     * Whether this asks something different from {@code other}, so answers to the two must not be
     * read together: the type, the words of the question, or the choices changed. Hints, easy-read
     * words, pictures and outcome links can change without that.
     */
    public boolean asksSomethingDifferentFrom(Question other) {
        return type != other.type
                || !text.strip().equals(other.text.strip())
                || !options.equals(other.options)
                || !Objects.equals(afterText, other.afterText);
    }

    public Question withKey(String newKey) {
        return new Question(newKey, type, text, hint, easyReadText, picture, required, options, scale, afterText, easyReadAfterText,
                outcomeId, planRowId, textCy, hintCy, afterTextCy, optionsCy, easyReadTextCy, easyReadAfterTextCy);
    }
}
