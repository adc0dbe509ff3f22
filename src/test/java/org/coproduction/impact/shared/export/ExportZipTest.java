package org.coproduction.impact.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportZipTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rReturn"})
    void cellsThatCouldRunAsAFormulaAreNeutralisedAndReadBackExactly(String cell) {
        assertThat(ExportZip.writeCell(cell)).isEqualTo("'" + cell);
        assertThat(ExportZip.readCell(ExportZip.writeCell(cell))).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'already quoted", "plain text", "a=b", "’curly’"})
    void otherTextReadsBackExactly(String cell) {
        assertThat(ExportZip.readCell(ExportZip.writeCell(cell))).isEqualTo(cell);
    }

    @Test
    void writesTablesFilesAndAManifestWithCountsAndTheHashOfEveryEntry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] photo = {1, 2, 3, 4, 5};
        try (ExportZip zip = new ExportZip(out)) {
            try (ExportSink.TableWriter projects = zip.table("project", List.of("id", "name"))) {
                projects.row(List.of("1", "Day centre"));
                projects.row(Arrays.asList("2", null));
                projects.row(List.of("3", "=cmd|' /C calc'!A0"));
            }
            zip.file("media/1/photo.jpg", new ByteArrayInputStream(photo));
            try (ExportSink.TableWriter empty = zip.table("task", List.of("id"))) {
                // an organisation with no tasks still has the table, with its header
            }
            zip.finish("Riverside Day Centre", "1.0-test");
        }

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly(
                "tables/project.csv", "files/media/1/photo.jpg", "tables/task.csv", "manifest.json");
        assertThat(entries.get("files/media/1/photo.jpg")).isEqualTo(photo);

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(
                new String(entries.get("tables/project.csv"), StandardCharsets.UTF_8))).getRecords();
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.add(ExportZip.readCell(r.get(1))));
        assertThat(names).containsExactly("name", "Day centre", "", "=cmd|' /C calc'!A0");
        assertThat(records.get(3).get(1)).startsWith("'=");

        JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(ExportZip.FORMAT_VERSION);
        assertThat(manifest.get("appVersion").asString()).isEqualTo("1.0-test");
        assertThat(manifest.get("organisation").asString()).isEqualTo("Riverside Day Centre");
        assertThat(manifest.get("rows").get("project").asLong()).isEqualTo(3);
        assertThat(manifest.get("rows").get("task").asLong()).isZero();
        for (String name : List.of("tables/project.csv", "files/media/1/photo.jpg", "tables/task.csv")) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(name)));
            assertThat(manifest.get("sha256").get(name).asString()).isEqualTo(expected);
        }
    }

    @Test
    void refusesNamesThatCouldEscapeTheFolderOnImport() {
        ExportZip zip = new ExportZip(new ByteArrayOutputStream());
        assertThatThrownBy(() -> zip.file("../etc/passwd", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zip.table("/project", List.of("id"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATableExportedTwice() {
        ExportZip zip = new ExportZip(new ByteArrayOutputStream());
        zip.table("project", List.of("id")).close();
        assertThatThrownBy(() -> zip.table("project", List.of("id"))).isInstanceOf(IllegalStateException.class);
    }
}
