package org.coproduction.impact.report;

import org.jspecify.annotations.Nullable;

/**
 * What the facilitator writes in a report's draft: the narrative assessment of the project impact and
 * of the co-production impact (drawing on the outcome judgements), what worked and what did not, what
 * happens next (the changes we will make), and two short easy-read sentences.
 */
public record ReportWords(@Nullable String projectImpact, @Nullable String coproductionImpact, @Nullable String whatWorked,
        @Nullable String whatDidNot, @Nullable String nextSteps, @Nullable String easyLearned, @Nullable String easyNext) {

    public static final int MAX = 5000;
    public static final int MAX_EASY = 300;

    public static ReportWords none() {
        return new ReportWords(null, null, null, null, null, null, null);
    }

    /** Whether nothing is written. */
    public boolean isEmpty() {
        return equals(none());
    }

    /** These words (a translation) where given, {@code otherwise}'s where not. */
    public ReportWords over(ReportWords otherwise) {
        return new ReportWords(or(projectImpact, otherwise.projectImpact), or(coproductionImpact, otherwise.coproductionImpact),
                or(whatWorked, otherwise.whatWorked), or(whatDidNot, otherwise.whatDidNot), or(nextSteps, otherwise.nextSteps),
                or(easyLearned, otherwise.easyLearned), or(easyNext, otherwise.easyNext));
    }

    /**
     * Which language each of the words shown is in when these (a translation, in {@code language}) are
     * put {@link #over} {@code otherwise} (the main words, in {@code otherwiseLanguage}): {@code language}
     * where these are given, {@code otherwiseLanguage} where only the main words are, and null where
     * neither is. The result holds language codes, not words.
     */
    public ReportWords languagesOver(ReportWords otherwise, String language, String otherwiseLanguage) {
        return new ReportWords(lang(projectImpact, otherwise.projectImpact, language, otherwiseLanguage),
                lang(coproductionImpact, otherwise.coproductionImpact, language, otherwiseLanguage),
                lang(whatWorked, otherwise.whatWorked, language, otherwiseLanguage), lang(whatDidNot, otherwise.whatDidNot, language, otherwiseLanguage),
                lang(nextSteps, otherwise.nextSteps, language, otherwiseLanguage), lang(easyLearned, otherwise.easyLearned, language, otherwiseLanguage),
                lang(easyNext, otherwise.easyNext, language, otherwiseLanguage));
    }

    private static @Nullable String lang(@Nullable String given, @Nullable String otherwise, String language, String otherwiseLanguage) {
        return given != null ? language : otherwise != null ? otherwiseLanguage : null;
    }

    private static @Nullable String or(@Nullable String given, @Nullable String otherwise) {
        return given != null ? given : otherwise;
    }
}
