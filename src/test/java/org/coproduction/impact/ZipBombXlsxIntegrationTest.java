package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.form.XlsForm;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.AttendanceImports;
import org.coproduction.impact.record.AttendanceSheet;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, zip-bomb-like spreadsheets, for every .xlsx import: the XLSForm import and the
 * attendance import (the data-points import takes CSV only). Two kinds of file, each built as a real
 * workbook whose one part is then blown up: a sheet padded with 2 GB of spaces (a file of about
 * 2 MB, inflating 1,000 times: POI's own {@code ZipSecureFile} ratio check would catch it too), and
 * a shared-strings part of 60 MB (XLSForm) or 120 MB (attendance) of distinct strings that inflates
 * about 60 times, under POI's default limit of 100 times, so only the service's own unzipped-size
 * check stops it before POI loads it all into memory. Each is refused with a plain reason, and
 * nothing is stored. Speed and memory are not asserted: the check stops inflating at its limit
 * (40 MB for an XLSForm, 50 MB for attendance) and keeps one 16 KB buffer.
 */
@IntegrationTest
class ZipBombXlsxIntegrationTest {

    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    AttendanceImports attendance;

    @Autowired
    org.coproduction.impact.form.FormService forms;

    @Autowired
    JdbcClient jdbc;

    @Test
    void xlsxBombsAreRefusedWithAPlainReasonAndStoreNothing() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Zip bombs");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Zip bombs " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));
        UUID survey = forms.create(tenant, project, "Spring survey", null, false, null, List.of());
        Map<String, Long> before = OrganisationRows.count(jdbc, org.id());

        byte[] form = workbook("survey", List.of(List.of("type", "name", "label"), List.of("text", "q1", "How was it?")));
        byte[] sheet = workbook("Sheet1", List.of(List.of("Date", "Activity", "Number of people"), List.of("01/10/2026", "Walk", "5")));
        assertThat(XlsForm.read(form)).as("the XLSForm as built is fine").isNotInstanceOf(XlsForm.Refused.class);
        // One 2 GB bomb for both imports (building it takes seconds): the attendance import reads
        // the first sheet whatever its name, and the bomb is refused before any sheet is read.
        byte[] twoGigabytes = padded(form, TWO_GB);

        for (byte[] bomb : List.of(twoGigabytes, sharedStrings(form, 60L * 1024 * 1024))) {
            assertThat(bomb.length).as("small enough to be read at all").isLessThan(XlsForm.MAX_BYTES);
            assertThat(XlsForm.read(bomb)).isEqualTo(new XlsForm.Refused("form.xlsform.error.too-much"));
            String page = mvc.perform(multipart("/projects/" + project + "/forms/import")
                            .file(new MockMultipartFile("file", "form.xlsx", "application/octet-stream", bomb))
                            .with(data.as(f)).with(csrf()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(page).select(".govuk-error-message").text()).contains("far more than a form does");
        }

        for (byte[] bomb : List.of(twoGigabytes, sharedStrings(sheet, 120L * 1024 * 1024))) {
            assertThat(bomb.length).as("small enough to be read at all").isLessThan(AttendanceSheet.MAX_BYTES);
            List<AttendanceSheet.Line> lines = new ArrayList<>();
            AttendanceSheet.Outcome outcome = AttendanceSheet.read("attendance.xlsx", bomb, java.time.LocalDate.of(2026, 12, 1), lines::add);
            assertThat(outcome.refusedKey()).isEqualTo("record.import.file.too-much");
            assertThat(lines).isEmpty();

            UUID id = attendance.read(tenant, project, "attendance.xlsx", bomb);
            String page = mvc.perform(get("/projects/" + project + "/recorded/imports/" + id).with(data.as(f)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(page).text()).contains("far more than an attendance sheet does");
        }

        // The response import reads workbooks the same way: refused beside the file field, nothing kept.
        for (byte[] bomb : List.of(twoGigabytes, sharedStrings(sheet, 120L * 1024 * 1024))) {
            String page = mvc.perform(multipart("/forms/" + survey + "/responses/import")
                            .file(new MockMultipartFile("file", "responses.xlsx", "application/octet-stream", bomb))
                            .with(data.as(f)).with(csrf()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(page).select(".govuk-error-message").text()).contains("far more than an export of responses does");
        }

        Map<String, Long> after = OrganisationRows.count(jdbc, org.id());
        // The attendance import keeps a note of each refused file (so its page can say why); nothing else.
        after.computeIfPresent("record_import", (table, n) -> n - 2);
        assertThat(after).as("nothing stored").isEqualTo(before);
    }

    /** A one-sheet workbook made by POI, as a person's spreadsheet program would save it. */
    static byte[] workbook(String sheetName, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with {@code spaces} spaces after the XML declaration of its first sheet. */
    static byte[] padded(byte[] xlsx, long spaces) throws IOException {
        return rewrite(xlsx, "xl/worksheets/sheet1.xml", (original, out) -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            int split = xml.indexOf("?>") + 2;
            out.write(xml.substring(0, split).getBytes(StandardCharsets.UTF_8));
            byte[] chunk = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < spaces; written += chunk.length) {
                out.write(chunk);
            }
            out.write(xml.substring(split).getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The workbook with a shared-strings part of about {@code size} bytes: distinct strings (eight
     * random letters) each followed by 600 spaces, so it compresses about 60 times, not 1,000.
     */
    static byte[] sharedStrings(byte[] xlsx, long size) throws IOException {
        return rewrite(xlsx, "xl/sharedStrings.xml", (original, out) -> {
            int count = (int) (size / 630);
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + count + "\" uniqueCount=\"" + count + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            Random random = new Random(15);
            String padding = " ".repeat(600);
            StringBuilder item = new StringBuilder(640);
            for (int i = 0; i < count; i++) {
                item.setLength(0);
                item.append("<si><t xml:space=\"preserve\">");
                for (int c = 0; c < 8; c++) {
                    item.append((char) ('a' + random.nextInt(26)));
                }
                item.append(padding).append("</t></si>");
                out.write(item.toString().getBytes(StandardCharsets.US_ASCII));
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
    }

    interface Part {
        void write(byte[] original, ZipOutputStream out) throws IOException;
    }

    /** Copies the zip, writing {@code name} anew (added if POI did not write one). */
    private static byte[] rewrite(byte[] xlsx, String name, Part part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] original = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    found = true;
                    part.write(original, out);
                } else {
                    out.write(original);
                }
                out.closeEntry();
            }
            if (!found) {
                out.putNextEntry(new ZipEntry(name));
                part.write(new byte[0], out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
