package org.coproduction.impact.shared.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as an Excel workbook (.xlsx) one row at a time, for tables too big to hold:
 * POI's {@link SXSSFWorkbook} keeps only the last {@value #WINDOW} rows in memory and the rest in a
 * compressed temporary file, so memory stays flat however many rows there are ({@link Xlsx}, which
 * holds the whole workbook, ran out of a 1 GB heap at 100,000 responses).
 *
 * <p>Cells are typed by the value given: {@link Number} a number cell (so it can be added up),
 * {@link LocalDate} a date and {@link ZonedDateTime} a date and time as the clock read in its zone
 * (so they sort and filter as dates), anything else text. Text that a spreadsheet could read as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is written as it is, with the cell's "quote prefix"
 * set: Excel and LibreOffice show it as text, without the visible apostrophe {@link Csv} has to add.
 *
 * <pre>{@code
 * try (XlsxStream xlsx = new XlsxStream("Responses", header)) {
 *     rows.forEach(xlsx::row);
 *     xlsx.writeTo(out);
 * }
 * }</pre>
 */
public final class XlsxStream implements AutoCloseable {

    /** Rows kept in memory before they are flushed to the temporary file. */
    static final int WINDOW = 100;

    private final SXSSFWorkbook book;
    private final SXSSFSheet sheet;
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle date;
    private final CellStyle dateTime;
    private int next;

    /** A workbook of one sheet with a bold header row, frozen so it stays in view. */
    public XlsxStream(String sheetName, List<String> header) {
        book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        sheet = book.createSheet(Xlsx.safeSheetName(sheetName));
        text = book.createCellStyle();
        quoted = book.createCellStyle();
        quoted.setQuotePrefixed(true);
        short format = book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
        date = book.createCellStyle();
        date.setDataFormat(format);
        dateTime = book.createCellStyle();
        dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row top = sheet.createRow(next++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = top.createCell(c);
            setText(cell, header.get(c));
            if (!cell.getCellStyle().getQuotePrefixed()) {
                cell.setCellStyle(bold);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** The next row; a null cell is left empty. */
    public void row(List<? extends @Nullable Object> values) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            switch (value) {
                case Number n -> cell.setCellValue(n.doubleValue());
                case ZonedDateTime t -> {
                    cell.setCellValue(excelSerial(t));
                    cell.setCellStyle(dateTime);
                }
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                }
                default -> setText(cell, value.toString());
            }
        }
    }

    /**
     * Excel's number for a date and time: days since 30 December 1899, the time of day as the
     * fraction, read from the clock in the value's zone (Excel has no zones). Right from March 1900.
     */
    static double excelSerial(ZonedDateTime t) {
        long seconds = t.toLocalDate().toEpochDay() * 86_400L + t.toLocalTime().toSecondOfDay();
        return seconds / 86_400.0 + 25_569;
    }

    private void setText(Cell cell, String value) {
        cell.setCellValue(value.length() > Xlsx.MAX_CELL ? value.substring(0, Xlsx.MAX_CELL) : value);
        cell.setCellStyle(Csv.couldRun(value) ? quoted : text);
    }

    /** Writes the workbook; call once, after the last row. */
    public void writeTo(OutputStream out) {
        try {
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary file. */
    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }
}
