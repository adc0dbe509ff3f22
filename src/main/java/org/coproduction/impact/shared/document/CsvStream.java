package org.coproduction.impact.shared.document;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV one row at a time straight to a stream (a download), for tables too big to hold as
 * one string: the same file as {@link Csv#write}, byte order mark and neutralised cells included.
 * Closing flushes the stream but does not close it.
 */
public final class CsvStream implements AutoCloseable {

    private final BufferedWriter writer;
    private final CSVPrinter printer;

    public CsvStream(OutputStream out, List<String> header) {
        writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            writer.write(Csv.BYTE_ORDER_MARK);
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.stream().map(Csv::neutralise).toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next row, each cell neutralised against formulas. */
    public void row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(Csv::neutralise).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
