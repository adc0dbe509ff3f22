package org.coproduction.impact.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MediaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    MediaService media;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    gg.jte.TemplateEngine templates;

    /** An organisation with a project whose member is the organisation's MEMBER. */
    record Setup(TestData.Org org, Tenant facilitator, UUID project) {

        Tenant as(Role role) {
            TestData.Person p = org.person(role);
            return new Tenant(new UserId(p.id()), org.id(), org.name(), role);
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Media");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        return new Setup(org, tenant, project);
    }

    private MediaFile stored(StoreResult result) {
        assertThat(result).isInstanceOf(StoreResult.Stored.class);
        return ((StoreResult.Stored) result).file();
    }

    private String refused(StoreResult result) {
        assertThat(result).isInstanceOf(StoreResult.Refused.class);
        return ((StoreResult.Refused) result).messageKey();
    }

    private long filesOf(Setup s) {
        return jdbc.sql("select count(*) from media_file where organisation_id = :org").param("org", s.org().id().value())
                .query(Long.class).single();
    }

    private byte[] storedBytes(UUID id) {
        return jdbc.sql("select content from media_content where media_id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    @Test
    void realPhotosDocumentsAndRecordingsAreAcceptedByTheirContent() {
        Setup s = setup();
        Tenant f = s.facilitator();

        MediaFile png = stored(media.store(f, s.project(), "garden.png", TestMedia.png(30, 20)));
        assertThat(png.kind()).isEqualTo(MediaKind.PHOTO);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.needsDescription()).isTrue();
        assertThat(png.href()).isEqualTo("/media/" + png.id());

        MediaFile pdf = stored(media.store(f, s.project(), "minutes.pdf", TestMedia.pdf()));
        assertThat(pdf.kind()).isEqualTo(MediaKind.DOCUMENT);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.needsDescription()).isFalse();
        assertThat(storedBytes(pdf.id())).hasSize((int) pdf.size()).startsWith('%', 'P', 'D', 'F', '-');

        MediaFile docx = stored(media.store(f, s.project(), "terms of reference.docx", TestMedia.docx()));
        assertThat(docx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        // A name says nothing: a PDF called .jpg is still a PDF, served as one.
        MediaFile renamed = stored(media.store(f, s.project(), "not-really.jpg", TestMedia.pdf()));
        assertThat(renamed.kind()).isEqualTo(MediaKind.DOCUMENT);
        assertThat(renamed.contentType()).isEqualTo("application/pdf");

        MediaFile csv = stored(media.store(f, s.project(), "visits.csv", "measure,date,value\nVisits,2026-01-05,12\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
        MediaFile text = stored(media.store(f, s.project(), "notes.txt", "Café notes – “good” day".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");

        byte[] mp3 = new byte[417];
        mp3[0] = (byte) 0xFF;
        mp3[1] = (byte) 0xFB;
        mp3[2] = (byte) 0x90;
        mp3[3] = (byte) 0x64;
        assertThat(stored(media.store(f, s.project(), "song.mp3", mp3)).contentType()).isEqualTo("audio/mpeg");
        byte[] wav = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
        MediaFile recording = stored(media.store(f, s.project(), "interview.wav", wav));
        assertThat(recording.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(recording.contentType()).isEqualTo("audio/wav");

        // Folders and control characters are taken out of the name.
        MediaFile odd = stored(media.store(f, s.project(), "C:\\Users\\sam\\My \"notes\"\u0007.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(odd.filename()).isEqualTo("My notes.txt");
    }

    @Test
    void programsWebPagesAndOtherTypesAreRefusedWhateverTheirNameAndNothingIsStored() {
        Setup s = setup();
        Tenant f = s.facilitator();
        String typeMessage = "media.error.type";

        assertThat(refused(media.store(f, s.project(), "holiday.jpg", TestMedia.exe()))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "setup.exe", TestMedia.exe()))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "notes.txt",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "report.pdf",
                "  <html><body onload=\"steal()\">".getBytes(StandardCharsets.UTF_8)))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "logo.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>".getBytes(StandardCharsets.UTF_8)))).isEqualTo(typeMessage);
        // Not UTF-8, or with a NUL: not text.
        assertThat(refused(media.store(f, s.project(), "data.csv", new byte[] {'a', ',', (byte) 0xE9, '\n'}))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "data.txt", new byte[] {'a', 0, 'b'}))).isEqualTo(typeMessage);
        // A zip that is not an office document, and a GIF (not on the list).
        assertThat(refused(media.store(f, s.project(), "archive.docx", zip("hello.txt", "hello")))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "fake.docx", zip("[Content_Types].xml", "<Types/>")))).isEqualTo(typeMessage);
        assertThat(refused(media.store(f, s.project(), "anim.gif", "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(typeMessage);
        // Looks like a JPEG at first, but is not one.
        byte[] fakeJpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 200);
        assertThat(refused(media.store(f, s.project(), "photo.jpg", fakeJpeg))).isEqualTo("media.error.photo-unreadable");
        assertThat(refused(media.store(f, s.project(), "empty.txt", new byte[0]))).isEqualTo("media.error.empty");

        assertThat(filesOf(s)).isZero();
    }

    private static byte[] zip(String name, String content) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithAPlainMessageAndOneJustUnderIsStored() {
        Setup s = setup();
        byte[] big = new byte[MediaLimits.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThat(refused(media.store(s.facilitator(), s.project(), "big.txt", big))).isEqualTo("media.error.too-big");
        assertThat(filesOf(s)).isZero();

        byte[] limit = Arrays.copyOf(big, MediaLimits.MAX_BYTES);
        MediaFile file = stored(media.store(s.facilitator(), s.project(), "limit.txt", limit));
        assertThat(file.size()).isEqualTo(MediaLimits.MAX_BYTES);
        assertThat(storedBytes(file.id())).hasSize(MediaLimits.MAX_BYTES);
    }

    @Test
    void aPhotoWithLocationAndCameraDetailsIsStoredWithoutThemAndTheRightWayUp() throws Exception {
        Setup s = setup();
        byte[] original = TestMedia.jpegWithGps();
        // The test photo really carries what must go: EXIF (with GPS and orientation), XMP, IPTC and a comment.
        assertThat(TestMedia.jpegMarkers(original)).contains(0xE1, 0xED, 0xFE);
        assertThat(PhotoCleaner.exifOrientation(original)).isEqualTo(6);
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Exif", TestMedia.CAMERA, "GPSLatitude");

        MediaFile file = stored(media.store(s.facilitator(), s.project(), "IMG_0042.JPG", original));

        byte[] kept = storedBytes(file.id());
        assertThat(file.contentType()).isEqualTo("image/jpeg");
        assertThat(file.size()).isEqualTo(kept.length);
        List<Integer> markers = TestMedia.jpegMarkers(kept);
        assertThat(markers).doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
        String asText = new String(kept, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Exif", "GPS", TestMedia.CAMERA, "Station Road", "xmpmeta", "8BIM");
        // Orientation 6 applied: 40 × 20 as stored becomes 20 × 40, red (the left) now at the top.
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        int top = image.getRGB(10, 5);
        int bottom = image.getRGB(10, 35);
        assertThat((top >> 16) & 0xFF).isGreaterThan(200);
        assertThat(top & 0xFF).isLessThan(60);
        assertThat(bottom & 0xFF).isGreaterThan(200);
        assertThat((bottom >> 16) & 0xFF).isLessThan(60);
    }

    @Test
    void everyOrientationTurnsThePictureUpright() {
        BufferedImage wide = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        wide.setRGB(0, 0, 0xFF0000); // a red mark in the top left corner as stored
        int[][] expected = {{}, {0, 0}, {3, 0}, {3, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 3}, {0, 3}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage up = PhotoCleaner.upright(wide, o, false);
            int x = expected[o][0];
            int y = expected[o][1];
            assertThat(up.getRGB(x, y) & 0xFFFFFF).as("orientation " + o).isEqualTo(0xFF0000);
            assertThat(up.getWidth()).as("orientation " + o).isEqualTo(o >= 5 ? 2 : 4);
        }
    }

    @Test
    void aPngLosesItsTextChunks() {
        Setup s = setup();
        byte[] png = TestMedia.png(10, 10);
        // Add a tEXt chunk after the header chunk (8 + 25 bytes).
        byte[] chunkData = ("Comment\0" + TestMedia.CAMERA).getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(chunkData);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + chunkData.length);
        chunk.putInt(chunkData.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(chunkData).putInt((int) crc.getValue());
        byte[] withText = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, withText, 0, 33);
        System.arraycopy(chunk.array(), 0, withText, 33, chunk.capacity());
        System.arraycopy(png, 33, withText, 33 + chunk.capacity(), png.length - 33);
        assertThat(new String(withText, StandardCharsets.ISO_8859_1)).contains(TestMedia.CAMERA);

        MediaFile file = stored(media.store(s.facilitator(), s.project(), "with-text.png", withText));
        assertThat(new String(storedBytes(file.id()), StandardCharsets.ISO_8859_1)).doesNotContain(TestMedia.CAMERA, "tEXt");
    }

    @Test
    void filesAreServedOnlyInsideTheOrganisationAndToViewersOnlyOncePublished() throws Exception {
        Setup s = setup();
        MediaFile photo = stored(media.store(s.facilitator(), s.project(), "garden.png", TestMedia.png(30, 20)));
        MediaFile pdf = stored(media.store(s.facilitator(), s.project(), "minutes.pdf", TestMedia.pdf()));

        MockHttpServletResponse served = mvc.perform(get(photo.href()).with(data.as(s.org().person(Role.FACILITATOR))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(served.getContentType()).isEqualTo("image/png");
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeader("Cache-Control")).contains("private").doesNotContain("public");
        assertThat(served.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(served.getContentAsByteArray()).isEqualTo(storedBytes(photo.id()));

        MockHttpServletResponse document = mvc.perform(get(pdf.href()).with(data.as(s.org().person(Role.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getHeader("Content-Disposition")).startsWith("attachment").contains("minutes.pdf");

        // Another organisation's ADMIN: not found, with nothing of the file.
        TestData.Org other = data.organisationWithEveryRole("Media other");
        assertThat(mvc.perform(get(photo.href()).with(data.as(other.admin()))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> media.find(new Tenant(new UserId(other.admin().id()), other.id(), other.name(), Role.ADMIN), photo.id()).orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);
        // Nor can another organisation store a file in this project.
        assertThatThrownBy(() -> media.store(new Tenant(new UserId(other.admin().id()), other.id(), other.name(), Role.ADMIN),
                s.project(), "x.pdf", TestMedia.pdf())).isInstanceOf(NotFoundException.class);

        // A made-up id, and nobody signed in.
        mvc.perform(get("/media/" + UUID.randomUUID()).with(data.as(s.org().admin()))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get(photo.href())).andReturn().getResponse().getRedirectedUrl()).endsWith("/sign-in");

        // A VIEWER sees nothing until it is published, then sees it; unpublishing hides it again.
        TestData.Person viewer = s.org().person(Role.VIEWER);
        mvc.perform(get(photo.href()).with(data.as(viewer))).andExpect(status().isNotFound());
        assertThat(media.find(s.as(Role.VIEWER), photo.id())).isEmpty();
        media.setPublished(s.facilitator(), photo.id(), true);
        mvc.perform(get(photo.href()).with(data.as(viewer))).andExpect(status().isOk());
        assertThat(media.files(s.as(Role.VIEWER), List.of(pdf.id(), photo.id()))).extracting(MediaFile::id).containsExactly(photo.id());
        media.setPublished(s.facilitator(), photo.id(), false);
        mvc.perform(get(photo.href()).with(data.as(viewer))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select action from media_change where media_id = :id order by changed_at").param("id", photo.id())
                .query(String.class).list()).containsExactly("STORED", "PUBLISHED", "UNPUBLISHED");

        // A MEMBER, of the project or not, does not see a facilitator's file before it is published (it belongs to an
        // item only facilitators see, such as an activity's minutes), even with its address; once published they do.
        TestData.Person member = s.org().person(Role.MEMBER);
        TestData.Person outsider = data.person(s.org().id(), Role.MEMBER, "outsider-" + TestData.suffix());
        mvc.perform(get(pdf.href()).with(data.as(member))).andExpect(status().isNotFound());
        mvc.perform(get(pdf.href()).with(data.as(outsider))).andExpect(status().isNotFound());
        assertThat(media.find(s.as(Role.MEMBER), pdf.id())).isEmpty();
        media.setPublished(s.facilitator(), pdf.id(), true);
        mvc.perform(get(pdf.href()).with(data.as(member))).andExpect(status().isOk());
        mvc.perform(get(pdf.href()).with(data.as(outsider))).andExpect(status().isOk());

        // What a member adds themselves, they see; another member does not, until it is published.
        MediaFile own = stored(media.store(s.as(Role.MEMBER), s.project(), "my-drawing.png", TestMedia.png(20, 20)));
        assertThat(own.uploadedBy()).isEqualTo(member.id());
        mvc.perform(get(own.href()).with(data.as(member))).andExpect(status().isOk());
        mvc.perform(get(own.href()).with(data.as(outsider))).andExpect(status().isNotFound());
    }

    @Test
    void filesComeBackInTheOrderAskedAndOnlyTheOrganisationsOwn() {
        Setup s = setup();
        Setup other = setup();
        MediaFile a = stored(media.store(s.facilitator(), s.project(), "a.txt", "a".getBytes(StandardCharsets.UTF_8)));
        MediaFile b = stored(media.store(s.facilitator(), s.project(), "b.txt", "b".getBytes(StandardCharsets.UTF_8)));
        MediaFile theirs = stored(media.store(other.facilitator(), other.project(), "c.txt", "c".getBytes(StandardCharsets.UTF_8)));

        assertThat(media.files(s.facilitator(), List.of(b.id(), theirs.id(), a.id()))).extracting(MediaFile::filename)
                .containsExactly("b.txt", "a.txt");
        assertThat(media.files(s.facilitator(), List.of())).isEmpty();
        assertThat(media.find(s.facilitator(), theirs.id())).isEmpty();
        assertThatThrownBy(() -> media.setPublished(s.facilitator(), theirs.id(), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.describe(s.facilitator(), theirs.id(), "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFacilitatorDescribesAPhotoAndBadDescriptionsAreRefusedWithThePlainErrorPattern() throws Exception {
        Setup s = setup();
        MediaFile photo = stored(media.store(s.facilitator(), s.project(), "garden.png", TestMedia.png(30, 20)));
        String back = "/projects/" + s.project();
        var facilitator = data.as(s.org().person(Role.FACILITATOR));

        Document form = Jsoup.parse(mvc.perform(get(photo.describeHref()).param("back", back).with(facilitator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("img.app-media-photo").attr("src")).isEqualTo(photo.href());
        assertThat(form.select("form[action=" + photo.describeHref() + "] input[name=back]").val()).isEqualTo(back);

        Document blank = Jsoup.parse(mvc.perform(post(photo.describeHref()).with(facilitator).with(csrf())
                        .param("description", "   ").param("back", back))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select(".govuk-error-summary a[href=#description]").text()).isEqualTo("Enter what the photo shows");
        assertThat(blank.select("#description-error").text()).contains("Enter what the photo shows");

        Document tooLong = Jsoup.parse(mvc.perform(post(photo.describeHref()).with(facilitator).with(csrf())
                        .param("description", "x".repeat(501)).param("back", back))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooLong.select("#description-error").text()).contains("500 characters or fewer");
        assertThat(media.find(s.facilitator(), photo.id()).orElseThrow().description()).isNull();

        mvc.perform(post(photo.describeHref()).with(facilitator).with(csrf())
                        .param("description", "  Group members planting the garden  ").param("back", back))
                .andExpect(redirectedUrl(back));
        MediaFile described = media.find(s.facilitator(), photo.id()).orElseThrow();
        assertThat(described.description()).isEqualTo("Group members planting the garden");
        assertThat(described.needsDescription()).isFalse();

        // Going back never leaves the site.
        mvc.perform(post(photo.describeHref()).with(facilitator).with(csrf())
                        .param("description", "Planting").param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/"));

        // Members and viewers cannot describe; another organisation cannot see the page.
        mvc.perform(get(photo.describeHref()).with(data.as(s.org().person(Role.MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(post(photo.describeHref()).with(data.as(s.org().person(Role.VIEWER))).with(csrf()).param("description", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get(photo.describeHref()).with(data.as(setup().org().admin()))).andExpect(status().isNotFound());
        assertThat(media.find(s.facilitator(), photo.id()).orElseThrow().description()).isEqualTo("Planting");
    }

    @Test
    void theMediaListShowsPhotosWithTheirDescriptionAsAltTextAndOffersOtherFilesToDownload() {
        Setup s = setup();
        MediaFile undescribed = stored(media.store(s.facilitator(), s.project(), "garden.png", TestMedia.png(30, 20)));
        MediaFile described = stored(media.store(s.facilitator(), s.project(), "party.jpg", TestMedia.jpeg(30, 20)));
        media.describe(s.facilitator(), described.id(), "Members cutting the cake at the summer party");
        described = media.find(s.facilitator(), described.id()).orElseThrow();
        MediaFile pdf = stored(media.store(s.facilitator(), s.project(), "minutes.pdf", TestMedia.pdf()));

        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        templates.render("components/mediaList.jte", java.util.Map.of("files", List.of(undescribed, described, pdf),
                "canDescribe", true, "back", "/projects/" + s.project() + "/evidence"), out);
        Document html = Jsoup.parse(out.toString());

        assertThat(html.select("img").eachAttr("src")).containsExactly(undescribed.href(), described.href());
        assertThat(html.select("img").eachAttr("alt")).containsExactly("", "Members cutting the cake at the summer party");
        assertThat(html.select(".govuk-warning-text").text()).contains("No description yet for garden.png");
        assertThat(html.select("a[href^=" + undescribed.describeHref() + "]").attr("href"))
                .isEqualTo(undescribed.describeHref() + "?back=%2Fprojects%2F" + s.project() + "%2Fevidence");
        assertThat(html.select("a[href^=" + undescribed.describeHref() + "]").text()).isEqualTo("Add a description garden.png");
        assertThat(html.select("a[href^=" + described.describeHref() + "]").text()).isEqualTo("Change the description party.jpg");
        assertThat(html.select("a[href=" + pdf.href() + "]").text()).isEqualTo("Download minutes.pdf");
        assertThat(html.text()).contains("Document, 1 KB");

        gg.jte.output.StringOutput readOnly = new gg.jte.output.StringOutput();
        templates.render("components/mediaList.jte", java.util.Map.of("files", List.of(described)), readOnly);
        assertThat(Jsoup.parse(readOnly.toString()).select("a")).isEmpty();
    }
}
