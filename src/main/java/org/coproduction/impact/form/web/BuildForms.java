package org.coproduction.impact.form.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.Pictures;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScalePreset;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The building pages' forms as typed. Every choice arrives as text and is read here, so a value that
 * is not one of ours becomes a plain message beside the field, never a failed request.
 */
public final class BuildForms {

    /** The scale choice that means "I’ll write my own labels". */
    public static final String OWN_SCALE = "OWN";

    private BuildForms() {}

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable QuestionType parseType(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : QuestionType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.strip().length() > max ? errors.plus(field, Ui.t("form.build.too-long", max)) : errors;
    }

    /** A member of the form's project and their own link to it, if made. */
    public record MemberLink(UUID userId, String name, @Nullable String link) {}

    /** A new form: a title and what to start from. */
    public record NewForm(@Nullable String title, @Nullable String start) {

        FormErrors check(boolean fromTemplate) {
            FormErrors e = FormErrors.none();
            if (start == null || start.isBlank()) {
                e = e.plus("start", Ui.t("form.build.new.start.required"));
            }
            if (!fromTemplate && (title == null || title.isBlank())) {
                e = e.plus("title", Ui.t("form.build.title.required"));
            }
            return tooLong(e, "title", title, FormService.MAX_TITLE);
        }
    }

    /**
     * The form's settings: title, introduction, named answers, closing date (GOV.UK's three boxes),
     * and how the answers will be used ({@code answersUse}: a {@link ConsentUse} name).
     */
    public record Settings(@Nullable String title, @Nullable String intro, @Nullable String named, @Nullable String closesDay,
            @Nullable String closesMonth, @Nullable String closesYear, @Nullable Integer version, @Nullable String answersUse,
            @Nullable String titleCy, @Nullable String introCy) {

        public Settings {
            version = version == null ? -1 : version;
        }

        static Settings of(org.coproduction.impact.form.Form f) {
            LocalDate d = f.closesOn();
            return new Settings(f.title(), f.intro(), f.namedAnswers() ? "yes" : "no", d == null ? "" : String.valueOf(d.getDayOfMonth()),
                    d == null ? "" : String.valueOf(d.getMonthValue()), d == null ? "" : String.valueOf(d.getYear()), f.version(),
                    f.answersUse().name(), f.titleCy(), f.introCy());
        }

        Settings withVersion(int v) {
            return new Settings(title, intro, named, closesDay, closesMonth, closesYear, v, answersUse, titleCy, introCy);
        }

        /** How the answers will be used, or {@code unchanged} when the page did not say; call after {@link #check} found nothing. */
        ConsentUse use(ConsentUse unchanged) {
            return answersUse == null ? unchanged : ConsentUse.valueOf(answersUse);
        }

        boolean namedAnswers() {
            return "yes".equals(named);
        }

        /** The closing date, or null for none; call after {@link #check} found nothing. */
        @Nullable LocalDate closesOn() {
            if (blank(closesDay) && blank(closesMonth) && blank(closesYear)) {
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(closesYear.strip()), Integer.parseInt(closesMonth.strip()), Integer.parseInt(closesDay.strip()));
            } catch (NumberFormatException | NullPointerException | DateTimeException e) {
                return null;
            }
        }

        FormErrors check(LocalDate today) {
            FormErrors e = FormErrors.none();
            if (title == null || title.isBlank()) {
                e = e.plus("title", Ui.t("form.build.title.required"));
            }
            e = tooLong(e, "title", title, FormService.MAX_TITLE);
            e = tooLong(e, "intro", intro, FormService.MAX_INTRO);
            e = tooLong(e, "titleCy", titleCy, FormService.MAX_TITLE);
            e = tooLong(e, "introCy", introCy, FormService.MAX_INTRO);
            if (!"yes".equals(named) && !"no".equals(named)) {
                e = e.plus("named", Ui.t("form.build.named.required"));
            }
            // Not sent at all (a page from before the choice existed): the form keeps what it has.
            if (answersUse != null && java.util.Arrays.stream(ConsentUse.values()).noneMatch(u -> u.name().equals(answersUse))) {
                e = e.plus("answersUse", Ui.t("form.build.answers-use.required"));
            }
            boolean none = blank(closesDay) && blank(closesMonth) && blank(closesYear);
            if (!none) {
                LocalDate d = closesOn();
                if (d == null) {
                    e = e.plus("closes", Ui.t("form.build.closes.invalid"));
                } else if (d.isBefore(today)) {
                    e = e.plus("closes", Ui.t("form.build.closes.past"));
                } else if (d.isAfter(today.plusYears(5))) {
                    e = e.plus("closes", Ui.t("form.build.closes.too-far"));
                }
            }
            return e;
        }
    }

    /** One question as typed on its page. Options and scale labels come one a line. */
    public record QuestionForm(
            @Nullable String type,
            @Nullable String text,
            @Nullable String hint,
            @Nullable String required,
            @Nullable String preset,
            @Nullable String options,
            @Nullable String scale,
            @Nullable String afterText,
            @Nullable String easyReadText,
            @Nullable String easyReadAfterText,
            @Nullable String picture,
            @Nullable String outcomeId,
            @Nullable String planRowId,
            @Nullable Integer version,
            @Nullable String textCy,
            @Nullable String hintCy,
            @Nullable String afterTextCy,
            @Nullable String optionsCy,
            @Nullable String easyReadTextCy,
            @Nullable String easyReadAfterTextCy) {

        public QuestionForm {
            version = version == null ? -1 : version;
        }

        static QuestionForm empty(QuestionType type, int version) {
            String preset = type.isScale() ? ScalePreset.POOR_TO_EXCELLENT.name() : OWN_SCALE;
            String text = type == QuestionType.ABOUT_YOU ? Ui.t("form.build.about-you.text") : "";
            return new QuestionForm(type.name(), text, "", "no", preset, "", ScaleStyle.WORDS.name(), "", "", "", "", "", "", version, "", "",
                    "", "", "", "");
        }

        static QuestionForm of(Question q, int version) {
            // The preset is found by its labels: a preset shown as faces is still that preset.
            String preset = q.type().isScale()
                    ? java.util.Arrays.stream(ScalePreset.values()).filter(p -> p.labels().equals(q.options())).findFirst().map(Enum::name)
                            .orElse(OWN_SCALE)
                    : OWN_SCALE;
            return new QuestionForm(q.type().name(), q.text(), q.hint(), q.required() ? "yes" : "no", preset, String.join("\n", q.options()),
                    q.scale().name(), q.afterText(), q.easyReadText(), q.easyReadAfterText(), q.picture(),
                    q.outcomeId() == null ? "" : q.outcomeId().toString(), q.planRowId() == null ? "" : q.planRowId().toString(), version,
                    q.textCy(), q.hintCy(), q.afterTextCy(), String.join("\n", q.optionsCy()), q.easyReadTextCy(), q.easyReadAfterTextCy());
        }

        QuestionForm withVersion(int v) {
            return new QuestionForm(type, text, hint, required, preset, options, scale, afterText, easyReadText, easyReadAfterText, picture,
                    outcomeId, planRowId, v, textCy, hintCy, afterTextCy, optionsCy, easyReadTextCy, easyReadAfterTextCy);
        }

        QuestionType questionType() {
            QuestionType t = parseType(type);
            return t == null ? QuestionType.SHORT_TEXT : t;
        }

        List<String> optionLines() {
            return lines(options);
        }

        /** The Welsh choices, one a line; only kept when the question has choices. */
        List<String> welshOptionLines() {
            return questionType().hasOptions() ? lines(optionsCy) : List.of();
        }

        private static List<String> lines(@Nullable String text) {
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        @Nullable ScalePreset chosenPreset() {
            return preset == null ? null : ScalePreset.parse(preset).orElse(null);
        }

        /**
         * How the scale is shown. Faces with words, when chosen, stay with any preset (easy-read
         * respondents rely on them); otherwise a preset brings its own style (numbers for 1 to 5).
         */
        ScaleStyle scaleStyle() {
            ScaleStyle chosen;
            try {
                chosen = scale == null ? ScaleStyle.WORDS : ScaleStyle.valueOf(scale);
            } catch (IllegalArgumentException e) {
                chosen = ScaleStyle.WORDS;
            }
            ScalePreset p = chosenPreset();
            if (p != null && questionType().isScale() && chosen != ScaleStyle.FACES) {
                return p.style();
            }
            return chosen;
        }

        List<String> finalOptions() {
            QuestionType t = questionType();
            if (!t.hasOptions()) {
                return List.of();
            }
            ScalePreset p = chosenPreset();
            return p != null && t.isScale() ? p.labels() : optionLines();
        }

        /**
         * What is wrong, if anything. {@code outcomes} and {@code rows} are the ids that may be linked
         * (the project's current outcomes and plan rows); empty for a form of the whole organisation.
         */
        FormErrors check(Set<UUID> outcomes, Set<UUID> rows) {
            FormErrors e = FormErrors.none();
            QuestionType t = parseType(type);
            if (t == null) {
                e = e.plus("type", Ui.t("form.build.question.type.required"));
            }
            if (text == null || text.isBlank()) {
                e = e.plus("text", Ui.t("form.build.question.text.required"));
            }
            e = tooLong(e, "text", text, Question.MAX_TEXT);
            e = tooLong(e, "hint", hint, Question.MAX_TEXT);
            if (t != null && t.hasOptions()) {
                if (t.isScale() && (preset == null || (chosenPreset() == null && !OWN_SCALE.equals(preset)))) {
                    e = e.plus("preset", Ui.t("form.build.question.preset.required"));
                }
                List<String> lines = finalOptions();
                if (lines.size() > Question.MAX_OPTIONS) {
                    e = e.plus("options", Ui.t("form.build.question.options.too-many", Question.MAX_OPTIONS));
                } else if (lines.stream().anyMatch(o -> o.length() > Question.MAX_OPTION)) {
                    e = e.plus("options", Ui.t("form.build.question.options.too-long", Question.MAX_OPTION));
                } else if (lines.stream().distinct().count() != lines.size()) {
                    e = e.plus("options", Ui.t("form.build.question.options.repeated"));
                }
            }
            if (t == QuestionType.BEFORE_AFTER) {
                if (afterText == null || afterText.isBlank()) {
                    e = e.plus("afterText", Ui.t("form.build.question.after.required"));
                }
                e = tooLong(e, "afterText", afterText, Question.MAX_TEXT);
                e = tooLong(e, "easyReadAfterText", easyReadAfterText, Question.MAX_TEXT);
            }
            e = tooLong(e, "easyReadText", easyReadText, Question.MAX_TEXT);
            e = tooLong(e, "textCy", textCy, Question.MAX_TEXT);
            e = tooLong(e, "hintCy", hintCy, Question.MAX_TEXT);
            e = tooLong(e, "easyReadTextCy", easyReadTextCy, Question.MAX_TEXT);
            if (t == QuestionType.BEFORE_AFTER) {
                e = tooLong(e, "afterTextCy", afterTextCy, Question.MAX_TEXT);
                e = tooLong(e, "easyReadAfterTextCy", easyReadAfterTextCy, Question.MAX_TEXT);
            }
            List<String> welsh = welshOptionLines();
            if (t != null && t.hasOptions() && !welsh.isEmpty()) {
                // Answers are kept by position, so each Welsh choice must stand beside its English one.
                if (welsh.size() != finalOptions().size()) {
                    e = e.plus("optionsCy", Ui.t("form.build.question.options-cy.count", finalOptions().size()));
                } else if (welsh.stream().anyMatch(o -> o.length() > Question.MAX_OPTION)) {
                    e = e.plus("optionsCy", Ui.t("form.build.question.options.too-long", Question.MAX_OPTION));
                } else if (welsh.stream().distinct().count() != welsh.size()) {
                    e = e.plus("optionsCy", Ui.t("form.build.question.options.repeated"));
                }
            }
            if (picture != null && !picture.isBlank() && !Pictures.exists(picture)) {
                e = e.plus("picture", Ui.t("form.build.question.picture.unknown"));
            }
            UUID outcome = uuid(outcomeId);
            if (blankToNull(outcomeId) != null && (outcome == null || !outcomes.contains(outcome))) {
                e = e.plus("outcomeId", Ui.t("form.build.question.outcome.unknown"));
            }
            UUID row = uuid(planRowId);
            if (blankToNull(planRowId) != null && (row == null || !rows.contains(row))) {
                e = e.plus("planRowId", Ui.t("form.build.question.row.unknown"));
            }
            return e;
        }

        /** The question, keeping {@code key}; only after {@link #check} found nothing wrong. */
        Question question(String key, @Nullable UUID outcomeOfRow) {
            QuestionType t = questionType();
            boolean pair = t == QuestionType.BEFORE_AFTER;
            UUID outcome = uuid(outcomeId);
            return new Question(key, t, text == null ? "" : text.strip(), blankToNull(hint), blankToNull(easyReadText), blankToNull(picture),
                    "yes".equals(required), finalOptions(), scaleStyle(), pair ? blankToNull(afterText) : null,
                    pair ? blankToNull(easyReadAfterText) : null, outcome != null ? outcome : outcomeOfRow, uuid(planRowId),
                    blankToNull(textCy), blankToNull(hintCy), pair ? blankToNull(afterTextCy) : null, welshOptionLines(),
                    blankToNull(easyReadTextCy), pair ? blankToNull(easyReadAfterTextCy) : null);
        }
    }


    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
