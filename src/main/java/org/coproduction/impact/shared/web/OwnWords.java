package org.coproduction.impact.shared.web;

/**
 * The two languages an organisation's own words can be given in. Its main words (a project's name,
 * a form's questions, a report's words) are written in the language it writes in, English unless an
 * ADMIN chose Welsh ({@link Ui#ownWords}). Beside them it may give the same words in the other
 * language: the "second" words, kept in the fields and columns whose names end in {@code Cy} or
 * {@code _cy} (they were Welsh only before an organisation could write in Welsh). So for an
 * organisation writing in Welsh, those fields hold English, and its boxes say "In English".
 *
 * <p>A page or a form shown in the second language shows the second words where given, the main
 * ones otherwise; shown in the main language, it shows the main words.
 */
public final class OwnWords {

    private OwnWords() {}

    /** The language ("en" or "cy") the organisation this page is about writes its main words in. */
    public static String main() {
        return Ui.ownWords();
    }

    /** The language ("en" or "cy") of its second words: the other one. */
    public static String second() {
        return other(main());
    }

    /** The other of the two languages: Welsh for English, English for Welsh. */
    public static String other(String language) {
        return "cy".equals(language) ? "en" : "cy";
    }

    /** Whether words shown in {@code language} are the second words, where given. */
    public static boolean secondIn(String language) {
        return second().equals(language);
    }

    /** Whether this page, in the service's language, shows the second words where given. */
    public static boolean secondOnThisPage() {
        return secondIn(Languages.code());
    }

    /** The language of words shown: the second language where the second words are shown, the main one otherwise. */
    public static String of(boolean secondShown) {
        return secondShown ? second() : main();
    }

    /** Whether the second words are English: the organisation writes in Welsh. */
    public static boolean secondIsEnglish() {
        return "en".equals(second());
    }

    /**
     * "in Welsh" or "in English" (in the page's language): the end of the label of each box for the
     * second words, such as "Title in Welsh".
     */
    public static String inSecond() {
        return Ui.t(secondIsEnglish() ? "own-words.in.en" : "own-words.in.cy");
    }

    /** "In Welsh (optional)" or "In English (optional)": the heading over the boxes for the second words. */
    public static String secondHeading() {
        return Ui.t(secondIsEnglish() ? "own-words.heading.en" : "own-words.heading.cy");
    }
}
