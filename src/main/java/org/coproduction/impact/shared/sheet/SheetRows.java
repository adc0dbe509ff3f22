package org.coproduction.impact.shared.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads a spreadsheet people bring, a CSV or the first sheet of an XLSX workbook, handing on one row
 * at a time as it is read. CSV files are read as Excel and other tools save them: UTF-8 with or
 * without a byte-order mark (Windows-1252 when they are not UTF-8), separated by commas, semicolons
 * or tabs (told from the first line). In a workbook, a number is given as plain digits ("4",
 * "46085.4271") and a cell formatted as a date also as the date and time it shows, taken as UK time
 * (a workbook keeps no time zone). Old .xls files
 * are refused with their own reason, as they need saving again.
 */
public final class SheetRows {

    /** One row: its number as a spreadsheet shows it (the first row is 1), its cells as text, and dates where a cell held one. */
    @FunctionalInterface
    public interface Sink {
        /** Takes a row; returns null to go on, or the message key of why the whole file is refused. */
        @Nullable String row(int number, List<String> cells, List<@Nullable OffsetDateTime> dates);
    }

    /** Why a file could not be read at all, or null when every row was handed on. */
    public record Outcome(@Nullable String refusedKey) {
        public boolean refused() {
            return refusedKey != null;
        }
    }

    /** The reasons this class gives (the caller's messages name them, with its own prefix). */
    public static final String EMPTY = "empty";
    public static final String OLD_EXCEL = "old-excel";
    public static final String UNREADABLE = "unreadable";

    private SheetRows() {}

    /** Reads the file; {@code reasons} is the prefix of the caller's message keys (for example "record.import.file."). */
    public static Outcome read(String filename, byte[] bytes, String reasons, Sink sink) {
        if (bytes.length == 0) {
            return new Outcome(reasons + EMPTY);
        }
        if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
            return readXlsx(bytes, reasons, sink);
        }
        if (filename.toLowerCase(Locale.ROOT).endsWith(".xls") || (bytes.length > 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF)) {
            return new Outcome(reasons + OLD_EXCEL);
        }
        return readCsv(text(bytes), reasons, sink);
    }

    /** Whether the file is a workbook (its rows cannot be counted before reading). */
    public static boolean isWorkbook(byte[] bytes) {
        return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    /** Lines in a CSV file (an upper bound on its rows, for showing progress). */
    public static int lines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The file's text: UTF-8 (a byte-order mark dropped), or Windows-1252 when it is not UTF-8. */
    public static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static char delimiter(String text) {
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

    private static Outcome readCsv(String text, String reasons, Sink sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreSurroundingSpaces(true).get();
        try (Reader in = new StringReader(text); CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>(r.size());
                r.forEach(cells::add);
                List<@Nullable OffsetDateTime> dates = new ArrayList<>(cells.size());
                cells.forEach(c -> dates.add(null));
                String refused = sink.row((int) r.getRecordNumber(), cells, dates);
                if (refused != null) {
                    return new Outcome(refused);
                }
            }
            return new Outcome(null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(reasons + UNREADABLE);
        }
    }

    private static Outcome readXlsx(byte[] bytes, String reasons, Sink sink) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            boolean date1904 = book instanceof XSSFWorkbook x && x.isDate1904();
            DataFormatter formatter = new DataFormatter(Locale.UK);
            for (Row row : sheet) {
                int last = Math.max(row.getLastCellNum(), 0);
                List<String> cells = new ArrayList<>(last);
                List<@Nullable OffsetDateTime> dates = new ArrayList<>(last);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    OffsetDateTime date = null;
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
                String refused = sink.row(row.getRowNum() + 1, cells, dates);
                if (refused != null) {
                    return new Outcome(refused);
                }
            }
            return new Outcome(null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(reasons + UNREADABLE);
        }
    }

    /**
     * An Excel date serial with its time of day: days since 30 December 1899 (Excel's 1900 system,
     * whose false 29 February 1900 only moves dates before March 1900), or since 1 January 1904 in a
     * workbook using that system; the fraction is the time of day, to the second.
     */
    public static OffsetDateTime fromSerial(double serial, boolean date1904) {
        long days = (long) Math.floor(serial);
        long seconds = Math.min(Math.round((serial - days) * 86_400), 86_399);
        LocalDate day = (date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30)).plusDays(days);
        return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(seconds), UK).toOffsetDateTime();
    }

    /** The time zone of times a spreadsheet gives without one. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
}
