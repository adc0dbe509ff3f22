package org.coproduction.impact.shared.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coproduction.impact.shared.document.Csv;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the export zip straight to a stream as the parts write to it: {@code tables/<table>.csv} per
 * table, {@code files/<path>} per media file, and last {@code manifest.json} with the format version,
 * app version, organisation, rows per table and the SHA-256 of every entry. Only the manifest's small
 * summary is held in memory, never the rows.
 */
public final class ExportZip implements ExportSink, AutoCloseable {

    /** Raised whenever the layout or meaning of the files changes; an import refuses versions it does not know. */
    public static final int FORMAT_VERSION = 1;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final ZipOutputStream zip;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, String> sha256 = new LinkedHashMap<>();
    private @Nullable String open;

    public ExportZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /**
     * A cell as written: text a spreadsheet could run as a formula (= + - @, tab, carriage return) and text
     * that already starts with ' get a leading ', so {@link #readCell} gives back exactly what was stored.
     */
    public static String writeCell(@Nullable String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return Csv.couldRun(cell) || cell.charAt(0) == '\'' ? "'" + cell : cell;
    }

    /** The stored text of a cell read from an export: the inverse of {@link #writeCell}. */
    public static String readCell(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    @Override
    public TableWriter table(String table, List<String> header) {
        String entry = "tables/" + checkedName(table) + ".csv";
        if (rows.containsKey(table)) {
            throw new IllegalStateException("The table " + table + " was already exported");
        }
        DigestOutputStream digest = begin(entry);
        Writer writer = new OutputStreamWriter(digest, StandardCharsets.UTF_8);
        CSVPrinter printer;
        try {
            printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.put(table, 0L);
        return new TableWriter() {
            @Override
            public void row(List<@Nullable String> cells) {
                List<String> written = new ArrayList<>(cells.size());
                for (String cell : cells) {
                    written.add(writeCell(cell));
                }
                try {
                    printer.printRecord(written);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows.merge(table, 1L, Long::sum);
            }

            @Override
            public void close() {
                try {
                    printer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                end(entry, digest);
            }
        };
    }

    @Override
    public void file(String path, InputStream bytes) {
        String entry = "files/" + checkedName(path);
        DigestOutputStream digest = begin(entry);
        try {
            bytes.transferTo(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end(entry, digest);
    }

    /** Writes the manifest last and finishes the zip (the underlying stream is left open). */
    public void finish(String organisation, String appVersion) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("appVersion", appVersion);
        manifest.put("organisation", organisation);
        manifest.put("rows", rows);
        manifest.put("sha256", sha256);
        try {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DigestOutputStream begin(String entry) {
        if (open != null) {
            throw new IllegalStateException("Close " + open + " before starting " + entry);
        }
        if (sha256.containsKey(entry)) {
            throw new IllegalStateException("The entry " + entry + " was already written");
        }
        try {
            zip.putNextEntry(new ZipEntry(entry));
            open = entry;
            return new DigestOutputStream(new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip stays open for the next entry
                }
            }, MessageDigest.getInstance("SHA-256"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void end(String entry, DigestOutputStream digest) {
        try {
            digest.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sha256.put(entry, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        open = null;
    }

    /** Names are letters, digits, _ - . and / only, never .. or a leading / (no zip path traversal on import). */
    private static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9_./-]+") || name.contains("..") || name.startsWith("/")) {
            throw new IllegalArgumentException("Not a safe name for an export entry: " + name);
        }
        return name;
    }
}
