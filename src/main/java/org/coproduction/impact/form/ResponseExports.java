package org.coproduction.impact.form;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.coproduction.impact.shared.sheet.SheetRows;
import org.jspecify.annotations.Nullable;

/**
 * How another tool's export of responses is read (issue #13): which tool made it, where its
 * questions, times and response ids are, and how an answer written by that tool becomes one of ours.
 * Formats are described in {@code src/test/resources/imports/README.md} and docs/response-import.md.
 * Nothing here knows about the database.
 */
final class ResponseExports {

    /** The tools whose exported responses we read. */
    enum Tool {
        MICROSOFT_FORMS,
        GOOGLE_FORMS,
        SURVEYMONKEY;

        public String messageKey() {
            return "form.import.tool." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One question of the export: its words, the columns it takes (SurveyMonkey gives a multiple
     * choice question a column per choice) and each column's words under it (SurveyMonkey's second
     * header row: "Response", a choice, "Open-Ended Response"; empty for the other tools).
     */
    record Asked(String label, List<Integer> columns, List<String> parts) {}

    /**
     * Where things are in an export: how many header rows there are (counted from the first row that
     * is not blank), the column of each response's time, of its own id (-1 when the tool writes none),
     * and its questions, in order.
     */
    record Layout(Tool tool, int firstRow, int headerRows, int timeColumn, int idColumn, List<Asked> asked) {}

    /** What one answer became: our values for the field, or why it does not fit (a message key and its words). */
    sealed interface Read {
        record Values(List<String> values) implements Read {}

        record Wrong(String reasonKey, List<String> details) implements Read {}
    }

    private static final Set<String> MICROSOFT_META = Set.of("id", "start time", "completion time", "email", "name", "last modified time",
            "total points", "quiz feedback", "language");

    private static final Set<String> GOOGLE_META = Set.of("timestamp", "email address", "score");

    private static final Set<String> SURVEYMONKEY_META = Set.of("respondent id", "collector id", "start date", "end date", "ip address",
            "email address", "first name", "last name");

    private static final ZoneId UK = SheetRows.UK;

    private ResponseExports() {}

    /** The tool, told apart by the columns each one always writes first; empty for anything else. */
    static Optional<Tool> detect(List<String> header) {
        List<String> h = header.stream().map(ResponseExports::clean).toList();
        if (h.size() >= 5 && h.subList(0, 5).equals(List.of("id", "start time", "completion time", "email", "name"))) {
            return Optional.of(Tool.MICROSOFT_FORMS);
        }
        if (h.contains("respondent id") && h.contains("start date") && h.contains("end date")) {
            return Optional.of(Tool.SURVEYMONKEY);
        }
        if (!h.isEmpty() && h.getFirst().equals("timestamp")) {
            return Optional.of(Tool.GOOGLE_FORMS);
        }
        return Optional.empty();
    }

    /**
     * The layout of an export from its first rows (blank rows already left out: the header, and for
     * SurveyMonkey the row of choices under it). Empty when no tool is recognised, or it has no questions.
     */
    static Optional<Layout> layout(int firstRow, List<String> header, @Nullable List<String> second) {
        Optional<Tool> found = detect(header);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tool tool = found.get();
        List<String> h = header.stream().map(ResponseExports::clean).toList();
        List<Asked> asked = new ArrayList<>();
        int time;
        int id;
        switch (tool) {
            case MICROSOFT_FORMS -> {
                time = h.indexOf("completion time");
                id = h.indexOf("id");
                for (int c = 0; c < h.size(); c++) {
                    String name = h.get(c);
                    if (!name.isEmpty() && !MICROSOFT_META.contains(name) && !name.startsWith("points - ") && !name.startsWith("feedback - ")) {
                        asked.add(new Asked(header.get(c).strip(), List.of(c), List.of("")));
                    }
                }
            }
            case GOOGLE_FORMS -> {
                time = 0;
                id = -1;
                for (int c = 1; c < h.size(); c++) {
                    if (!h.get(c).isEmpty() && !GOOGLE_META.contains(h.get(c))) {
                        asked.add(new Asked(header.get(c).strip(), List.of(c), List.of("")));
                    }
                }
            }
            case SURVEYMONKEY -> {
                time = h.indexOf("end date");
                id = h.indexOf("respondent id");
                List<String> parts = second == null ? List.of() : second;
                int width = Math.max(h.size(), parts.size());
                for (int c = 0; c < width; c++) {
                    String name = c < h.size() ? h.get(c) : "";
                    if (name.isEmpty() || SURVEYMONKEY_META.contains(name) || name.startsWith("custom data")) {
                        continue;
                    }
                    // A question's header spans its choices' columns: the blank headers after it are its own.
                    List<Integer> columns = new ArrayList<>(List.of(c));
                    while (columns.getLast() + 1 < width && (columns.getLast() + 1 >= h.size() || h.get(columns.getLast() + 1).isEmpty())) {
                        columns.add(columns.getLast() + 1);
                    }
                    List<String> under = columns.stream().map(i -> i < parts.size() ? parts.get(i).strip() : "").toList();
                    asked.add(new Asked(header.get(c).strip(), List.copyOf(columns), under));
                    c = columns.getLast();
                }
            }
            default -> throw new IllegalStateException();
        }
        if (time < 0 || asked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Layout(tool, firstRow, tool == Tool.SURVEYMONKEY ? 2 : 1, time, id, List.copyOf(asked)));
    }

    /** The answer field a question of the export most likely goes to: the question with the same words, or none. */
    static Optional<String> proposal(Asked asked, List<Question> questions) {
        String words = words(asked.label());
        for (Question q : questions) {
            if (!mappable(q)) {
                continue;
            }
            if (words.equals(words(q.text())) || (q.textCy() != null && words.equals(words(q.textCy())))) {
                return Optional.of(q.fields().getFirst());
            }
            if (q.type() == QuestionType.BEFORE_AFTER && q.afterText() != null && words.equals(words(q.afterText()))) {
                return Optional.of(q.fields().get(1));
            }
        }
        return Optional.empty();
    }

    /** Whether answers from another tool can go to this question (the "about you" block keeps its own rules). */
    static boolean mappable(Question q) {
        return q.type() != QuestionType.ABOUT_YOU;
    }

    private static final List<DateTimeFormatter> MONTH_FIRST = formatters("M/d/uuuu h:mm:ss a", "M/d/uuuu h:mm a", "M/d/uuuu H:mm:ss",
            "M/d/uuuu H:mm");

    private static final List<DateTimeFormatter> DAY_FIRST = formatters("d/M/uuuu H:mm:ss", "d/M/uuuu H:mm", "d/M/uuuu h:mm:ss a");

    private static final List<DateTimeFormatter> YEAR_FIRST = formatters("uuuu/M/d h:mm:ss a", "uuuu/M/d H:mm:ss", "uuuu-M-d H:mm:ss",
            "uuuu-M-d H:mm", "uuuu-M-d'T'H:mm:ss", "uuuu-M-d'T'H:mm");

    private static List<DateTimeFormatter> formatters(String... patterns) {
        List<DateTimeFormatter> all = new ArrayList<>();
        for (String p : patterns) {
            all.add(new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT));
        }
        return all;
    }

    /**
     * When a response was sent, as the tool wrote it: a workbook date, an Excel serial, or text.
     * Times without a zone are UK time. Slashed dates are read month first for Microsoft Forms and
     * SurveyMonkey (which write US dates) and day first for Google Forms (a UK account's sheet).
     */
    static @Nullable OffsetDateTime time(Tool tool, String text, @Nullable OffsetDateTime cellDate) {
        if (cellDate != null) {
            return cellDate;
        }
        String t = text.strip();
        if (t.matches("\\d{5}(\\.\\d+)?")) {
            return SheetRows.fromSerial(Double.parseDouble(t), false);
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            // not an ISO time with its offset: try the ways the tools write it
        }
        ZoneId zone = UK;
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.endsWith(" GMT") || upper.endsWith(" UTC")) {
            zone = ZoneOffset.UTC;
            t = t.substring(0, t.length() - 4).strip();
        } else if (upper.endsWith(" BST")) {
            zone = ZoneOffset.ofHours(1);
            t = t.substring(0, t.length() - 4).strip();
        }
        List<DateTimeFormatter> order = new ArrayList<>(YEAR_FIRST);
        order.addAll(tool == Tool.GOOGLE_FORMS ? DAY_FIRST : MONTH_FIRST);
        order.addAll(tool == Tool.GOOGLE_FORMS ? MONTH_FIRST : DAY_FIRST);
        String time = t.replace("a.m.", "AM").replace("p.m.", "PM").replace("am", "AM").replace("pm", "PM");
        for (DateTimeFormatter f : order) {
            try {
                return ZonedDateTime.parse(time, f.withZone(zone)).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return null;
    }

    /**
     * One answer of the export as our values for one field of a question. {@code raw} holds the
     * non-blank cells of the export's question (one, or for SurveyMonkey one per choice ticked).
     */
    static Read convert(Question q, Tool tool, String column, List<String> raw) {
        List<String> given = raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty()) {
            return new Read.Values(List.of());
        }
        String text = String.join(" ", given);
        return switch (q.type()) {
            case RATING, BEFORE_AFTER -> {
                OptionalInt point = rating(text, q.options());
                if (point.isEmpty() && !q.optionsCy().isEmpty()) {
                    point = rating(text, q.optionsCy());
                }
                yield point.isPresent() ? new Read.Values(List.of(String.valueOf(point.getAsInt())))
                        : new Read.Wrong("form.import.refused.rating", List.of(column, text, String.valueOf(q.options().size())));
            }
            case SINGLE_CHOICE -> {
                int at = choice(text, q);
                yield at > 0 ? new Read.Values(List.of(String.valueOf(at))) : new Read.Wrong("form.import.refused.choice", List.of(column, text));
            }
            case MULTIPLE_CHOICE -> {
                List<String> pieces = given.size() > 1 ? given : split(given.getFirst(), tool, q);
                List<String> values = new ArrayList<>();
                for (String piece : pieces) {
                    int at = choice(piece, q);
                    if (at < 1) {
                        yield new Read.Wrong("form.import.refused.choice", List.of(column, piece));
                    }
                    if (!values.contains(String.valueOf(at))) {
                        values.add(String.valueOf(at));
                    }
                }
                yield new Read.Values(values);
            }
            case YES_NO -> switch (words(text)) {
                case "yes", "y", "true", "ie", "do", "oes" -> new Read.Values(List.of("yes"));
                case "no", "n", "false", "na", "nac oes" -> new Read.Values(List.of("no"));
                default -> new Read.Wrong("form.import.refused.yes-no", List.of(column, text));
            };
            case NUMBER -> new Read.Values(List.of(text.replace(",", "")));
            case SHORT_TEXT, LONG_TEXT -> new Read.Values(List.of(Normalizer.normalize(text, Normalizer.Form.NFC)));
            case DATE -> {
                LocalDate day = day(tool, text);
                yield day != null ? new Read.Values(List.of(day.toString())) : new Read.Wrong("form.import.refused.date", List.of(column, text));
            }
            case ABOUT_YOU -> new Read.Values(List.of());
        };
    }

    /** Scales people use in other tools, besides our presets, that a column of answers may be on. */
    static final List<List<String>> KNOWN_SCALES = List.of(
            List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
            List.of("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"),
            List.of("Never", "Rarely", "Sometimes", "Often", "Always"));

    /** What a file's column holds, gathered row by row when a new form is made from an export. */
    static final class Seen {
        static final int MOST = Question.MAX_OPTIONS;

        final java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        final java.util.LinkedHashMap<String, String> pieces = new java.util.LinkedHashMap<>();
        int answers;
        int pieceUses;
        boolean tooMany;
        boolean joined;
        boolean numbers = true;
        int longest;

        void add(Tool tool, List<String> raw) {
            List<String> given = raw.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (given.isEmpty()) {
                return;
            }
            answers++;
            String text = String.join(" ", given);
            longest = Math.max(longest, text.length());
            numbers &= text.matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
            if (values.size() <= MOST) {
                values.putIfAbsent(words(text), text);
            } else {
                tooMany = true;
            }
            String separator = tool == Tool.GOOGLE_FORMS ? ", " : tool == Tool.MICROSOFT_FORMS ? ";" : null;
            List<String> parts = separator != null && text.contains(separator)
                    ? java.util.Arrays.stream(text.split(java.util.regex.Pattern.quote(separator))).map(String::strip).filter(v -> !v.isEmpty()).toList()
                    : given;
            joined |= parts.size() > 1 || (tool == Tool.MICROSOFT_FORMS && text.endsWith(";"));
            for (String part : parts) {
                pieceUses++;
                if (pieces.size() <= MOST) {
                    pieces.putIfAbsent(words(part), part);
                }
            }
        }
    }

    /**
     * A question for one of an export's questions, when a new form is made from the export: a rating
     * where its answers are numbers up to 10, stars or the words of a known scale; a multiple choice
     * where they are lists of at most {@value Question#MAX_OPTIONS} choices (SurveyMonkey's columns per
     * choice, or answers joined as the tool joins them, the same pieces coming back); a single choice where at most that many
     * answers repeat; a number where all are numbers; otherwise long text.
     */
    static Question infer(Asked asked, Seen seen) {
        String text = asked.label().length() > Question.MAX_TEXT ? asked.label().substring(0, Question.MAX_TEXT) : asked.label();
        if (asked.columns().size() > 1) {
            List<String> choices = asked.parts().stream().filter(p -> !p.isBlank() && !p.equalsIgnoreCase("Response")
                    && !p.equalsIgnoreCase("Open-Ended Response")).map(ResponseExports::option).distinct().limit(Question.MAX_OPTIONS).toList();
            if (!choices.isEmpty()) {
                return question(QuestionType.MULTIPLE_CHOICE, text, choices, ScaleStyle.WORDS);
            }
        }
        List<String> distinct = new ArrayList<>(seen.values.values());
        if (seen.answers > 0 && !seen.tooMany) {
            List<String> worded = distinct.stream().filter(v -> !v.chars().allMatch(c -> c == '★') && !v.chars().allMatch(Character::isDigit)).toList();
            int highest = distinct.stream().filter(v -> !v.isEmpty() && v.length() < 3 && v.chars().allMatch(Character::isDigit))
                    .mapToInt(Integer::parseInt).max().orElse(0);
            boolean starsOrDigits = distinct.stream().allMatch(v -> !v.isEmpty() && (v.chars().allMatch(c -> c == '★')
                    || (v.length() < 3 && v.chars().allMatch(Character::isDigit))));
            if (!worded.isEmpty()) {
                for (List<String> scale : scales()) {
                    if (worded.stream().allMatch(v -> scale.stream().anyMatch(l -> words(l).equals(words(v))))) {
                        return question(QuestionType.RATING, text, scale, ScaleStyle.WORDS);
                    }
                }
            } else if (starsOrDigits && highest <= 10) {
                int points = Math.max(5, Math.max(highest, distinct.stream().filter(v -> v.startsWith("★")).mapToInt(String::length).max().orElse(0)));
                List<String> labels = java.util.stream.IntStream.rangeClosed(1, points).mapToObj(String::valueOf).toList();
                return question(QuestionType.RATING, text, labels, ScaleStyle.NUMBERS);
            }
        }
        // Joined answers are choices when the same few pieces come back again and again.
        if (seen.joined && seen.pieceUses > seen.pieces.size() && seen.pieces.size() <= Question.MAX_OPTIONS && seen.pieces.values().stream().allMatch(p -> p.length() <= 60)) {
            return question(QuestionType.MULTIPLE_CHOICE, text, seen.pieces.values().stream().map(ResponseExports::option).toList(), ScaleStyle.WORDS);
        }
        if (seen.answers > 0 && seen.numbers) {
            return question(QuestionType.NUMBER, text, List.of(), ScaleStyle.WORDS);
        }
        if (!seen.tooMany && seen.answers > distinct.size() && distinct.size() >= 2 && seen.longest <= 60) {
            return question(QuestionType.SINGLE_CHOICE, text, distinct.stream().map(ResponseExports::option).toList(), ScaleStyle.WORDS);
        }
        return question(QuestionType.LONG_TEXT, text, List.of(), ScaleStyle.WORDS);
    }

    private static List<List<String>> scales() {
        List<List<String>> all = new ArrayList<>(KNOWN_SCALES);
        for (ScalePreset p : ScalePreset.values()) {
            if (p.style() == ScaleStyle.WORDS) {
                all.add(p.labels());
            }
        }
        return all;
    }

    private static String option(String text) {
        return text.length() > Question.MAX_OPTION ? text.substring(0, Question.MAX_OPTION) : text;
    }

    private static Question question(QuestionType type, String text, List<String> options, ScaleStyle style) {
        return new Question(Question.newKey(), type, text, null, null, null, false, options, style, null, null, null, null);
    }

    /**
     * A multiple-choice answer written in one cell: Microsoft Forms joins the choices with ";" (and
     * ends with one), Google Forms with ", ". A choice whose own words hold ", " is put back together.
     */
    static List<String> split(String cell, Tool tool, Question q) {
        if (tool != Tool.GOOGLE_FORMS) {
            return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        List<String> pieces = new ArrayList<>();
        String current = "";
        for (String part : cell.split(", ")) {
            current = current.isEmpty() ? part : current + ", " + part;
            if (choice(current, q) > 0) {
                pieces.add(current);
                current = "";
            }
        }
        if (!current.isEmpty()) {
            // Not a choice even joined up: hand on its first piece, so the reason names it.
            pieces.add(current.split(", ")[0]);
        }
        return pieces;
    }

    /** The position (1 = first) of the choice with these words, in English or Welsh; 0 when none. */
    static int choice(String text, Question q) {
        String w = words(text);
        for (int i = 0; i < q.options().size(); i++) {
            if (words(q.options().get(i)).equals(w) || (i < q.optionsCy().size() && words(q.optionsCy().get(i)).equals(w))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static final List<DateTimeFormatter> DAYS = formatters("uuuu-M-d", "d/M/uuuu", "d MMM uuuu", "d MMMM uuuu");

    private static final List<DateTimeFormatter> US_DAYS = formatters("uuuu-M-d", "M/d/uuuu", "d MMM uuuu", "d MMMM uuuu");

    private static @Nullable LocalDate day(Tool tool, String text) {
        String t = text.strip();
        if (t.matches("\\d{5}(\\.\\d+)?")) {
            return SheetRows.fromSerial(Double.parseDouble(t), false).toLocalDate();
        }
        for (DateTimeFormatter f : tool == Tool.GOOGLE_FORMS ? DAYS : US_DAYS) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return null;
    }

    /**
     * A rating as a point 1..{@code scaleWords.size()}: a number ("4"), stars ("★★★★") or one of
     * the scale's words ("Strongly agree", any case). Empty when it is none of these or out of range.
     */
    static OptionalInt rating(String text, List<String> scaleWords) {
        String t = text.strip();
        int points = scaleWords.size();
        int value;
        if (!t.isEmpty() && t.chars().allMatch(c -> c == '★')) {
            value = t.length();
        } else if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 4) {
            value = Integer.parseInt(t);
        } else {
            value = 0;
            for (int i = 0; i < points; i++) {
                if (words(scaleWords.get(i)).equals(words(t))) {
                    value = i + 1;
                }
            }
        }
        return value >= 1 && value <= points ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** Words compared as people mean them: case, spacing, accents' encoding and end punctuation ignored. */
    static String words(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replaceAll("\\s+", " ").strip();
        return s.replaceAll("[\\s?.!:*]+$", "");
    }

    private static String clean(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
