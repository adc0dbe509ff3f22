package org.coproduction.impact.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ExportCheckTest {

    private static byte[] export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportZip zip = new ExportZip(out)) {
            try (ExportSink.TableWriter projects = zip.table("project", List.of("id", "name"))) {
                projects.row(List.of("1", "Day centre"));
                projects.row(List.of("2", "Allotment"));
            }
            zip.file("media/1/photo.jpg", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            zip.finish("Riverside", "1.0-test");
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anUntouchedExportPassesAndSummarisesItsCounts() {
        ExportCheck.Summary summary = ExportCheck.check(new ByteArrayInputStream(export()));
        assertThat(summary.organisation()).isEqualTo("Riverside");
        assertThat(summary.rows()).containsExactly(Map.entry("project", 2L));
        assertThat(summary.files()).isEqualTo(1);
    }

    @Test
    void aChangedTableIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(export());
        entries.put("tables/project.csv", "id,name\n1,Other\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(zip(entries), "export.refused.changed");
    }

    @Test
    void anAddedOrMissingEntryIsRefused() throws Exception {
        Map<String, byte[]> added = entries(export());
        added.put("files/extra.bin", new byte[] {9});
        assertRefused(zip(added), "export.refused.changed");
        Map<String, byte[]> missing = entries(export());
        missing.remove("files/media/1/photo.jpg");
        assertRefused(zip(missing), "export.refused.changed");
    }

    @Test
    void anotherFormatVersionIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(export());
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"formatVersion\" ?: ?1", "\"formatVersion\" : 99");
        entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        assertRefused(zip(entries), "export.refused.version");
    }

    @Test
    void aZipWithoutAManifestOrNotAZipIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(export());
        entries.remove("manifest.json");
        assertRefused(zip(entries), "export.refused.no-manifest");
        assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "export.refused.not-zip");
    }

    private static void assertRefused(byte[] upload, String key) {
        assertThatThrownBy(() -> ExportCheck.check(new ByteArrayInputStream(upload)))
                .isInstanceOfSatisfying(ExportCheck.Refused.class, refused -> assertThat(refused.key()).isEqualTo(key));
    }

    /**
     * Stopped anywhere, in an entry, between entries, before or after its manifest, or in the zip's
     * directory after them, an export is refused as cut short, never as someone else's file.
     */
    @Test
    void anExportThatStopsPartWayIsRefusedAsCutShort() {
        byte[] whole = export();
        List<Integer> lengths = new java.util.ArrayList<>();
        for (int length = 40; length < whole.length; length += 7) {
            lengths.add(length);
        }
        lengths.add(whole.length - 1);
        for (int length : lengths) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> ExportCheck.check(new ByteArrayInputStream(cut))).as("cut at %d of %d bytes", length, whole.length)
                    .isInstanceOfSatisfying(ExportCheck.Refused.class, refused -> assertThat(refused.key()).isEqualTo(ExportCheck.CUT_SHORT));
        }
    }

    @Test
    void aWholeZipWithACommentAfterItsDirectoryIsNotCutShort() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("made by another tool");
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(out.toByteArray(), "export.refused.no-manifest");
    }
}
