package org.coproduction.impact.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.shared.document.Csv;
import org.coproduction.impact.shared.sheet.SheetRows;
import org.jspecify.annotations.Nullable;

/**
 * XLSForm, the spreadsheet form format of KoboToolbox and ODK (https://xlsform.org): a {@code survey}
 * sheet of questions, a {@code choices} sheet of their lists, an optional {@code settings} sheet.
 * Reading maps what it can to our question types and lists everything else with a reason, so
 * nothing is dropped silently; writing makes a file those tools open (issue #13).
 *
 * <p>Mapping: {@code select_one} to one choice (a rating scale with the {@code likert} appearance;
 * yes or no with a list whose names are exactly yes and no), {@code select_multiple} to several
 * choices, {@code integer} and {@code decimal} to a number, {@code text} to short text (long with the
 * {@code multiline} appearance), {@code date} to a date. Notes before the first question become the
 * introduction. {@code label::Welsh (cy)} and {@code hint::Welsh (cy)} become the Welsh words: the
 * second words of an organisation writing in English, the main ones of one writing in Welsh (whose
 * {@code ::English (en)} columns are then its second words).
 *
 * <p>Three columns are our own, written on export so a form comes back whole: {@code easy_read} (with
 * {@code ::Welsh (cy)}) for the easy-read words, {@code scale} (words, numbers or faces) for how a
 * rating is shown, and a pair of likert questions named {@code …_before} and {@code …_after} on one
 * list, read back as one before-and-after question. KoboToolbox and ODK ignore columns they do not
 * know, so the file still opens there.
 */
public final class XlsForm {

    /** Bigger than any form we make or take: anything larger is refused before it is opened. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    static final int MAX_ROWS = 2_000;

    /**
     * What the file may hold once unzipped. A real XLSForm is a few hundred kilobytes unzipped; a
     * small file that unzips to far more (a "zip bomb") is refused before POI holds it in memory.
     */
    static final long MAX_UNZIPPED = 40L * 1024 * 1024;

    private XlsForm() {}

    /** Something in the file that was not brought in (or not all of it), with the words that say why. */
    public record NotTaken(int row, String name, String reasonKey, List<String> args) {

        public NotTaken {
            args = List.copyOf(args);
        }
    }

    /** What reading a file gave. */
    public sealed interface Reading {}

    /** The whole file was refused; {@code messageKey} says why, beside the upload field. */
    public record Refused(String messageKey) implements Reading {}

    /**
     * The form the file describes. {@code title} is null when the file gives none (the caller uses the
     * file's name).
     */
    public record Read(@Nullable String title, @Nullable String titleCy, @Nullable String intro, @Nullable String introCy,
            List<Question> questions, List<NotTaken> notTaken) implements Reading {

        public Read {
            questions = List.copyOf(questions);
            notTaken = List.copyOf(notTaken);
        }

    }

    // ---------------------------------------------------------------------------------------
    // Reading

    private static final Set<String> AUTOMATIC = Set.of("start", "end", "today", "deviceid", "username", "phonenumber", "simserial",
            "subscriberid", "audit", "email", "start-geopoint", "background-audio", "imei", "uri:email", "uri:username");
    private static final Set<String> CALCULATED = Set.of("calculate", "hidden", "xml-external", "csv-external");
    private static final Set<String> TRUE = Set.of("yes", "true", "true()", "1", "y");
    private static final Set<String> FALSE = Set.of("", "no", "false", "false()", "0", "n");

    /** Reads an uploaded file. Never throws for a bad file: it is {@link Refused} with a reason. */
    public static Reading read(byte[] bytes) {
        return read(bytes, "en");
    }

    /**
     * The same, for an organisation writing its main words in {@code mainLanguage} ("en" or "cy"): the
     * columns in that language are its main words, and those in the other language its second words
     * ({@code textCy} and the like). Plain columns, such as {@code label}, are in the file's
     * {@code default_language} (English where it names none). So an organisation writing in Welsh reads
     * a file's {@code label::Welsh (cy)} as its questions and {@code label::English (en)} as their
     * English; a word the file gives in one language only is a main word.
     */
    public static Reading read(byte[] bytes, String mainLanguage) {
        Lang main = "cy".equals(mainLanguage) ? Lang.CY : Lang.EN;
        if (bytes.length == 0) {
            return new Refused("form.xlsform.error.empty-file");
        }
        if (bytes.length > MAX_BYTES) {
            return new Refused("form.xlsform.error.too-big");
        }
        // An .xlsx file is a zip: anything else (an old .xls, a CSV, a renamed picture) is not one.
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return new Refused("form.xlsform.error.not-xlsx");
        }
        if (!SheetRows.unzipsWithin(bytes, MAX_UNZIPPED)) {
            return new Refused("form.xlsform.error.too-much");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return read(book, main);
        } catch (IOException | RuntimeException e) {
            // POI reports a broken or foreign zip as one of several runtime exceptions.
            return new Refused("form.xlsform.error.not-xlsx");
        }
    }

    private static Reading read(Workbook book, Lang main) {
        Sheet settingsSheet = sheet(book, "settings");
        Table settings = settingsSheet == null ? null : Table.of(settingsSheet);
        // Plain columns (label, hint) are in the file's default language, English where it names none.
        Lang plain = settings == null || settings.lines().isEmpty() ? Lang.EN
                : java.util.Objects.requireNonNullElse(language(settings.lines().getFirst().get("default_language")), Lang.EN);
        Langs langs = new Langs(main, plain);
        Lang second = langs.second();
        Sheet survey = sheet(book, "survey");
        if (survey == null) {
            return new Refused("form.xlsform.error.no-survey");
        }
        Table rows = Table.of(survey);
        if (!rows.has("type")) {
            return rows.isEmpty() ? new Refused("form.xlsform.error.empty") : new Refused("form.xlsform.error.no-type");
        }
        Sheet choicesSheet = sheet(book, "choices");
        Map<String, List<Choice>> lists = choicesSheet == null ? null : choices(Table.of(choicesSheet), langs);

        List<Question> questions = new ArrayList<>();
        List<NotTaken> notTaken = new ArrayList<>();
        List<String> intro = new ArrayList<>();
        List<String> introCy = new ArrayList<>();
        int repeatDepth = 0;
        int inRepeat = 0;
        int repeatRow = 0;
        String repeatName = "";
        boolean anyRow = false;
        // The name and list of the question just taken when it is a rating named "…_before": the next
        // row, a rating on the same list named "…_after", makes the pair one before-and-after question.
        String pairBase = null;
        String pairList = null;
        for (Table.Line line : rows.lines()) {
            String before = pairBase;
            String beforeList = pairList;
            pairBase = null;
            pairList = null;
            String rawType = line.get("type").strip().replaceAll("\\s+", " ");
            String name = line.get("name").strip();
            if (rawType.isEmpty()) {
                if (!line.blank()) {
                    notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.no-type", List.of()));
                }
                continue;
            }
            anyRow = true;
            String[] parts = rawType.split(" ");
            String kind = parts[0].toLowerCase(Locale.ROOT);
            // "select one list" and "begin group" are written with a space as often as with "_".
            if (parts.length > 1 && (kind.equals("select") || kind.equals("begin") || kind.equals("end"))) {
                kind = kind + "_" + parts[1].toLowerCase(Locale.ROOT);
                parts = java.util.Arrays.copyOfRange(parts, 1, parts.length);
                parts[0] = kind;
            }
            if (kind.equals("begin_repeat")) {
                if (repeatDepth++ == 0) {
                    repeatRow = line.number();
                    repeatName = name;
                    inRepeat = 0;
                }
                continue;
            }
            if (kind.equals("end_repeat")) {
                if (repeatDepth > 0 && --repeatDepth == 0) {
                    notTaken.add(new NotTaken(repeatRow, repeatName, "form.xlsform.not-taken.repeat", List.of(String.valueOf(inRepeat))));
                }
                continue;
            }
            if (repeatDepth > 0) {
                if (!kind.startsWith("begin") && !kind.startsWith("end") && !AUTOMATIC.contains(kind) && !CALCULATED.contains(kind)) {
                    inRepeat++;
                }
                continue;
            }
            if (kind.equals("begin_group")) {
                notTaken.add(new NotTaken(line.number(), name, line.get("relevant").isBlank() ? "form.xlsform.not-taken.group"
                        : "form.xlsform.not-taken.group-relevant", List.of()));
                continue;
            }
            if (kind.equals("end_group")) {
                continue;
            }
            if (AUTOMATIC.contains(kind)) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.automatic", List.of(kind)));
                continue;
            }
            if (CALCULATED.contains(kind)) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.calculate", List.of()));
                continue;
            }
            String label = words(line, "label", main, langs);
            String labelCy = words(line, "label", second, langs);
            String hint = words(line, "hint", main, langs);
            String hintCy = words(line, "hint", second, langs);
            if (kind.equals("note")) {
                if (questions.isEmpty() && label != null) {
                    intro.add(label);
                    if (labelCy != null) {
                        introCy.add(labelCy);
                    }
                } else {
                    notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.note", List.of()));
                }
                continue;
            }
            String appearance = line.get("appearance").toLowerCase(Locale.ROOT);
            QuestionType type;
            List<Choice> choices = List.of();
            switch (kind) {
                case "integer", "decimal" -> type = QuestionType.NUMBER;
                case "text" -> type = appearance.contains("multiline") ? QuestionType.LONG_TEXT : QuestionType.SHORT_TEXT;
                case "date" -> type = QuestionType.DATE;
                case "select_one", "select_multiple" -> {
                    if (parts.length < 2) {
                        notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.no-list", List.of()));
                        continue;
                    }
                    String listName = parts[1];
                    if (lists == null) {
                        notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.no-choices-sheet", List.of(listName)));
                        continue;
                    }
                    List<Choice> list = lists.get(listName);
                    if (list == null || list.isEmpty()) {
                        notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.list-missing", List.of(listName)));
                        continue;
                    }
                    choices = list;
                    if (kind.equals("select_multiple")) {
                        type = QuestionType.MULTIPLE_CHOICE;
                    } else if (appearance.contains("likert")) {
                        type = QuestionType.RATING;
                    } else if (list.size() == 2 && list.get(0).name().equalsIgnoreCase("yes") && list.get(1).name().equalsIgnoreCase("no")) {
                        type = QuestionType.YES_NO;
                    } else {
                        type = QuestionType.SINGLE_CHOICE;
                    }
                    if (parts.length > 2 && parts[2].equalsIgnoreCase("or_other")) {
                        notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.or-other", List.of()));
                    }
                }
                default -> {
                    notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.type", List.of(parts[0])));
                    continue;
                }
            }
            if (label == null) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.no-label", List.of()));
                continue;
            }
            if (label.length() > Question.MAX_TEXT || (labelCy != null && labelCy.length() > Question.MAX_TEXT)) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.too-long", List.of(String.valueOf(Question.MAX_TEXT))));
                continue;
            }
            String lowerName = name.toLowerCase(Locale.ROOT);
            boolean pairsWithBefore = type == QuestionType.RATING && before != null && lowerName.equals(before + "_after")
                    && parts[1].equals(beforeList);
            if (!pairsWithBefore && questions.size() >= FormService.MAX_QUESTIONS) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.too-many",
                        List.of(String.valueOf(FormService.MAX_QUESTIONS))));
                continue;
            }
            List<String> options = type == QuestionType.YES_NO ? List.of() : choices.stream().map(Choice::label).toList();
            List<String> optionsCy = type == QuestionType.YES_NO || choices.stream().anyMatch(c -> c.labelCy() == null) ? List.of()
                    : choices.stream().map(Choice::labelCy).toList();
            if (options.size() > Question.MAX_OPTIONS) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.too-many-choices",
                        List.of(String.valueOf(Question.MAX_OPTIONS))));
                continue;
            }
            if (options.stream().anyMatch(o -> o.length() > Question.MAX_OPTION) || optionsCy.stream().anyMatch(o -> o.length() > Question.MAX_OPTION)) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.choice-too-long",
                        List.of(String.valueOf(Question.MAX_OPTION))));
                continue;
            }
            if (options.stream().distinct().count() != options.size()) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.choices-repeated", List.of()));
                continue;
            }
            if (type.hasOptions() && !options.isEmpty() && optionsCy.isEmpty() && choices.stream().anyMatch(c -> c.labelCy() != null)) {
                notTaken.add(new NotTaken(line.number(), name, main == Lang.CY ? "form.xlsform.not-taken.some-english-choices"
                        : "form.xlsform.not-taken.some-welsh-choices", List.of()));
            }
            // What the question keeps but cannot act on: each is listed, so nobody is surprised later.
            if (!line.get("relevant").isBlank()) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.relevant", List.of()));
            }
            if (!line.get("constraint").isBlank()) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.constraint", List.of()));
            }
            if (!line.get("choice_filter").isBlank()) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.choice-filter", List.of()));
            }
            if (!line.get("default").isBlank() || !line.get("calculation").isBlank()) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.default", List.of()));
            }
            String required = line.get("required").strip().toLowerCase(Locale.ROOT);
            if (!TRUE.contains(required) && !FALSE.contains(required)) {
                notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.required-logic", List.of()));
            }
            if (pairsWithBefore) {
                Question first = questions.removeLast();
                questions.add(new Question(key(before), QuestionType.BEFORE_AFTER, first.text(), first.hint(), first.easyReadText(), null,
                        first.required(), first.options(), first.scale(), label, easyRead(line, main, langs, notTaken, name), null, null,
                        first.textCy(), first.hintCy(), labelCy, first.optionsCy(), first.easyReadTextCy(),
                        easyRead(line, second, langs, notTaken, name)));
                continue;
            }
            ScaleStyle scale = type == QuestionType.RATING ? scale(line.get("scale")) : ScaleStyle.WORDS;
            Question q = new Question(key(name), type, label, hint, easyRead(line, main, langs, notTaken, name), null, TRUE.contains(required),
                    options, scale, null, null, null, null, labelCy, hintCy, null, optionsCy, easyRead(line, second, langs, notTaken, name), null);
            questions.add(q);
            if (type == QuestionType.RATING && lowerName.endsWith("_before")) {
                pairBase = lowerName.substring(0, lowerName.length() - "_before".length());
                pairList = parts[1];
            }
        }
        if (!anyRow) {
            return new Refused("form.xlsform.error.empty");
        }
        String title = null;
        String titleCy = null;
        if (settings != null && !settings.lines().isEmpty()) {
            Table.Line first = settings.lines().getFirst();
            title = blankToNull(words(first, "form_title", main, langs));
            titleCy = blankToNull(words(first, "form_title", second, langs));
        }
        return new Read(cut(title, FormService.MAX_TITLE), cut(titleCy, FormService.MAX_TITLE),
                cut(intro.isEmpty() ? null : String.join("\n\n", intro), FormService.MAX_INTRO),
                cut(introCy.isEmpty() ? null : String.join("\n\n", introCy), FormService.MAX_INTRO), questions, notTaken);
    }

    /** The easy-read words in one language, if given and short enough; longer ones are left out and listed. */
    private static @Nullable String easyRead(Table.Line line, Lang lang, Langs langs, List<NotTaken> notTaken, String name) {
        String words = words(line, "easy_read", lang, langs);
        if (words != null && words.length() > Question.MAX_TEXT) {
            notTaken.add(new NotTaken(line.number(), name, "form.xlsform.not-taken.easy-read-too-long",
                    List.of(String.valueOf(Question.MAX_TEXT))));
            return null;
        }
        return words;
    }

    /** Our {@code scale} column: words, numbers or faces; anything else (or nothing) is words. */
    private static ScaleStyle scale(String cell) {
        for (ScaleStyle style : ScaleStyle.values()) {
            if (style.name().equalsIgnoreCase(cell.strip())) {
                return style;
            }
        }
        return ScaleStyle.WORDS;
    }

    /** Our key from the file's name for the question, where it makes one; otherwise a new key is given. */
    static String key(String name) {
        String k = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return k.matches("[a-z0-9-]{1,36}") ? k : "";
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Choice(String name, String label, @Nullable String labelCy) {}

    private static Map<String, List<Choice>> choices(Table table, Langs langs) {
        Map<String, List<Choice>> lists = new HashMap<>();
        String listColumn = table.has("list_name") ? "list_name" : "list name";
        for (Table.Line line : table.lines()) {
            String list = line.get(listColumn).strip();
            String name = line.get("name").strip();
            if (list.isEmpty()) {
                continue;
            }
            String label = words(line, "label", langs.main(), langs);
            String labelCy = words(line, "label", langs.second(), langs);
            lists.computeIfAbsent(list, l -> new ArrayList<>()).add(new Choice(name, label == null ? name : label, labelCy));
        }
        return lists;
    }

    private enum Lang {
        EN,
        CY
    }

    private static final Pattern CODE = Pattern.compile("\\(([a-z-]+)\\)\\s*$");

    /** The language a column is in, from its name after "::": "English (en)", "Welsh (cy)", "Cymraeg", "en". */
    private static @Nullable Lang language(String suffix) {
        Matcher m = CODE.matcher(suffix);
        String code = m.find() ? m.group(1) : suffix.strip();
        if (code.equals("en") || code.startsWith("en-") || code.startsWith("english")) {
            return Lang.EN;
        }
        if (code.equals("cy") || code.startsWith("cy-") || code.startsWith("welsh") || code.startsWith("cymraeg")) {
            return Lang.CY;
        }
        return null;
    }

    /**
     * The organisation's main language, and the language of the file's plain columns (its
     * {@code default_language}, English where it names none).
     */
    private record Langs(Lang main, Lang plain) {

        Lang second() {
            return main == Lang.EN ? Lang.CY : Lang.EN;
        }
    }

    /**
     * The words of a column ({@code label}, {@code hint}) as the organisation's main words
     * ({@code lang} is {@link Langs#main}) or second words. The main words are the ones in the main
     * language, or where the file gives none in it, those in the other (a file in English only still
     * gives an organisation writing in Welsh its questions); the second words are the other language's,
     * only beside main words in the main language.
     */
    private static @Nullable String words(Table.Line line, String base, Lang lang, Langs langs) {
        String main = in(line, base, langs.main(), langs);
        if (lang == langs.main()) {
            return main != null ? main : in(line, base, langs.second(), langs);
        }
        return main != null ? in(line, base, langs.second(), langs) : null;
    }

    /** The words of a column in one language: its {@code ::language} column, or the plain one when that is the file's default language. */
    private static @Nullable String in(Table.Line line, String base, Lang lang, Langs langs) {
        String found = null;
        for (Map.Entry<String, String> cell : line.cells().entrySet()) {
            String header = cell.getKey();
            if (header.startsWith(base + "::") && language(header.substring(base.length() + 2)) == lang) {
                found = blankToNull(cell.getValue());
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null && lang == langs.plain()) {
            found = blankToNull(line.get(base));
        }
        return found;
    }

    private static @Nullable Sheet sheet(Workbook book, String name) {
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            if (book.getSheetName(i).strip().equalsIgnoreCase(name)) {
                return book.getSheetAt(i);
            }
        }
        return null;
    }

    /** A sheet read as a header row and lines of cells by header (headers lower-cased, spaces tidied). */
    private record Table(List<String> headers, List<Line> lines) {

        record Line(int number, Map<String, String> cells) {

            String get(String header) {
                return cells.getOrDefault(header, "");
            }

            boolean blank() {
                return cells.values().stream().allMatch(String::isBlank);
            }
        }

        boolean has(String header) {
            return headers.contains(header);
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        static Table of(Sheet sheet) {
            DataFormatter format = new DataFormatter(Locale.UK);
            format.setUseCachedValuesForFormulaCells(true);
            List<String> headers = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            Row head = null;
            int first = sheet.getFirstRowNum();
            int last = Math.min(sheet.getLastRowNum(), first + MAX_ROWS);
            int r = Math.max(first, 0);
            // The header is the first row with anything in it.
            for (; r <= last && head == null; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getLastCellNum() > 0) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && !format.formatCellValue(cell).isBlank()) {
                            head = row;
                            break;
                        }
                    }
                }
            }
            if (head == null) {
                return new Table(List.of(), List.of());
            }
            for (int c = 0; c < head.getLastCellNum(); c++) {
                Cell cell = head.getCell(c);
                headers.add(cell == null ? "" : header(format.formatCellValue(cell)));
            }
            for (; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    if (headers.get(c).isEmpty() || cells.containsKey(headers.get(c))) {
                        continue;
                    }
                    Cell cell = row.getCell(c);
                    cells.put(headers.get(c), cell == null ? "" : format.formatCellValue(cell).strip());
                }
                Line line = new Line(r + 1, cells);
                if (!line.blank()) {
                    lines.add(line);
                }
            }
            return new Table(List.copyOf(headers), List.copyOf(lines));
        }

        /** "Label :: Welsh (cy)" and "label::welsh (cy)" are the same column; so are "List Name" and "list_name". */
        static String header(String raw) {
            String h = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*::\\s*", "::").replaceAll("\\s+", " ");
            int sep = h.indexOf("::");
            String base = sep < 0 ? h : h.substring(0, sep);
            base = base.replace(' ', '_');
            return sep < 0 ? base : base + h.substring(sep);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Writing

    /**
     * The form as an XLSForm file: survey, choices and settings sheets, with Welsh columns where the form
     * has Welsh, and our own {@code easy_read} and {@code scale} columns where the form uses them.
     */
    public static byte[] write(Form form) {
        return write(form, "en");
    }

    /**
     * The same, for an organisation writing its main words in {@code mainLanguage} ("en" or "cy"): for
     * one writing in Welsh, the main words go in the {@code ::Welsh (cy)} columns and the second in the
     * {@code ::English (en)} ones, and the file's default language is Welsh.
     */
    public static byte[] write(Form form, String mainLanguage) {
        boolean welshFirst = "cy".equals(mainLanguage);
        boolean welsh = form.hasWelsh();
        boolean easyRead = form.questions().stream().anyMatch(q -> q.easyReadText() != null || q.easyReadAfterText() != null);
        boolean easyReadCy = form.questions().stream().anyMatch(q -> q.easyReadTextCy() != null || q.easyReadAfterTextCy() != null);
        boolean scales = form.questions().stream().anyMatch(q -> q.type().isScale() && q.scale() != ScaleStyle.WORDS);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet survey = book.createSheet("survey");
            Sheet choices = book.createSheet("choices");
            Sheet settings = book.createSheet("settings");
            List<String> surveyHead = new ArrayList<>(List.of(TYPE, NAME, LABEL, HINT));
            if (welsh) {
                surveyHead.addAll(List.of(LABEL_CY, HINT_CY));
            }
            surveyHead.addAll(List.of(REQUIRED, APPEARANCE));
            if (easyRead) {
                surveyHead.add(EASY_READ);
            }
            if (easyReadCy) {
                surveyHead.add(EASY_READ_CY);
            }
            if (scales) {
                surveyHead.add(SCALE);
            }
            line(survey, 0, headers(surveyHead, welshFirst));
            List<String> choicesHead = new ArrayList<>(List.of("list_name", "name", LABEL));
            if (welsh) {
                choicesHead.add(LABEL_CY);
            }
            line(choices, 0, headers(choicesHead, welshFirst));
            int s = 1;
            int c = 1;
            boolean yesNo = false;
            if (form.intro() != null) {
                s = surveyLine(survey, s, surveyHead, cells("note", "intro", form.intro(), null, form.introCy(), null, false, ""));
            }
            for (Question q : form.questions()) {
                String name = "q_" + q.key().replace('-', '_');
                String list = name;
                Map<String, String> cells = cells("", name, q.text(), q.hint(), q.textCy(), q.hintCy(), q.required(), "");
                cells.put(EASY_READ, orEmpty(q.easyReadText()));
                cells.put(EASY_READ_CY, orEmpty(q.easyReadTextCy()));
                if (q.type().isScale()) {
                    cells.put(SCALE, q.scale().name().toLowerCase(Locale.ROOT));
                    cells.put(APPEARANCE, "likert");
                }
                switch (q.type()) {
                    case RATING, SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                        cells.put(TYPE, (q.type() == QuestionType.MULTIPLE_CHOICE ? "select_multiple " : "select_one ") + list);
                        s = surveyLine(survey, s, surveyHead, cells);
                        c = choiceLines(choices, c, welsh, list, q.options(), q.optionsCy());
                    }
                    case BEFORE_AFTER -> {
                        // XLSForm has no pair, so "before" and "now" are two ratings on one list, read back as one pair.
                        cells.put(TYPE, "select_one " + list);
                        cells.put(NAME, name + "_before");
                        s = surveyLine(survey, s, surveyHead, cells);
                        Map<String, String> after = cells("select_one " + list, name + "_after",
                                q.afterText() == null ? q.text() : q.afterText(), null, q.afterTextCy(), null, q.required(), "likert");
                        after.put(EASY_READ, orEmpty(q.easyReadAfterText()));
                        after.put(EASY_READ_CY, orEmpty(q.easyReadAfterTextCy()));
                        after.put(SCALE, cells.get(SCALE));
                        s = surveyLine(survey, s, surveyHead, after);
                        c = choiceLines(choices, c, welsh, list, q.options(), q.optionsCy());
                    }
                    case YES_NO -> {
                        cells.put(TYPE, "select_one yes_no");
                        s = surveyLine(survey, s, surveyHead, cells);
                        yesNo = true;
                    }
                    case NUMBER -> {
                        cells.put(TYPE, "decimal");
                        s = surveyLine(survey, s, surveyHead, cells);
                    }
                    case SHORT_TEXT, LONG_TEXT -> {
                        cells.put(TYPE, "text");
                        cells.put(APPEARANCE, q.type() == QuestionType.LONG_TEXT ? "multiline" : "");
                        s = surveyLine(survey, s, surveyHead, cells);
                    }
                    case DATE -> {
                        cells.put(TYPE, "date");
                        s = surveyLine(survey, s, surveyHead, cells);
                    }
                    // The "about you" block is our own (census categories kept apart); XLSForm tools have no place for it.
                    case ABOUT_YOU -> { }
                }
            }
            if (yesNo) {
                c = choiceLines(choices, c, welsh, "yes_no", welshFirst ? List.of("Ie", "Na") : List.of("Yes", "No"),
                        welshFirst ? List.of("Yes", "No") : List.of("Ie", "Na"), List.of("yes", "no"));
            }
            List<String> settingsHead = new ArrayList<>(List.of("form_title", "form_id", "default_language"));
            List<String> settingsLine = new ArrayList<>(List.of(form.title(), "form_" + form.id().toString().substring(0, 8),
                    welshFirst ? "Welsh (cy)" : "English (en)"));
            if (welshFirst) {
                // The plain title is in the default language (Welsh); it is named Welsh too, so a reader
                // that takes plain columns as English still finds the Welsh, and the English is the second.
                settingsHead.add("form_title::Welsh (cy)");
                settingsLine.add(form.title());
                if (form.titleCy() != null) {
                    settingsHead.add("form_title::English (en)");
                    settingsLine.add(form.titleCy());
                }
            } else if (form.titleCy() != null) {
                settingsHead.add("form_title::Welsh (cy)");
                settingsLine.add(form.titleCy());
            }
            line(settings, 0, settingsHead);
            line(settings, 1, settingsLine);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The header line as written: the main words' columns are named English and the second words'
     * Welsh, the other way round for an organisation writing in Welsh.
     */
    private static List<String> headers(List<String> head, boolean welshFirst) {
        if (!welshFirst) {
            return head;
        }
        return head.stream().map(h -> h.endsWith("::English (en)") ? h.replace("::English (en)", "::Welsh (cy)")
                : h.endsWith("::Welsh (cy)") ? h.replace("::Welsh (cy)", "::English (en)") : h).toList();
    }

    private static final String TYPE = "type";
    private static final String NAME = "name";
    private static final String LABEL = "label::English (en)";
    private static final String HINT = "hint::English (en)";
    private static final String LABEL_CY = "label::Welsh (cy)";
    private static final String HINT_CY = "hint::Welsh (cy)";
    private static final String REQUIRED = "required";
    private static final String APPEARANCE = "appearance";
    private static final String EASY_READ = "easy_read::English (en)";
    private static final String EASY_READ_CY = "easy_read::Welsh (cy)";
    private static final String SCALE = "scale";

    /** A survey line's cells by column; columns the sheet does not have are left out when it is written. */
    private static Map<String, String> cells(String type, String name, String label, @Nullable String hint, @Nullable String labelCy,
            @Nullable String hintCy, boolean required, String appearance) {
        Map<String, String> cells = new HashMap<>();
        cells.put(TYPE, type);
        cells.put(NAME, name);
        cells.put(LABEL, label);
        cells.put(HINT, orEmpty(hint));
        cells.put(LABEL_CY, orEmpty(labelCy));
        cells.put(HINT_CY, orEmpty(hintCy));
        cells.put(REQUIRED, required ? "yes" : "");
        cells.put(APPEARANCE, appearance);
        return cells;
    }

    private static int surveyLine(Sheet sheet, int row, List<String> head, Map<String, String> cells) {
        line(sheet, row, head.stream().map(h -> cells.getOrDefault(h, "")).toList());
        return row + 1;
    }

    private static int choiceLines(Sheet sheet, int row, boolean welsh, String list, List<String> labels, List<String> labelsCy) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= labels.size(); i++) {
            names.add(String.valueOf(i));
        }
        return choiceLines(sheet, row, welsh, list, labels, labelsCy, names);
    }

    private static int choiceLines(Sheet sheet, int row, boolean welsh, String list, List<String> labels, List<String> labelsCy,
            List<String> names) {
        for (int i = 0; i < labels.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(list, names.get(i), labels.get(i)));
            if (welsh) {
                cells.add(labelsCy.size() == labels.size() ? labelsCy.get(i) : "");
            }
            line(sheet, row++, cells);
        }
        return row;
    }

    /**
     * One line of a sheet, every cell text. Text a spreadsheet could read as a formula (a title or
     * label starting with = + - @, a tab or a carriage return) gets Excel's quote prefix, a style
     * that keeps it text even when the cell is edited, without changing the value read back on import
     * (found by the malicious input suite: this was the one export without it).
     */
    private static void line(Sheet sheet, int row, List<String> cells) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = r.createCell(i);
            cell.setCellValue(cells.get(i));
            if (Csv.couldRun(cells.get(i))) {
                cell.setCellStyle(quoted(sheet.getWorkbook()));
            }
        }
    }

    /** The workbook's one quote-prefixed style, made the first time it is needed. */
    private static CellStyle quoted(Workbook book) {
        for (int i = 0; i < book.getNumCellStyles(); i++) {
            CellStyle style = book.getCellStyleAt(i);
            if (style.getQuotePrefixed()) {
                return style;
            }
        }
        CellStyle style = book.createCellStyle();
        style.setQuotePrefixed(true);
        return style;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
