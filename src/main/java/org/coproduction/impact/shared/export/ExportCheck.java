package org.coproduction.impact.shared.export;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an uploaded export before anything is loaded: it is a zip, it has a manifest of a format version
 * this service reads, and every entry is listed in the manifest with the SHA-256 it has (nothing missing,
 * nothing added, nothing changed). Reads the zip as a stream, holding only the hashes.
 */
public final class ExportCheck {

    /** Why a file was refused, as a plain reason; {@code key} is the message key shown to the person. */
    public static final class Refused extends RuntimeException {
        private final String key;

        Refused(String key, String detail) {
            super(detail);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * What the file holds, for the preview: the organisation it came from and the rows per table; and,
     * for a loader that reads the entries again, the SHA-256 of every entry but the manifest.
     */
    public record Summary(String organisation, String appVersion, Map<String, Long> rows, int files, Map<String, String> sha256) {}

    /** Why a file that stops part way (a download cut off) is refused. */
    public static final String CUT_SHORT = "export.refused.cut-short";

    private ExportCheck() {}

    /**
     * The stream, remembering its last bytes, to tell whether it ends as a whole zip does: with the
     * record that closes the zip's directory (signature PK 5 6), followed only by the zip's comment
     * the record gives the length of (none in our exports; at most 65,535 bytes in any zip).
     */
    private static final class Tail extends FilterInputStream {
        private static final int END = 22;
        private static final int KEEP = END + 65_535;
        private final byte[] kept = new byte[2 * KEEP];
        private int filled;

        Tail(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            if (n > 0) {
                keep(into, offset, n);
            }
            return n;
        }

        private void keep(byte[] from, int offset, int length) {
            if (length >= KEEP) {
                System.arraycopy(from, offset + length - KEEP, kept, 0, KEEP);
                filled = KEEP;
                return;
            }
            if (filled + length > kept.length) {
                System.arraycopy(kept, filled - (KEEP - length), kept, 0, KEEP - length);
                filled = KEEP - length;
            }
            System.arraycopy(from, offset, kept, filled, length);
            filled += length;
        }

        boolean endsAsZip() {
            for (int at = filled - END; at >= 0 && at >= filled - KEEP; at--) {
                int comment = (kept[at + 20] & 0xff) | (kept[at + 21] & 0xff) << 8;
                if (kept[at] == 'P' && kept[at + 1] == 'K' && kept[at + 2] == 5 && kept[at + 3] == 6 && at + END + comment == filled) {
                    return true;
                }
            }
            return false;
        }
    }

    public static Summary check(InputStream upload) {
        Map<String, String> hashes = new LinkedHashMap<>();
        byte @Nullable [] manifestBytes = null;
        Tail watched = new Tail(upload);
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(watched)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                any = true;
                if (entry.getName().equals("manifest.json")) {
                    manifestBytes = zip.readNBytes(1024 * 1024);
                    continue;
                }
                DigestInputStream digest = new DigestInputStream(zip, MessageDigest.getInstance("SHA-256"));
                digest.transferTo(java.io.OutputStream.nullOutputStream());
                if (hashes.put(entry.getName(), HexFormat.of().formatHex(digest.getMessageDigest().digest())) != null) {
                    throw new Refused("export.refused.changed", "Entry twice: " + entry.getName());
                }
            }
            if (!any) {
                throw new Refused("export.refused.not-zip", "No entries");
            }
            // What is left after the entries is the zip's directory, read to the end to see how it ends.
            watched.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (EOFException e) {
            // The file ends inside an entry: a download cut off part way, most often.
            throw new Refused(CUT_SHORT, e.getMessage());
        } catch (ZipException e) {
            throw new Refused("export.refused.not-zip", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (manifestBytes == null) {
            // The manifest is written last: without it, a file that does not end as a zip does was cut off.
            throw new Refused(watched.endsAsZip() ? "export.refused.no-manifest" : CUT_SHORT, "No manifest.json");
        }
        if (!watched.endsAsZip()) {
            // Every entry came, but not all of the directory after them.
            throw new Refused(CUT_SHORT, "No end of the zip's directory");
        }
        JsonNode manifest;
        try {
            manifest = JsonMapper.builder().build().readTree(manifestBytes);
        } catch (JacksonException e) {
            throw new Refused("export.refused.no-manifest", "Unreadable manifest.json");
        }
        if (manifest.path("formatVersion").asInt(-1) != ExportZip.FORMAT_VERSION) {
            throw new Refused("export.refused.version", "Format version " + manifest.path("formatVersion"));
        }
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.path("sha256").properties().forEach(e -> listed.put(e.getKey(), e.getValue().asString()));
        if (!listed.equals(hashes)) {
            throw new Refused("export.refused.changed", "Entries or hashes differ from the manifest");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.path("rows").properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        for (String table : rows.keySet()) {
            if (!hashes.containsKey("tables/" + table + ".csv")) {
                throw new Refused("export.refused.changed", "No file for table " + table);
            }
        }
        int files = (int) hashes.keySet().stream().filter(name -> name.startsWith("files/")).count();
        return new Summary(manifest.path("organisation").asString(""), manifest.path("appVersion").asString(""),
                rows, files, Map.copyOf(hashes));
    }
}
