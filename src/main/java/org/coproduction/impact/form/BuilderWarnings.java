package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * Plain-language checks on a question while a form is built. None of them stops a save: they say
 * what may make the question hard for someone to answer, and what to try instead.
 */
public final class BuilderWarnings {

    /** A question longer than this many words is hard to take in at once. */
    public static final int MAX_WORDS = 20;
    public static final int MAX_CHARACTERS = 120;
    /** Easy-read text should be shorter still. */
    public static final int MAX_EASY_READ_WORDS = 12;
    public static final int MAX_EASY_READ_CHARACTERS = 70;

    /**
     * Words that people who work in services use, and many others don’t. A word also matches with
     * an ending (outcome, outcomes; stakeholder, stakeholders; facilitate, facilitator).
     */
    public static final List<String> JARGON = List.of(
            "co-production", "coproduction", "stakeholder", "outcome", "evaluation", "impact", "facilitate", "engagement", "methodology",
            "qualitative", "quantitative", "baseline", "metrics", "KPI", "deliverable");

    private static final List<Pattern> JARGON_PATTERNS = JARGON.stream()
            .map(w -> Pattern.compile("(?<![\\p{L}\\p{N}-])(" + Pattern.quote(stem(w)) + "\\p{L}*)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();

    /** One thing to look at: a message key and its arguments. */
    public record Warning(String messageKey, List<String> args) {

        public Warning {
            args = List.copyOf(args);
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    private BuilderWarnings() {}

    private static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 5 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }

    /** What may make this question hard to answer, in the order a person would fix it. */
    public static List<Warning> of(Question q) {
        List<Warning> warnings = new ArrayList<>();
        tooLong(q.text(), warnings);
        if (q.type() == QuestionType.BEFORE_AFTER) {
            tooLong(q.afterText(), warnings);
        }
        List<String> jargon = jargonIn(q.text() + " " + nullToEmpty(q.afterText()) + " " + nullToEmpty(q.hint()) + " "
                + nullToEmpty(q.easyReadText()) + " " + nullToEmpty(q.easyReadAfterText()));
        for (String word : jargon) {
            warnings.add(new Warning("form.build.warning.jargon", List.of(word)));
        }
        if (q.type().hasOptions() && q.options().isEmpty()) {
            warnings.add(new Warning(q.type().isScale() ? "form.build.warning.no-scale" : "form.build.warning.no-options", List.of()));
        }
        if (blank(q.easyReadText()) || (q.type() == QuestionType.BEFORE_AFTER && blank(q.easyReadAfterText()))) {
            warnings.add(new Warning("form.build.warning.no-easy-read", List.of()));
        } else if (easyReadLong(q.easyReadText()) || easyReadLong(q.easyReadAfterText())) {
            warnings.add(new Warning("form.build.warning.easy-read-long", List.of(String.valueOf(MAX_EASY_READ_WORDS))));
        }
        boolean pair = q.type() == QuestionType.BEFORE_AFTER;
        // Asked in the second language and given easy read only in the main one: a reader of the second
        // language in easy read would get the longer question (the second language is Welsh, or English
        // for an organisation writing in Welsh).
        boolean english = OwnWords.secondIsEnglish();
        if (q.textCy() != null && !blank(q.easyReadText())
                && (blank(q.easyReadTextCy()) || (pair && q.afterTextCy() != null && blank(q.easyReadAfterTextCy())))) {
            warnings.add(new Warning(english ? "form.build.warning.no-easy-read-cy.en" : "form.build.warning.no-easy-read-cy", List.of()));
        } else if (easyReadLong(q.easyReadTextCy()) || easyReadLong(q.easyReadAfterTextCy())) {
            warnings.add(new Warning(english ? "form.build.warning.easy-read-cy-long.en" : "form.build.warning.easy-read-cy-long",
                    List.of(String.valueOf(MAX_EASY_READ_WORDS))));
        }
        return warnings;
    }

    /** The jargon words used in the text, as written, each once. */
    public static List<String> jargonIn(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : JARGON_PATTERNS) {
            Matcher m = p.matcher(text);
            if (m.find() && found.stream().noneMatch(f -> f.equalsIgnoreCase(m.group(1)))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    public static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    private static void tooLong(@Nullable String text, List<Warning> warnings) {
        if (text != null && (words(text) > MAX_WORDS || text.strip().length() > MAX_CHARACTERS)
                && warnings.stream().noneMatch(w -> w.messageKey().equals("form.build.warning.long"))) {
            warnings.add(new Warning("form.build.warning.long", List.of(String.valueOf(words(text)), String.valueOf(MAX_WORDS))));
        }
    }

    private static boolean easyReadLong(@Nullable String text) {
        return text != null && (words(text) > MAX_EASY_READ_WORDS || text.strip().length() > MAX_EASY_READ_CHARACTERS);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
