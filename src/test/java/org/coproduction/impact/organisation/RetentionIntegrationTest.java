package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.OrganisationId;
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

/**
 * The daily clean-up deletes only what is past the time the organisation chose (files with their
 * bytes, records with what depends on them), touches no other organisation, runs once when several
 * instances start it together, and reports what it deleted on the settings page and in the log.
 */
@IntegrationTest
class RetentionIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    MediaService media;

    @Autowired
    Retention retention;

    @Autowired
    DataProtectionSettings settings;

    @Autowired
    JdbcClient jdbc;

    TestData.Org org;
    TestData.Org other;
    Tenant admin;

    /** The rows made for one organisation: one past its time and one not, of each kind. */
    record Rows(UUID oldItem, UUID newItem, UUID oldFile, UUID newFile, UUID oldResponse, UUID newResponse, String oldDraft,
            String newDraft) {}

    Rows ours;
    Rows theirs;

    @BeforeEach
    void twoOrganisationsWithOldAndNewData() {
        org = data.organisationWithEveryRole("Retention");
        other = data.organisationWithEveryRole("No retention");
        admin = tenant(org.admin());
        ours = rows(org);
        theirs = rows(other);
        settings.save(admin, new DataProtectionSettings.Settings(false, 1, 24, 36, 12, 60));
    }

    private Tenant tenant(TestData.Person p) {
        return new Tenant(new UserId(p.id()), p.organisation(), "", p.role());
    }

    private Rows rows(TestData.Org o) {
        Tenant as = tenant(o.admin());
        UUID project = projects.create(as, new ProjectService.ProjectDetails("Kept " + TestData.suffix(), null, null, null, null, null,
                false, List.of()));
        UUID oldFile = ((StoreResult.Stored) media.store(as, project, "old.png", TestMedia.png(10, 10))).file().id();
        UUID newFile = ((StoreResult.Stored) media.store(as, project, "new.png", TestMedia.png(10, 10))).file().id();
        jdbc.sql("update media_file set uploaded_at = now() - interval '13 months' where id = :id").param("id", oldFile).update();
        UUID oldItem = item(o.id(), project, "37 months");
        UUID newItem = item(o.id(), project, "35 months");
        jdbc.sql("insert into record_item_media (organisation_id, item_id, media_file_id, position) values (:org, :item, :file, 1)")
                .param("org", o.id().value()).param("item", newItem).param("file", oldFile).update();
        UUID form = UUID.randomUUID();
        jdbc.sql("""
                        insert into form (id, organisation_id, project_id, title, token, paper_code, status)
                        values (:id, :org, :project, 'Kept form', :token, :code, 'OPEN')
                        """)
                .param("id", form).param("org", o.id().value()).param("project", project)
                .param("token", "tok" + UUID.randomUUID().toString().replace("-", "")).param("code", "R" + TestData.suffix().substring(0, 6))
                .update();
        jdbc.sql("insert into form_version (organisation_id, form_id, number, questions) values (:org, :form, 1, '[]')")
                .param("org", o.id().value()).param("form", form).update();
        UUID oldResponse = response(o.id(), form, "25 months");
        UUID newResponse = response(o.id(), form, "23 months");
        String oldDraft = draft(o.id(), form, "32 days");
        String newDraft = draft(o.id(), form, "20 days");
        jdbc.sql("update audit_event set at = now() - interval '61 months' where organisation_id = :org").param("org", o.id().value()).update();
        return new Rows(oldItem, newItem, oldFile, newFile, oldResponse, newResponse, oldDraft, newDraft);
    }

    private UUID item(OrganisationId orgId, UUID project, String age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into record_item (id, organisation_id, project_id, kind, title, happened_on, created_at)
                        values (:id, :org, :project, 'COMMENT', 'A comment', current_date, now() - cast(:age as interval))
                        """)
                .param("id", id).param("org", orgId.value()).param("project", project).param("age", age).update();
        jdbc.sql("insert into record_item_theme (organisation_id, item_id, theme) values (:org, :item, 'garden')")
                .param("org", orgId.value()).param("item", id).update();
        return id;
    }

    private UUID response(OrganisationId orgId, UUID form, String age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, submitted_at)
                        values (:id, :org, :form, 1, :token, '{}', 'ONLINE', now() - cast(:age as interval))
                        """)
                .param("id", id).param("org", orgId.value()).param("form", form).param("token", UUID.randomUUID().toString())
                .param("age", age).update();
        return id;
    }

    private String draft(OrganisationId orgId, UUID form, String age) {
        String token = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into form_draft (token, organisation_id, form_id, version_number, updated_at)
                        values (:token, :org, :form, 1, now() - cast(:age as interval))
                        """)
                .param("token", token).param("org", orgId.value()).param("form", form).param("age", age).update();
        return token;
    }

    private boolean exists(String table, String column, Object id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :id").param("id", id).query(Long.class).single() > 0;
    }

    @Test
    void deletesOnlyWhatIsPastItsTimeAndNothingOfAnotherOrganisation() {
        DataProtectionSettings.Run run = retention.runFor(org.id(), Duration.ZERO).orElseThrow();

        assertThat(run.drafts()).isEqualTo(1);
        assertThat(run.responses()).isEqualTo(1);
        assertThat(run.records()).isEqualTo(1);
        assertThat(run.files()).isEqualTo(1);
        assertThat(run.audit()).isPositive();
        assertThat(exists("record_item", "id", ours.oldItem())).isFalse();
        assertThat(exists("record_item_theme", "item_id", ours.oldItem())).isFalse();
        assertThat(exists("record_item", "id", ours.newItem())).isTrue();
        assertThat(exists("media_file", "id", ours.oldFile())).isFalse();
        assertThat(exists("media_content", "media_id", ours.oldFile())).as("the old file's bytes").isFalse();
        assertThat(exists("record_item_media", "media_file_id", ours.oldFile())).isFalse();
        assertThat(exists("media_content", "media_id", ours.newFile())).isTrue();
        assertThat(exists("form_response", "id", ours.oldResponse())).isFalse();
        assertThat(exists("form_response", "id", ours.newResponse())).isTrue();
        assertThat(exists("form_draft", "token", ours.oldDraft())).isFalse();
        assertThat(exists("form_draft", "token", ours.newDraft())).isTrue();

        for (UUID kept : List.of(theirs.oldItem(), theirs.newItem())) {
            assertThat(exists("record_item", "id", kept)).isTrue();
        }
        assertThat(exists("media_content", "media_id", theirs.oldFile())).isTrue();
        assertThat(exists("form_response", "id", theirs.oldResponse())).isTrue();
        assertThat(exists("form_draft", "token", theirs.oldDraft())).isTrue();

        assertThat(jdbc.sql("select summary from audit_event where organisation_id = :org and action = 'RETENTION_RUN'")
                .param("org", org.id().value()).query(String.class).single()).startsWith("drafts 1, responses 1, records 1, files 1, audit ");
    }

    @Test
    void severalInstancesStartingTogetherCleanOnce() throws Exception {
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            Callable<Optional<DataProtectionSettings.Run>> run = () -> {
                start.await();
                return retention.runFor(org.id(), Retention.NOT_AGAIN_WITHIN);
            };
            List<Future<Optional<DataProtectionSettings.Run>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < instances; i++) {
                results.add(pool.submit(run));
            }
            start.countDown();
            int ran = 0;
            for (var r : results) {
                ran += r.get().isPresent() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from retention_run where organisation_id = :org").param("org", org.id().value())
                .query(Long.class).single()).isOne();
    }

    @Test
    void anAdminSetsThePeriodsOnAPageThatSaysWhatTheLastRunDeleted() throws Exception {
        retention.runFor(org.id(), Duration.ZERO);

        String page = mvc.perform(get("/settings/data-protection").with(data.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Data protection settings", "value=\"24\"", "1 half-done answer", "1 file");

        String refused = mvc.perform(post("/settings/data-protection").with(data.as(org.admin())).with(csrf())
                        .param("drafts", "soon").param("files", "0").param("answers", "yes"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("govuk-error-summary", "as a whole number of months", "between 1 and 600 months", "value=\"soon\"");
        assertThat(settings.of(org.id()).draftsMonths()).isEqualTo(1);

        mvc.perform(post("/settings/data-protection").with(data.as(org.admin())).with(csrf())
                        .param("drafts", "3").param("responses", "").param("records", " 48 ").param("files", "").param("audit", "")
                        .param("answers", "yes"))
                .andExpect(redirectedUrl("/settings/data-protection"));
        assertThat(settings.of(org.id())).isEqualTo(new DataProtectionSettings.Settings(true, 3, null, 48, null, null));

        mvc.perform(get("/settings/data-protection").with(data.as(org.person(Role.FACILITATOR)))).andExpect(status().isForbidden());
        assertThat(settings.of(other.id())).isEqualTo(DataProtectionSettings.Settings.DEFAULT);
    }
}
