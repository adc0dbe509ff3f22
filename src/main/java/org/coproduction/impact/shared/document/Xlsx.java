package org.coproduction.impact.shared.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as an Excel workbook (.xlsx). Every value is a text cell, neutralised like
 * {@link Csv#neutralise} so nothing people typed can become a formula, except numbers given as
 * {@link Number}, which are number cells so they can be added up.
 */
public final class Xlsx {

    /** Excel's limit on the characters in one cell. */
    static final int MAX_CELL = 32_767;

    private Xlsx() {}

    /** One sheet: a bold header row (frozen, so it stays in view), then the rows; a null cell is left empty. */
    public static byte[] write(String sheetName, List<String> header, List<List<@Nullable Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(safeSheetName(sheetName));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(text(header.get(c)));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<@Nullable Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(text(value.toString()));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        String safe = Csv.neutralise(value);
        return safe.length() > MAX_CELL ? safe.substring(0, MAX_CELL) : safe;
    }

    // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    static String safeSheetName(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (cleaned.isEmpty()) {
            return "Sheet1";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
