package org.coproduction.impact.shared.export;

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

    private ExportCheck() {}

    public static Summary check(InputStream upload) {
        Map<String, String> hashes = new LinkedHashMap<>();
        byte @Nullable [] manifestBytes = null;
        try (ZipInputStream zip = new ZipInputStream(upload)) {
            boolean any = false;
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
        } catch (ZipException e) {
            throw new Refused("export.refused.not-zip", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (manifestBytes == null) {
            throw new Refused("export.refused.no-manifest", "No manifest.json");
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
