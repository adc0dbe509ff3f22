package org.coproduction.impact.form.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.form.Answers;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.shared.web.SummaryRow;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * What the respondent pages show for a question: its words (easy read where chosen), its picture,
 * and its answer fields with what the person entered. Built here so the templates only lay it out.
 */
public final class RespondViews {

    private RespondViews() {}

    /**
     * One radio or checkbox; {@code face} names a face picture for a faces scale. {@code lang} (here
     * and in the records below) is the language of the organisation's words shown ("en" or "cy"), or
     * null for the service's own words, which are always in the page's language.
     */
    public record Choice(String id, String value, String label, @Nullable String face, boolean checked, @Nullable String lang) {}

    /** One set of answers on the page (a fieldset), or one text field. */
    public record Part(String name, String id, String legend, List<Choice> choices, String value, @Nullable String error,
            @Nullable String legendLang) {}

    /**
     * A question page. {@code kind} is one of: radios, faces, checkboxes, text, number, textarea,
     * date, before-after, about-you.
     */
    public record QuestionPage(Question question, int number, int total, String kind, String heading, @Nullable String hint,
            @Nullable String picture, @Nullable String pictureWords, List<Part> parts, String day, String month, String year,
            @Nullable String headingLang, @Nullable String hintLang) {

        public Part part() {
            return parts.getFirst();
        }
    }

    /** An HTML id for an answer field (field names can hold dots). */
    static String id(String field) {
        return "q-" + field.replace('.', '-');
    }

    /** The page for question {@code q}, shown in {@code language} (the form's language on this request: "en" or "cy"). */
    static QuestionPage page(Question q, String language, int number, int total, Map<String, List<String>> values,
            Map<String, String> errors) {
        String kind = switch (q.type()) {
            case RATING -> q.scale() == ScaleStyle.FACES ? "faces" : "radios";
            case SINGLE_CHOICE, YES_NO -> "radios";
            case MULTIPLE_CHOICE -> "checkboxes";
            case SHORT_TEXT -> "text";
            case NUMBER -> "number";
            case LONG_TEXT -> "textarea";
            case DATE -> "date";
            case BEFORE_AFTER -> "before-after";
            case ABOUT_YOU -> "about-you";
        };
        // Looked up once: it reads the session, then the cookies.
        boolean easyRead = Ui.easyRead();
        List<Part> parts = new ArrayList<>();
        switch (q.type()) {
            case BEFORE_AFTER -> {
                parts.add(choicePart(q, language, q.key() + ".before", q.words(easyRead), q.wordsLang(easyRead, language), values, errors));
                parts.add(choicePart(q, language, q.key() + ".after", q.afterWords(easyRead), q.afterWordsLang(easyRead, language), values, errors));
            }
            case ABOUT_YOU -> {
                for (AboutYou about : AboutYou.values()) {
                    String field = q.key() + "." + about.slug();
                    List<Choice> choices = new ArrayList<>();
                    List<String> given = values.getOrDefault(field, List.of());
                    int i = 0;
                    for (String c : about.choices()) {
                        i++;
                        choices.add(new Choice(i == 1 ? id(field) : id(field) + "-" + i, c, Ui.t(about.choiceKey(c)), null, given.contains(c), null));
                    }
                    parts.add(new Part(field, id(field), Ui.t(about.messageKey()), choices, "", errors.get(field), null));
                }
            }
            default -> parts.add(choicePart(q, language, q.key(), q.words(easyRead), q.wordsLang(easyRead, language), values, errors));
        }
        String day = "";
        String month = "";
        String year = "";
        if (q.type() == QuestionType.DATE) {
            String raw = first(values, q.key());
            String[] bits = raw.split("-", -1);
            if (bits.length == 3) {
                year = bits[0];
                month = bits[1];
                day = bits[2];
            }
        }
        boolean showPicture = easyRead && q.picture() != null && org.coproduction.impact.form.Pictures.exists(q.picture());
        boolean aboutYou = q.type() == QuestionType.ABOUT_YOU;
        return new QuestionPage(q, number, total, kind, aboutYou ? Ui.t("respond.about-you.heading") : q.words(easyRead),
                q.hint(), showPicture ? q.picture() : null, showPicture ? Ui.t("form.picture." + q.picture()) : null, parts, day, month, year,
                aboutYou ? null : q.wordsLang(easyRead, language), q.hint() == null ? null : q.hintLang(language));
    }

    private static Part choicePart(Question q, String language, String field, String legend, String legendLang,
            Map<String, List<String>> values, Map<String, String> errors) {
        List<String> given = values.getOrDefault(field, List.of());
        List<Choice> choices = new ArrayList<>();
        boolean yesNo = q.type() == QuestionType.YES_NO;
        List<String> labels = yesNo ? List.of(Ui.t("common.yes"), Ui.t("common.no")) : q.options();
        String labelLang = yesNo ? null : q.optionsLang(language);
        for (int i = 0; i < labels.size(); i++) {
            String value = q.type() == QuestionType.YES_NO ? (i == 0 ? "yes" : "no") : String.valueOf(i + 1);
            String face = q.scale() == ScaleStyle.FACES && q.type().isScale() ? face(i + 1, labels.size()) : null;
            choices.add(new Choice(i == 0 ? id(field) : id(field) + "-" + (i + 1), value, labels.get(i), face, given.contains(value), labelLang));
        }
        return new Part(field, id(field), legend, choices, first(values, field), errors.get(field), legendLang);
    }

    /** The face for a point on the scale: sad at the low end, happy at the top, neither in between. */
    static String face(int position, int count) {
        if (count <= 1) {
            return "face-ok";
        }
        double at = (position - 1) / (double) (count - 1);
        return at < 0.34 ? "face-sad" : at > 0.66 ? "face-happy" : "face-ok";
    }

    private static String first(Map<String, List<String>> values, String field) {
        List<String> v = values.getOrDefault(field, List.of());
        return v.isEmpty() ? "" : v.getFirst();
    }

    /** The check-your-answers rows, with Change links to each question's page, for questions shown in {@code language}. */
    static List<SummaryRow> rows(String base, List<Question> questions, Answers answers, String language) {
        boolean easyRead = Ui.easyRead();
        List<SummaryRow> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String href = base + "/q/" + (i + 1) + "?change=1";
            switch (q.type()) {
                case BEFORE_AFTER -> {
                    List<String> before = answers.get(q.key() + ".before");
                    List<String> after = answers.get(q.key() + ".after");
                    rows.add(row(q.words(easyRead), shown(q, before), href).inLanguages(q.wordsLang(easyRead, language), shownLang(q, before, language)));
                    rows.add(row(q.afterWords(easyRead), shown(q, after), href).inLanguages(q.afterWordsLang(easyRead, language), shownLang(q, after, language)));
                }
                case ABOUT_YOU -> {
                    for (AboutYou about : AboutYou.values()) {
                        List<String> given = answers.get(q.key() + "." + about.slug());
                        String value = given.isEmpty() ? Ui.t("respond.check.not-answered") : Ui.t(about.choiceKey(given.getFirst()));
                        rows.add(row(Ui.t(about.messageKey()), value, href));
                    }
                }
                default -> {
                    List<String> given = answers.get(q.key());
                    rows.add(row(q.words(easyRead), shown(q, given), href).inLanguages(q.wordsLang(easyRead, language), shownLang(q, given, language)));
                }
            }
        }
        return rows;
    }

    private static SummaryRow row(String key, String value, String href) {
        return SummaryRow.of(key, value).withAction(href, Ui.t("respond.check.change"), key);
    }

    /**
     * The language of {@link #shown}: the choices' language for chosen labels; null (the page's) for
     * "Not answered", Yes or No and dates; what a person typed is in no language we know, so null too.
     */
    static @Nullable String shownLang(Question q, List<String> given, String language) {
        if (given.isEmpty()) {
            return null;
        }
        return switch (q.type()) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE -> q.optionsLang(language);
            default -> null;
        };
    }

    /** An answer in words: the chosen labels, "Yes" or "No", a date as people read it, or the text. */
    static String shown(Question q, List<String> given) {
        if (given.isEmpty()) {
            return Ui.t("respond.check.not-answered");
        }
        return switch (q.type()) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join(", ", given.stream().map(v -> label(q, v)).toList());
            case YES_NO -> "yes".equals(given.getFirst()) ? Ui.t("common.yes") : Ui.t("common.no");
            case DATE -> {
                try {
                    yield Ui.day(LocalDate.parse(given.getFirst()));
                } catch (DateTimeParseException e) {
                    yield given.getFirst();
                }
            }
            default -> given.getFirst();
        };
    }

    private static String label(Question q, String position) {
        try {
            int n = Integer.parseInt(position);
            return n >= 1 && n <= q.options().size() ? q.options().get(n - 1) : position;
        } catch (NumberFormatException e) {
            return position;
        }
    }

    /** The page number each problem's field is on, for the links from the check page's error summary. */
    static Map<String, String> problemLinks(String base, List<Question> questions, Map<String, String> problems) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            for (String field : questions.get(i).fields()) {
                if (problems.containsKey(field)) {
                    links.put(field, base + "/q/" + (i + 1) + "#" + id(field));
                }
            }
        }
        return links;
    }
}
