package org.coproduction.impact;

import org.junit.jupiter.api.extension.ExtendWith;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, oversized bodies: MockMvc does not enforce the multipart limits, so this sends them to
 * the real server. A multipart upload over {@code spring.servlet.multipart.max-request-size} (12 MB)
 * to every file import and the photo upload, and a url-encoded form far over Tomcat's
 * {@code max-http-form-post-size}, are answered 413 with the plain-words page, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestsOwnData.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestData.class)
class OversizedBodyIntegrationTest {

    /** Over the 12 MB request limit, and over the 11 MB file limit. */
    private static final int TOO_BIG = 13 * 1024 * 1024;

    /** The heading of {@code error/413} ({@code error.413.title}). */
    private static final String TOO_LARGE_HEADING = "The file is too big";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.coproduction.impact.organisation.OrganisationExport export;

    @Test
    void anUploadOverTheLimitIsA413WithThePlainPageAndStoresNothing() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Oversized bodies");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Oversized " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));
        Session session = signIn(f);
        String csrf = session.csrf("/projects/" + project + "/recorded/activities/new");

        Map<String, String> uploads = new LinkedHashMap<>();
        uploads.put("/projects/" + project + "/recorded/activities/new", "photo.jpg");
        uploads.put("/projects/" + project + "/forms/import", "form.xlsx");
        uploads.put("/organisation/forms/import", "form.xlsx");
        uploads.put("/projects/" + project + "/data/import", "data.csv");
        uploads.put("/projects/" + project + "/recorded/import", "attendance.xlsx");

        Map<String, Long> before = rows(org);
        for (Map.Entry<String, String> upload : uploads.entrySet()) {
            HttpResponse<String> answer = session.multipart(upload.getKey(), csrf, upload.getValue(), TOO_BIG);
            assertThat(answer.statusCode()).as(upload.getKey()).isEqualTo(413);
            assertThat(Jsoup.parse(answer.body()).select("h1").text()).as(upload.getKey() + " says why in plain words")
                    .isEqualTo(TOO_LARGE_HEADING);
            assertThat(answer.body()).as(upload.getKey()).contains("Nothing has been saved").doesNotContain("Exception");
        }
        assertThat(rows(org)).as("nothing stored").isEqualTo(before);

        // Far over the limit: Tomcat reads at most max-swallow-size (2 MB) past the point where the
        // upload was refused, then answers and closes the connection rather than read 60 MB for
        // nothing. A client that reads the answer while sending (browsers, curl, this one) shows the
        // 413 page; one that insists on sending everything first may see the connection close instead.
        try {
            HttpResponse<String> far = session.multipart("/projects/" + project + "/data/import", csrf, "data.csv", 60 * 1024 * 1024);
            assertThat(far.statusCode()).as("60 MB").isEqualTo(413);
            assertThat(Jsoup.parse(far.body()).select("h1").text()).isEqualTo(TOO_LARGE_HEADING);
        } catch (java.io.IOException closed) {
            // The connection was closed before the answer was read: allowed, see above.
        }
        assertThat(rows(org)).as("nothing stored").isEqualTo(before);

        byte[] huge = new byte[TOO_BIG];
        Arrays.fill(huge, (byte) 'a');
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&title=" + new String(huge, StandardCharsets.US_ASCII);
        HttpResponse<String> answer = session.post("/projects/" + project + "/recorded/activities/new", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.statusCode()).as("a huge url-encoded form").isEqualTo(413);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo(TOO_LARGE_HEADING);
        assertThat(rows(org)).as("nothing stored").isEqualTo(before);
    }

    /**
     * An organisation's export holds its photos, so it is often larger than any other upload may be:
     * the operator's import page takes it (its own limit, {@code OrganisationImportUploads}), and the
     * organisation is brought in with every photo's bytes, while the same server still refuses a file
     * over 11 MB anywhere else (above).
     */
    @Test
    void anOrganisationExportLargerThanOtherUploadsIsTakenByTheImportPageAndBroughtIn() throws Exception {
        TestData.Org from = data.organisationWithEveryRole("Many photos");
        TestData.Person admin = from.person(Role.ADMIN);
        Tenant adminTenant = new Tenant(new UserId(admin.id()), from.id(), from.name(), Role.ADMIN);
        UUID project = projects.create(adminTenant, new ProjectService.ProjectDetails("Photos " + TestData.suffix(), null, null, null, null,
                admin.id(), true, List.of()));
        // Two photos of random bytes (which do not compress), 7 MB each.
        java.util.Random random = new java.util.Random(15);
        List<byte[]> photos = List.of(new byte[7 * 1024 * 1024], new byte[7 * 1024 * 1024]);
        for (byte[] photo : photos) {
            random.nextBytes(photo);
            UUID media = UUID.randomUUID();
            jdbc.sql("""
                            insert into media_file (id, organisation_id, project_id, filename, kind, content_type, size, description)
                            values (:id, :org, :project, 'hall.jpg', 'PHOTO', 'image/jpeg', :size, 'The hall')
                            """).param("id", media).param("org", from.id().value()).param("project", project).param("size", photo.length).update();
            jdbc.sql("insert into media_content (media_id, organisation_id, content) values (:id, :org, :bytes)")
                    .param("id", media).param("org", from.id().value()).param("bytes", photo).update();
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.write(adminTenant, zip);
        assertThat(zip.size()).as("the export is over every other upload's limit").isGreaterThan(TOO_BIG);

        // The page's own servlet is guarded like every other page: the organisation's ADMIN is not the operator.
        Session asAdmin = signIn(admin);
        int waiting = jdbc.sql("select count(*) from organisation_import_upload").query(Integer.class).single();
        HttpResponse<String> refused = asAdmin.multipart("/operator/organisations/import", asAdmin.csrf("/"), "export.zip", zip.toByteArray());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from organisation_import_upload").query(Integer.class).single()).isEqualTo(waiting);

        TestData.Person operator = data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER, "operator");
        Session session = signIn(operator);
        HttpResponse<String> staged = session.multipart("/operator/organisations/import", session.csrf("/operator/organisations/import"),
                "export.zip", zip.toByteArray());
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(302);
        String preview = URI.create(staged.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(preview).startsWith("/operator/organisations/imports/");
        String name = "Moved with photos " + TestData.suffix();
        HttpResponse<String> confirmed = session.post(preview + "/confirm", "application/x-www-form-urlencoded",
                ("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(session.csrf(preview), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
        UUID moved = jdbc.sql("select id from organisation where name = :n").param("n", name).query(UUID.class).single();
        List<byte[]> brought = jdbc.sql("select content from media_content where organisation_id = :o").param("o", moved).query(byte[].class).list();
        assertThat(brought).hasSize(2);
        assertThat(brought).anySatisfy(b -> assertThat(b).isEqualTo(photos.get(0))).anySatisfy(b -> assertThat(b).isEqualTo(photos.get(1)));
    }

    private Session signIn(TestData.Person person) throws Exception {
        Session session = new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "http://localhost:" + port);
        String csrf = session.csrf("/sign-in");
        HttpResponse<String> signedIn = session.post("/sign-in", "application/x-www-form-urlencoded",
                ("username=" + URLEncoder.encode(person.username(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String again = session.csrf("/");
        session.post("/organisations/switch", "application/x-www-form-urlencoded",
                ("organisation=" + person.organisation() + "&_csrf=" + URLEncoder.encode(again, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return session;
    }

    private Map<String, Long> rows(TestData.Org org) {
        return OrganisationRows.count(jdbc, org.id());
    }

    record Session(HttpClient client, String base) {

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String path) throws Exception {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            return Jsoup.parse(page.body()).select("input[name=_csrf]").first().val();
        }

        HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> multipart(String path, String csrf, String fileName, int size) throws Exception {
            return multipart(path, csrf, fileName, new byte[size]);
        }

        HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] file) throws Exception {
            String boundary = "----malicious" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }
}
