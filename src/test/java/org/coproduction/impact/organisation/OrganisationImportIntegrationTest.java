package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The operator brings in an organisation through the pages (issue #15): a file that is not an export
 * is refused beside the field, an export is checked and previewed before anything is made, confirming
 * makes the organisation with its people (new accounts cannot sign in with any password until they set
 * one), and nobody but the operator may use the pages.
 */
@IntegrationTest
class OrganisationImportIntegrationTest {

    /** The operator named in the tests\' configuration (src/test/resources/application.yml): no context of its own is needed. */
    static final String OPERATOR = "operator";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    OrganisationExport export;

    @Autowired
    JdbcClient jdbc;

    /** The organisation's export, after its admin made one project. */
    private ByteArrayOutputStream exportWithAProject(TestData.Org from) {
        TestData.Person admin = from.person(Role.ADMIN);
        Tenant asAdmin = new Tenant(new UserId(admin.id()), from.id(), from.name(), Role.ADMIN);
        projects.create(asAdmin, new ProjectService.ProjectDetails("Allotment " + TestData.suffix(), null, null, null, null, null, false,
                List.of()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.write(asAdmin, zip);
        return zip;
    }

    private TestData.Person operator() {
        return data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER, OPERATOR);
    }

    @Test
    void theOperatorChecksAnExportAndBringsItInAsANewOrganisation() throws Exception {
        TestData.Org from = data.organisationWithEveryRole("Leaving");
        TestData.Person admin = from.person(Role.ADMIN);
        Tenant asAdmin = new Tenant(new UserId(admin.id()), from.id(), from.name(), Role.ADMIN);
        String project = "Men’s shed " + TestData.suffix();
        projects.create(asAdmin, new ProjectService.ProjectDetails(project, null, null, null, null, null, false, List.of()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.write(asAdmin, zip);
        // The organisation writes in Welsh: that comes across too.
        jdbc.sql("update organisation set words_language = 'cy' where id = :id").param("id", from.id().value()).update();
        // Someone without an email address, so a new account is made for them (the others are linked by email).
        jdbc.sql("update user_account set email = null where id = :id").param("id", from.person(Role.VIEWER).id()).update();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        export.write(asAdmin, again);
        TestData.Person operator = operator();
        int organisations = jdbc.sql("select count(*) from organisation").query(Integer.class).single();

        int waiting = jdbc.sql("select count(*) from organisation_import_upload_part").query(Integer.class).single();
        Document refused = Jsoup.parse(mvc.perform(multipart("/operator/organisations/import")
                        .file(new MockMultipartFile("file", "notes.zip", "application/zip", "not a zip".getBytes()))
                        .with(csrf()).with(data.as(operator))).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#file-error").text()).contains("The file is not a zip file made by this service");
        assertThat(jdbc.sql("select count(*) from organisation_import_upload_part").query(Integer.class).single()).as("a refused file keeps nothing")
                .isEqualTo(waiting);

        String preview = mvc.perform(multipart("/operator/organisations/import")
                        .file(new MockMultipartFile("file", "export.zip", "application/zip", again.toByteArray()))
                        .with(csrf()).with(data.as(operator))).andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/operator/organisations/imports/");
        Document page = Jsoup.parse(mvc.perform(get(preview).with(data.as(operator))).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-summary-list").text()).contains(from.name(), "4 people, 3 already with an account here");
        assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single()).as("nothing made yet").isEqualTo(organisations);

        // Nobody else may see or confirm it.
        assertThat(mvc.perform(get(preview).with(data.as(admin))).andReturn().getResponse().getStatus()).isEqualTo(403);
        mvc.perform(post(preview + "/confirm").with(csrf()).with(data.as(admin)).param("name", "Taken over"));
        assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single()).isEqualTo(organisations);

        var done = mvc.perform(post(preview + "/confirm").with(csrf()).with(data.as(operator)).param("name", "Moved here")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/operator/organisations");
        assertThat((String) done.getFlashMap().get("notice")).startsWith("Moved here has been brought in: 1 new account");
        UUID moved = jdbc.sql("select id from organisation where name = 'Moved here'").query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from project where organisation_id = :o and name = :n").param("o", moved).param("n", project)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from membership where organisation_id = :o").param("o", moved).query(Integer.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select words_language from organisation where id = :o").param("o", moved).query(String.class).single())
                .isEqualTo("cy");
        // The new account has a password nobody knows; the admin's own account is linked, with the same role.
        assertThat(jdbc.sql("select role from membership where organisation_id = :o and user_id = :u").param("o", moved).param("u", admin.id())
                .query(String.class).single()).isEqualTo("ADMIN");
        // The same file again is refused on its preview.
        String second = mvc.perform(multipart("/operator/organisations/import")
                        .file(new MockMultipartFile("file", "export.zip", "application/zip", again.toByteArray()))
                        .with(csrf()).with(data.as(operator))).andReturn().getResponse().getRedirectedUrl();
        assertThat(Jsoup.parse(mvc.perform(get(second).with(data.as(operator))).andReturn().getResponse().getContentAsString()).text())
                .contains("This file has been brought in already");
    }

    /**
     * A download broken off part way is a zip cut short: wherever it stops, in a table, in a photo, or
     * in the zip's directory after the manifest, the upload says so and keeps nothing.
     */
    /**
     * The check page shows what was worked out while the file came in, so showing it again does not
     * read a large file again: here the kept file is gone and the page still shows it. Who already has
     * an account is counted as it is when the page is shown.
     */
    @Test
    void theCheckPageShowsWhatWasWorkedOutAtUploadWithoutReadingTheFileAgain() throws Exception {
        TestData.Org from = data.organisationWithEveryRole("Checked once");
        ByteArrayOutputStream zip = exportWithAProject(from);
        TestData.Person operator = operator();
        String preview = mvc.perform(multipart("/operator/organisations/import")
                        .file(new MockMultipartFile("file", "export.zip", "application/zip", zip.toByteArray()))
                        .with(csrf()).with(data.as(operator))).andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/operator/organisations/imports/");
        UUID upload = UUID.fromString(preview.substring(preview.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("delete from organisation_import_upload_part where upload_id = :id").param("id", upload).update()).isPositive();

        Document page = Jsoup.parse(mvc.perform(get(preview).with(data.as(operator))).andReturn().getResponse().getContentAsString());
        String shown = page.select(".govuk-summary-list").text();
        assertThat(shown).contains(from.name(), "4 people, 4 already with an account here");
        assertThat(shown).containsPattern("Records [0-9,]+ in [0-9]+ tables");

        jdbc.sql("update user_account set email = null where id = :id").param("id", from.person(Role.VIEWER).id()).update();
        page = Jsoup.parse(mvc.perform(get(preview).with(data.as(operator))).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-summary-list").text()).contains("4 people, 3 already with an account here");
    }

    @Test
    void aDownloadCutShortIsRefusedWithThatReasonWhereverItStops() throws Exception {
        TestData.Org from = data.organisationWithEveryRole("Cut short");
        ByteArrayOutputStream zip = exportWithAProject(from);
        byte[] whole = zip.toByteArray();
        TestData.Person operator = operator();
        int waiting = jdbc.sql("select count(*) from organisation_import_upload_part").query(Integer.class).single();

        for (int length : List.of(whole.length / 3, whole.length / 2, whole.length - 200, whole.length - 10, whole.length - 1)) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            Document refused = Jsoup.parse(mvc.perform(multipart("/operator/organisations/import")
                            .file(new MockMultipartFile("file", "export.zip", "application/zip", cut))
                            .with(csrf()).with(data.as(operator))).andReturn().getResponse().getContentAsString());
            assertThat(refused.select("#file-error").text()).as("cut at %d of %d bytes", length, whole.length)
                    .contains("The file stops part way, so not all of it is there");
        }
        assertThat(jdbc.sql("select count(*) from organisation_import_upload_part").query(Integer.class).single()).as("nothing kept")
                .isEqualTo(waiting);
        // The whole file still goes through.
        assertThat(mvc.perform(multipart("/operator/organisations/import")
                        .file(new MockMultipartFile("file", "export.zip", "application/zip", whole))
                        .with(csrf()).with(data.as(operator))).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/operator/organisations/imports/");
    }
}
