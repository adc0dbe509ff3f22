package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.export.ExportCheck;
import org.coproduction.impact.shared.export.ExportZip;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
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
 * An ADMIN downloads all of the organisation's data: a zip that passes {@link ExportCheck}, with a file
 * for every table that has an {@code organisation_id} (read from the catalog, so a new table cannot be
 * forgotten), the media files' bytes, no secret column and nothing of another organisation.
 */
@IntegrationTest
class OrganisationExportIntegrationTest {

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

    TestData.Org org;
    TestData.Org other;
    String projectName;
    String otherProjectName;
    byte[] photo;
    UUID file;
    UUID response;

    @BeforeEach
    void anOrganisationWithDataInSeveralModules() {
        org = data.organisationWithEveryRole("Export");
        other = data.organisationWithEveryRole("Not exported");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        Tenant as = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        projectName = "Community garden " + TestData.suffix();
        UUID project = projects.create(as, new ProjectService.ProjectDetails(projectName, null, null, null, null, null, false, List.of()));
        photo = TestMedia.png(40, 30);
        file = ((StoreResult.Stored) media.store(as, project, "the garden.png", photo)).file().id();

        UUID form = UUID.randomUUID();
        jdbc.sql("""
                        insert into form (id, organisation_id, project_id, title, token, paper_code, status, created_by)
                        values (:id, :org, :project, 'How was it?', :token, :code, 'OPEN', :by)
                        """)
                .param("id", form).param("org", org.id().value()).param("project", project)
                .param("token", "tok" + UUID.randomUUID().toString().replace("-", "")).param("code", "X" + TestData.suffix().substring(0, 6))
                .param("by", facilitator.id()).update();
        jdbc.sql("""
                        insert into form_version (organisation_id, form_id, number, questions)
                        values (:org, :form, 1, cast(:questions as jsonb))
                        """)
                .param("org", org.id().value()).param("form", form)
                .param("questions", "[{\"key\":\"said\",\"type\":\"LONG_TEXT\"}]")
                .update();
        response = UUID.randomUUID();
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source)
                        values (:id, :org, :form, 1, :token, cast(:answers as jsonb), 'ONLINE')
                        """)
                .param("id", response).param("org", org.id().value()).param("form", form)
                .param("token", UUID.randomUUID().toString())
                .param("answers", "{\"said\":[\"=1+1 the garden made my week\"]}")
                .update();

        TestData.Person otherFacilitator = other.person(Role.FACILITATOR);
        otherProjectName = "Secret allotment " + TestData.suffix();
        projects.create(new Tenant(new UserId(otherFacilitator.id()), other.id(), other.name(), Role.FACILITATOR),
                new ProjectService.ProjectDetails(otherProjectName, null, null, null, null, null, false, List.of()));
    }

    private byte[] download(TestData.Person admin) throws Exception {
        MvcResult started = mvc.perform(get("/settings/export/download").with(data.as(admin)))
                .andExpect(request().asyncStarted())
                .andReturn();
        byte[] zip = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // The streamed download leaves no organisation scope behind on this (the request's) thread.
        assertThat(OrganisationScope.current()).isEmpty();
        return zip;
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

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private Set<String> tenantTables() {
        return new HashSet<>(jdbc.sql("""
                        select c.relname from pg_class c
                        where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                          and exists (select 1 from pg_attribute o where o.attrelid = c.oid and o.attname = 'organisation_id')
                        order by 1
                        """).query(String.class).list());
    }

    @Test
    void theZipPassesTheCheckAndHoldsEveryTenantTableAndTheFiles() throws Exception {
        byte[] zip = download(org.admin());

        ExportCheck.Summary summary = ExportCheck.check(new ByteArrayInputStream(zip));
        assertThat(summary.organisation()).isEqualTo(org.name());
        Set<String> expected = tenantTables();
        expected.add("organisation");
        expected.add("user_account");
        assertThat(summary.rows().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        // The organisation's row and its people's accounts, never a password hash.
        assertThat(summary.rows()).containsEntry("organisation", 1L).containsEntry("user_account", (long) org.people().size());
        List<CSVRecord> accounts = csv(entries(zip).get("tables/user_account.csv"));
        assertThat(accounts.get(0).toList()).contains("id", "display_name").noneMatch(c -> c.contains("password") || c.contains("secret"));
        assertThat(summary.rows()).containsEntry("project", 1L).containsEntry("media_file", 1L).containsEntry("media_content", 1L)
                .containsEntry("form", 1L).containsEntry("form_response", 1L);
        assertThat(summary.rows().get("membership")).isEqualTo((long) org.people().size());
        assertThat(summary.files()).isEqualTo(1);

        Map<String, byte[]> entries = entries(zip);
        assertThat(entries.get("files/" + file)).isEqualTo(photo);
        List<CSVRecord> projectRows = csv(entries.get("tables/project.csv"));
        assertThat(projectRows.get(0).toList()).contains("id", "organisation_id", "name");
        assertThat(projectRows.get(1).toList()).contains(projectName);
        List<CSVRecord> responses = csv(entries.get("tables/form_response.csv"));
        int answers = responses.get(0).toList().indexOf("answers");
        // A cell a spreadsheet could run is guarded, and reading it back gives the stored text.
        assertThat(responses.get(1).get(answers)).doesNotStartWith("=");
        assertThat(ExportZip.readCell(responses.get(1).get(answers))).contains("=1+1 the garden made my week");

        String log = jdbc.sql("select action from audit_event where organisation_id = :org and entity_type = 'organisation'")
                .param("org", org.id().value()).query(String.class).list().toString();
        assertThat(log).contains("ORGANISATION_EXPORTED");
    }

    @Test
    void noSecretColumnAndNothingOfAnotherOrganisationIsInIt() throws Exception {
        Map<String, byte[]> entries = entries(download(org.admin()));

        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(entry.getKey()).doesNotContain(other.id().value().toString(), otherProjectName, other.name());
            if (!entry.getKey().startsWith("tables/")) {
                continue;
            }
            List<CSVRecord> rows = csv(entry.getValue());
            List<String> header = rows.get(0).toList();
            assertThat(header).as(entry.getKey()).noneMatch(c -> c.matches("(?i).*(password|token|secret|hash).*"));
            if (entry.getKey().equals("tables/user_account.csv")) {
                // Only the accounts of this organisation's people.
                List<String> ours = org.people().values().stream().map(p -> p.id().toString()).toList();
                int id = header.indexOf("id");
                rows.subList(1, rows.size()).forEach(row -> assertThat(ours).contains(row.get(id)));
                continue;
            }
            // The organisation's own row has its id as "id"; every other table has it as organisation_id.
            int organisation = entry.getKey().equals("tables/organisation.csv") ? header.indexOf("id") : header.indexOf("organisation_id");
            assertThat(organisation).as(entry.getKey()).isNotNegative();
            for (CSVRecord row : rows.subList(1, rows.size())) {
                assertThat(row.get(organisation)).as(entry.getKey()).isEqualTo(org.id().value().toString());
            }
        }
        // No stored secret appears anywhere: the form's link token and the response's submission token.
        String all = entries.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)).reduce("", String::concat);
        for (String token : jdbc.sql("select token from form where organisation_id = :org union all "
                + "select submission_token from form_response where organisation_id = :org")
                .param("org", org.id().value()).query(String.class).list()) {
            assertThat(all).doesNotContain(token);
        }
    }

    @Test
    void onlyAnAdminMayDownloadAndAnotherOrganisationGetsOnlyItsOwn() throws Exception {
        for (Role role : List.of(Role.FACILITATOR, Role.MEMBER, Role.VIEWER)) {
            mvc.perform(get("/settings/export").with(data.as(org.person(role)))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/export/download").with(data.as(org.person(role)))).andExpect(status().isForbidden());
        }
        String page = mvc.perform(get("/settings/export").with(data.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Download all of the organisation’s data", "/settings/export/download");

        byte[] theirs = download(other.admin());
        assertThat(ExportCheck.check(new ByteArrayInputStream(theirs)).organisation()).isEqualTo(other.name());
        Map<String, byte[]> entries = entries(theirs);
        assertThat(entries).doesNotContainKey("files/" + file);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertThat(new String(entry.getValue(), StandardCharsets.UTF_8)).as(entry.getKey())
                    .doesNotContain(org.id().value().toString(), projectName);
        }
        assertThat(new String(entries.get("tables/project.csv"), StandardCharsets.UTF_8)).contains(otherProjectName);
    }
}
