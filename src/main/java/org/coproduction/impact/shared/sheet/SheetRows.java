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
import java.io.InputStream;
import java.util.Iterator;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
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
    public static final String TOO_MUCH = "too-much";

    /**
     * The most a workbook may unzip to. POI's own zip-bomb check allows 100 times inflation, so a 20 MB
     * upload could otherwise unpack to 2 GB, and the workbook's shared strings are held in memory while
     * its rows stream. A 100,000-row export unzips to about 25 MB.
     */
    static final long MAX_UNZIPPED = 100L * 1024 * 1024;

    private SheetRows() {}

    /** Reads the file; {@code reasons} is the prefix of the caller's message keys (for example "record.import.file."). */
    public static Outcome read(String filename, byte[] bytes, String reasons, Sink sink) {
        if (bytes.length == 0) {
            return new Outcome(reasons + EMPTY);
        }
        if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
            if (!unzipsWithin(bytes, MAX_UNZIPPED)) {
                return new Outcome(reasons + TOO_MUCH);
            }
            return readXlsx(bytes, reasons, sink);
        }
        if (filename.toLowerCase(Locale.ROOT).endsWith(".xls") || (bytes.length > 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF)) {
            return new Outcome(reasons + OLD_EXCEL);
        }
        return readCsv(text(bytes), reasons, sink);
    }

    /**
     * Whether a zip (a workbook) unpacks to at most {@code limit} bytes: its entries are inflated with
     * one small buffer, counting, and the count stops as soon as it passes the limit. A zip that cannot
     * be read at all passes here (the reader that opens it next says it cannot be read).
     */
    public static boolean unzipsWithin(byte[] bytes, long limit) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) {
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

    /** Thrown from inside the sheet's parser to stop reading (the sink refused the file, or the sheet ended). */
    private static final class Stop extends RuntimeException {
        final @Nullable String refusedKey;

        Stop(@Nullable String refusedKey) {
            super(null, null, false, false);
            this.refusedKey = refusedKey;
        }
    }

    /** A number cell in a date format, as the formatter hands it over: a marker and its serial. */
    private static final String DATE = "\u0000date:";

    /**
     * Cell values as this reader wants them: a number as plain digits, a number in a date format as
     * {@link #DATE} and its serial (turned into a date with the workbook's date system below).
     */
    private static final class RawNumbers extends DataFormatter {
        RawNumbers() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString, boolean use1904Windowing) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DATE + value;
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    /**
     * Reads the first sheet of a workbook as a stream of XML events (POI's event API): only one row
     * and the workbook's shared strings are held in memory, so a large export does not need the whole
     * workbook built as objects first.
     */
    private static Outcome readXlsx(byte[] bytes, String reasons, Sink sink) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904;
            try (InputStream workbook = reader.getWorkbookData()) {
                String head = new String(workbook.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                date1904 = head.matches("(?s).*date1904=\"(1|true)\".*");
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new Outcome(reasons + UNREADABLE);
            }
            List<String> cells = new ArrayList<>();
            List<@Nullable OffsetDateTime> dates = new ArrayList<>();
            XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {
                    cells.clear();
                    dates.clear();
                }

                @Override
                public void endRow(int rowNum) {
                    String refused = sink.row(rowNum + 1, new ArrayList<>(cells), new ArrayList<>(dates));
                    if (refused != null) {
                        throw new Stop(refused);
                    }
                }

                @Override
                public void cell(String reference, @Nullable String value, @Nullable XSSFComment comment) {
                    int column = new CellReference(reference).getCol();
                    while (cells.size() < column) {
                        cells.add("");
                        dates.add(null);
                    }
                    String v = value == null ? "" : value;
                    if (v.startsWith(DATE)) {
                        OffsetDateTime at = fromSerial(Double.parseDouble(v.substring(DATE.length())), date1904);
                        cells.add(v.substring(DATE.length()));
                        dates.add(at);
                    } else {
                        cells.add(v);
                        dates.add(null);
                    }
                }
            };
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, new RawNumbers(), false));
                parser.parse(new InputSource(sheet));
            } catch (Stop stop) {
                return new Outcome(stop.refusedKey);
            }
            return new Outcome(null);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
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
