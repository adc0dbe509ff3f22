package org.coproduction.impact.shared.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as CSV for spreadsheets (plans, form responses). Every cell is neutralised against formula injection
 * (OWASP "CSV injection"): text people typed that starts with = + - @ (or a tab or carriage
 * return) would otherwise run as a formula when the file is opened in Excel or LibreOffice.
 */
public final class Csv {

    /** Excel reads UTF-8 (and so ’ and “ ”) correctly only when the file starts with a byte order mark. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    /** The cell as text that a spreadsheet shows rather than runs: a leading ' where it could start a formula. */
    public static String neutralise(@Nullable String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return couldRun(cell) ? "'" + cell : cell;
    }

    /** Whether a spreadsheet could read this text as a formula: it starts with = + - @, a tab or a carriage return. */
    public static boolean couldRun(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    public static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.stream().map(Csv::neutralise).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
