package org.coproduction.impact.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads a spreadsheet of past activity and attendance (issue #13): a CSV or XLSX file with a date, an
 * activity and either names (one a row, or a list in one cell) or a count of people. Rows are handed
 * on one at a time as they are read, each an activity row or a refused row with a plain reason;
 * nothing here knows about the database. Header spellings people use are accepted ("Date of session",
 * "Attendees", "No. of people", Welsh "Dyddiad"), as are Excel serial dates, dd/mm/yyyy, byte-order
 * marks, semicolon or tab separated files and files saved as Windows-1252.
 */
public final class AttendanceSheet {

    /** Largest file taken: about 300,000 rows of a typical sheet, within the upload limit. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /**
     * Most an .xlsx may hold once unzipped: 300,000 rows of a typical sheet are about 40 MB of XML.
     * POI reads the whole sheet into memory and, by default, refuses only zips that inflate more than
     * 100 times; a 10 MB file inflating 90 times (900 MB) would still be read. Checked first, so a
     * zip bomb or a huge shared-strings part is refused in a fraction of a second with a plain reason.
     */
    static final long MAX_UNZIPPED = 50L * 1024 * 1024;

    /** What one row gave. {@code row} is the row number as a spreadsheet shows it (the header is row 1). */
    public sealed interface Line {
        int row();
    }

    /** An activity row: names as written (maybe none), and the count of people if the file gave one. */
    public record Taken(int row, LocalDate on, String activity, List<String> names, @Nullable Integer count) implements Line {}

    /** A row that cannot be brought in; {@code reasonKey} is a message taking {@code detail} as {0}. */
    public record Refused(int row, String reasonKey, String detail) implements Line {}

    /** Why a whole file cannot be read, or null when it was read. */
    public record Outcome(@Nullable String refusedKey, int rows) {
        public boolean refused() {
            return refusedKey != null;
        }
    }

    enum Column { DATE, ACTIVITY, NAMES, COUNT }

    private static final Map<String, Column> HEADERS = new HashMap<>();

    static {
        for (String h : List.of("date", "activity date", "session date", "date of session", "date of activity", "date of event", "event date",
                "when", "day", "dyddiad")) {
            HEADERS.put(h, Column.DATE);
        }
        for (String h : List.of("activity", "activity name", "name of activity", "session", "session name", "event", "event name", "title",
                "what", "group", "meeting", "gweithgaredd", "gweithgarwch", "sesiwn", "digwyddiad")) {
            HEADERS.put(h, Column.ACTIVITY);
        }
        for (String h : List.of("name", "names", "attendee", "attendees", "participant", "participants", "person", "people attending",
                "who came", "who attended", "attended", "member", "members", "full name", "enw", "enwau", "pwy ddaeth")) {
            HEADERS.put(h, Column.NAMES);
        }
        for (String h : List.of("count", "number", "number of people", "no of people", "number attending", "numbers", "attendance",
                "how many", "people", "headcount", "head count", "total", "nifer", "nifer o bobl")) {
            HEADERS.put(h, Column.COUNT);
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("d/M/uu"), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private AttendanceSheet() {}

    /** A header as people write it, reduced to plain lower-case words: "No. of People:" is "no of people". */
    static String header(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw.replace("\uFEFF", ""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\(.*?\\)", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s;
    }

    /** A name as it is matched: surrounding spaces and case ignored, accents kept (ŵ is not w). */
    public static String matchKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Names in one cell: separated by semicolons, commas, new lines or bars. */
    static List<String> names(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;,\\n\\r|]+")).map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.length() > RecordLimits.NAME ? n.substring(0, RecordLimits.NAME) : n).toList();
    }

    /** Reads the file, handing each row on as it goes. */
    public static Outcome read(String filename, byte[] bytes, LocalDate today, Consumer<Line> sink) {
        if (bytes.length == 0) {
            return new Outcome("record.import.file.empty", 0);
        }
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K';
        if (zip) {
            if (!unzipsWithinLimit(bytes)) {
                return new Outcome("record.import.file.too-much", 0);
            }
            return readXlsx(bytes, today, sink);
        }
        if (filename.toLowerCase(Locale.ROOT).endsWith(".xls") || (bytes.length > 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF)) {
            return new Outcome("record.import.file.old-excel", 0);
        }
        return readCsv(text(bytes), today, sink);
    }

    /** Inflates the zip's entries, counting, and stops as soon as they pass {@link #MAX_UNZIPPED}. */
    private static boolean unzipsWithinLimit(byte[] bytes) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNZIPPED) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // Not a readable zip: POI says so next, as "could not be read".
            return true;
        }
    }

    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static Outcome readCsv(String text, LocalDate today, Consumer<Line> sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreSurroundingSpaces(true).get();
        try (Reader in = new StringReader(text); CSVParser parser = CSVParser.parse(in, format)) {
            Rows rows = new Rows(today, sink);
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>(r.size());
                r.forEach(cells::add);
                String refused = rows.next((int) r.getRecordNumber(), cells, null);
                if (refused != null) {
                    return new Outcome(refused, 0);
                }
            }
            return rows.end();
        } catch (IOException | RuntimeException e) {
            return new Outcome("record.import.file.unreadable", 0);
        }
    }

    private static Outcome readXlsx(byte[] bytes, LocalDate today, Consumer<Line> sink) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            boolean date1904 = book instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x && x.isDate1904();
            DataFormatter formatter = new DataFormatter(Locale.UK);
            Rows rows = new Rows(today, sink);
            for (Row row : sheet) {
                int last = Math.max(row.getLastCellNum(), 0);
                List<String> cells = new ArrayList<>(last);
                List<@Nullable LocalDate> dates = new ArrayList<>(last);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    LocalDate date = null;
                    String value = "";
                    if (cell != null) {
                        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            date = fromSerial(cell.getNumericCellValue(), date1904);
                        }
                        value = formatter.formatCellValue(cell, null);
                        if (type == CellType.NUMERIC && date == null) {
                            double d = cell.getNumericCellValue();
                            value = d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
                        }
                    }
                    cells.add(value);
                    dates.add(date);
                }
                String refused = rows.next(row.getRowNum() + 1, cells, dates);
                if (refused != null) {
                    return new Outcome(refused, 0);
                }
            }
            return rows.end();
        } catch (IOException | RuntimeException e) {
            return new Outcome("record.import.file.unreadable", 0);
        }
    }

    /** The rows after the header, read the same way whichever file they came from. */
    private static final class Rows {
        private final LocalDate today;
        private final Consumer<Line> sink;
        private @Nullable Map<Column, Integer> columns;
        private int rows;

        Rows(LocalDate today, Consumer<Line> sink) {
            this.today = today;
            this.sink = sink;
        }

        /** Null, or why the whole file is refused. */
        @Nullable String next(int number, List<String> cells, @Nullable List<@Nullable LocalDate> dates) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return null;
            }
            if (columns == null) {
                Map<Column, Integer> found = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    Column c = HEADERS.get(header(cells.get(i)));
                    if (c != null) {
                        found.putIfAbsent(c, i);
                    }
                }
                if (found.isEmpty()) {
                    // A title row above the header (merged cells, "Attendance 2024"): look at the next row.
                    return number > 5 ? "record.import.file.no-header" : null;
                }
                if (!found.containsKey(Column.DATE)) {
                    return "record.import.file.no-date-column";
                }
                if (!found.containsKey(Column.ACTIVITY)) {
                    return "record.import.file.no-activity-column";
                }
                if (!found.containsKey(Column.NAMES) && !found.containsKey(Column.COUNT)) {
                    return "record.import.file.no-people-column";
                }
                columns = found;
                return null;
            }
            rows++;
            sink.accept(line(number, cells, dates));
            return null;
        }

        private String cell(List<String> cells, Column column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).strip();
        }

        private Line line(int number, List<String> cells, @Nullable List<@Nullable LocalDate> dates) {
            String dateText = cell(cells, Column.DATE);
            int dateAt = columns.get(Column.DATE);
            LocalDate on = dates != null && dateAt < dates.size() ? dates.get(dateAt) : null;
            if (on == null) {
                if (dateText.isEmpty()) {
                    return new Refused(number, "record.import.refused.no-date", "");
                }
                on = date(dateText);
                if (on == null) {
                    return new Refused(number, "record.import.refused.date", dateText);
                }
            }
            if (on.isAfter(today)) {
                return new Refused(number, "record.import.refused.future", on.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            }
            if (on.isBefore(today.minusYears(RecordLimits.MAX_YEARS_BACK))) {
                return new Refused(number, "record.import.refused.too-old", on.toString());
            }
            String activity = cell(cells, Column.ACTIVITY).replaceAll("\\s+", " ");
            if (activity.isEmpty()) {
                return new Refused(number, "record.import.refused.no-activity", "");
            }
            if (activity.length() > RecordLimits.TITLE) {
                return new Refused(number, "record.import.refused.activity-too-long", String.valueOf(RecordLimits.TITLE));
            }
            Integer count = null;
            String countText = cell(cells, Column.COUNT);
            if (!countText.isEmpty()) {
                try {
                    count = Integer.valueOf(countText.replaceAll("\\.0+$", ""));
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count < 0 || count > RecordLimits.MAX_OTHERS) {
                    return new Refused(number, "record.import.refused.count", countText);
                }
            }
            List<String> names = names(cell(cells, Column.NAMES));
            if (names.isEmpty() && count == null) {
                return new Refused(number, "record.import.refused.no-people", "");
            }
            return new Taken(number, on, activity, names, count);
        }

        Outcome end() {
            if (columns == null) {
                return new Outcome("record.import.file.no-header", 0);
            }
            return new Outcome(null, rows);
        }
    }

    /**
     * An Excel date serial: days since 30 December 1899 (Excel's 1900 system, whose false 29 February
     * 1900 only moves dates before March 1900), or since 1 January 1904 in a workbook using that system.
     */
    static LocalDate fromSerial(double serial, boolean date1904) {
        long days = (long) Math.floor(serial);
        return date1904 ? LocalDate.of(1904, 1, 1).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
    }

    /** A date as people type it, or an Excel serial number (days since 30 December 1899); null if unreadable. */
    static @Nullable LocalDate date(String text) {
        String t = text.strip();
        if (t.matches("\\d{5}(\\.\\d+)?")) {
            return fromSerial(Double.parseDouble(t), false);
        }
        t = t.replaceAll("[T ]\\d{1,2}:\\d{2}(:\\d{2})?.*$", "");
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return null;
    }
}
