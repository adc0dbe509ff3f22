package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.record.Upload;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An ADMIN downloads everything the organisation holds about one person: their account without its
 * password, what they did across modules (found by the schema's references to their account), the
 * files they added with the same bytes, and nothing of another organisation or another person.
 */
@IntegrationTest
class SubjectAccessIntegrationTest {

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
    RecordService records;

    TestData.Org org;
    TestData.Person subject;
    byte[] photo;
    String projectName;

    @BeforeEach
    void aFacilitatorWhoDidThings() {
        org = data.organisationWithEveryRole("Subject access");
        subject = org.person(Role.FACILITATOR);
        Tenant as = new Tenant(new UserId(subject.id()), org.id(), org.name(), Role.FACILITATOR);
        projectName = "Garden club " + TestData.suffix();
        UUID project = projects.create(as, new ProjectService.ProjectDetails(projectName, null, null, null, null, null, false, List.of()));
        photo = TestMedia.png(40, 30);
        assertThat(media.store(as, project, "the garden.png", photo)).isInstanceOf(StoreResult.Stored.class);
    }

    private Map<String, byte[]> download(TestData.Person admin, UUID membership) throws Exception {
        MvcResult started = mvc.perform(get("/people/" + membership + "/data/download").with(data.as(admin)))
                .andExpect(request().asyncStarted())
                .andReturn();
        byte[] zip = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // The streamed download leaves no organisation scope behind on this (the request's) thread.
        assertThat(OrganisationScope.current()).isEmpty();
        return entries(zip);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void theZipHoldsTheirAccountWhatTheyDidAndTheirFilesButNoSecrets() throws Exception {
        Map<String, byte[]> zip = download(org.admin(), subject.membershipId());

        String json = new String(zip.get("data.json"), StandardCharsets.UTF_8);
        assertThat(json).contains(subject.username(), subject.name(), org.name(), projectName, "the garden.png")
                .doesNotContain("password_hash", "{bcrypt}", "{argon2");
        assertThat(zip.keySet()).contains("summary.html", "csv/user_account.csv", "csv/membership.user_id.csv",
                "csv/audit_event.actor_user_id.csv", "csv/media_file.uploaded_by.csv");
        assertThat(zip.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("files/").endsWith("-the-garden.png");
            assertThat(e.getValue()).isEqualTo(photo);
        });
        String summary = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("<html lang=\"en-GB\">", "Data about " + subject.name(), "1 file (added by them or attached to a record about them) is in the files folder.");

        String log = jdbc.sql("select action from audit_event where organisation_id = :org and entity_id = :p")
                .param("org", org.id().value()).param("p", subject.membershipId().toString()).query(String.class).list().toString();
        assertThat(log).contains("SUBJECT_ACCESS_DOWNLOADED");
    }

    @Test
    void aPhotoSomeoneElseAddedToARecordAboutThemIsInTheirZipAndOneAboutSomeoneElseIsNot() throws Exception {
        TestData.Person member = org.person(Role.MEMBER);
        Tenant as = new Tenant(new UserId(subject.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(as, new ProjectService.ProjectDetails("Allotment " + TestData.suffix(), null, null, null, null,
                subject.id(), false, List.of(member.id())));
        byte[] ofThem = TestMedia.png(30, 20);
        byte[] ofSomeoneElse = TestMedia.png(20, 30);
        caseStudy(as, project, member.name(), "their-photo.png", ofThem);
        caseStudy(as, project, "Someone Else " + TestData.suffix(), "someone-else.png", ofSomeoneElse);

        Map<String, byte[]> zip = download(org.admin(), member.membershipId());
        assertThat(zip.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("files/").endsWith("-their-photo.png");
            assertThat(e.getValue()).isEqualTo(ofThem);
        });
        assertThat(zip.keySet()).noneMatch(k -> k.endsWith("-someone-else.png") || k.endsWith("-the-garden.png"));
        assertThat(new String(zip.get("summary.html"), StandardCharsets.UTF_8))
                .contains("1 file (added by them or attached to a record about them) is in the files folder.");
    }

    private void caseStudy(Tenant as, UUID project, String speakerName, String filename, byte[] photo) {
        assertThat(records.add(as, project, ItemDraft.caseStudy("Story of " + speakerName,
                        java.time.LocalDate.now().minusDays(2), Speaker.NAMED, null, speakerName, "Before.", "During.",
                        "After.", "Own words.", List.of(), List.of(), List.of()),
                List.of(new Upload(filename, photo))))
                .isInstanceOf(RecordEdit.Saved.class);
    }

    @Test
    void nothingOfAnotherPersonOrOrganisationIsInIt() throws Exception {
        TestData.Org other = data.organisationWithEveryRole("Other subject access");
        String json = new String(download(org.admin(), org.person(Role.VIEWER).membershipId()).get("data.json"), StandardCharsets.UTF_8);

        assertThat(json).contains(org.person(Role.VIEWER).username())
                .doesNotContain(subject.username(), projectName, "the garden.png", other.name());
    }

    @Test
    void onlyAnAdminOfTheirOrganisationMayAsk() throws Exception {
        TestData.Org other = data.organisationWithEveryRole("Foreign subject access");
        mvc.perform(get("/people/" + subject.membershipId() + "/data/download").with(data.as(other.admin())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/" + subject.membershipId() + "/data").with(data.as(org.person(Role.FACILITATOR))))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/people/" + subject.membershipId() + "/data").with(data.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Data about " + subject.name(), "Download their data");
    }
}
