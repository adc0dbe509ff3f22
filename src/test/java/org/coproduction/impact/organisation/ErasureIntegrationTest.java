package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
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
 * Erasing a person leaves nothing in the database that names them (every text and JSON column of
 * every table is searched for their name and email), deletes their files' bytes, keeps their
 * answers as figures only where the organisation chose that, and changes nothing of another
 * organisation's. And every column that refers to an account has a rule, so a table added later
 * cannot be forgotten.
 */
@IntegrationTest
class ErasureIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    MediaService media;

    @Autowired
    Erasure erasure;

    @Autowired
    DataProtectionSettings settings;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcClient jdbc;

    TestData.Org org;
    TestData.Org other;
    TestData.Person subject;
    Tenant admin;
    UUID project;
    UUID otherProject;
    UUID file;
    UUID response;
    UUID quote;

    @BeforeEach
    void aFacilitatorWhoLeftTracesEverywhere() {
        org = data.organisationWithEveryRole("Erasure");
        other = data.organisationWithEveryRole("Untouched by erasure");
        subject = org.person(Role.FACILITATOR);
        admin = tenant(org.admin());
        Tenant as = tenant(subject);
        project = projects.create(as, new ProjectService.ProjectDetails("Allotment " + TestData.suffix(), null, null, null, null, null,
                false, List.of()));
        StoreResult stored = media.store(as, project, "me at the allotment.png", TestMedia.png(30, 20));
        file = ((StoreResult.Stored) stored).file().id();

        UUID form = UUID.randomUUID();
        jdbc.sql("""
                        insert into form (id, organisation_id, project_id, title, token, paper_code, status, created_by)
                        values (:id, :org, :project, 'How was it?', :token, :code, 'OPEN', :by)
                        """)
                .param("id", form).param("org", org.id().value()).param("project", project)
                .param("token", "tok" + UUID.randomUUID().toString().replace("-", "")).param("code", "E" + TestData.suffix().substring(0, 6))
                .param("by", subject.id()).update();
        jdbc.sql("""
                        insert into form_version (organisation_id, form_id, number, questions)
                        values (:org, :form, 1, cast(:questions as jsonb))
                        """)
                .param("org", org.id().value()).param("form", form)
                .param("questions", "[{\"key\":\"rate\",\"type\":\"RATING\"},{\"key\":\"said\",\"type\":\"LONG_TEXT\"},"
                        + "{\"key\":\"you\",\"type\":\"ABOUT_YOU\"}]")
                .update();
        response = UUID.randomUUID();
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, member_user_id)
                        values (:id, :org, :form, 1, :token, cast(:answers as jsonb), 'ONLINE', :member)
                        """)
                .param("id", response).param("org", org.id().value()).param("form", form)
                .param("token", UUID.randomUUID().toString())
                .param("answers", "{\"rate\":[\"4\"],\"said\":[\"I live on Mill Lane\"],\"you.age\":[\"2\"]}")
                .param("member", subject.id()).update();

        quote = recordItem(org.id(), project, "Said at the allotment", subject.name());
        jdbc.sql("""
                        insert into record_consent (id, organisation_id, item_id, given_by, given_how, internal_learning, funder_reports, public_use)
                        values (:id, :org, :item, :name, 'WRITTEN', true, false, false)
                        """)
                .param("id", UUID.randomUUID()).param("org", org.id().value()).param("item", quote).param("name", subject.name()).update();
        UUID meeting = recordItem(org.id(), project, "Planting day with " + subject.name(), null);
        jdbc.sql("insert into record_attendance (organisation_id, item_id, user_id) values (:org, :item, :user)")
                .param("org", org.id().value()).param("item", meeting).param("user", subject.id()).update();
        jdbc.sql("""
                        insert into plan_comment (id, organisation_id, project_id, author_user_id, text)
                        values (:id, :org, :project, :user, 'Could we add the pond?')
                        """)
                .param("id", UUID.randomUUID()).param("org", org.id().value()).param("project", project).param("user", subject.id()).update();
        jdbc.sql("""
                        insert into outbound_email (id, organisation_id, organisation_ids, recipient, subject, body, sent)
                        values (:id, :org, array[cast(:org as uuid)], :to, 'Your invitation', :body, true)
                        """)
                .param("id", UUID.randomUUID()).param("org", org.id().value()).param("to", subject.email())
                .param("body", "Hello " + subject.name()).update();
        organisations.changeRole(admin, subject.membershipId(), Role.MEMBER, 0); // an audit entry about them, naming them

        // Organisation B writes the same name in its own records: not the same person, and not A's to erase.
        otherProject = projects.create(tenant(other.admin()), new ProjectService.ProjectDetails("Other " + TestData.suffix(), null,
                null, null, null, null, false, List.of()));
        recordItem(other.id(), otherProject, "A quote", subject.name());
    }

    private UUID recordItem(OrganisationId orgId, UUID projectId, String title, String speakerName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into record_item (id, organisation_id, project_id, kind, title, happened_on, body, speaker, speaker_name)
                        values (:id, :org, :project, :kind, :title, current_date, 'We dug the beds.', :speaker, :name)
                        """)
                .param("id", id).param("org", orgId.value()).param("project", projectId)
                .param("kind", speakerName == null ? "ACTIVITY" : "QUOTE").param("title", title)
                .param("speaker", speakerName == null ? null : "NAMED").param("name", speakerName).update();
        return id;
    }

    private Tenant tenant(TestData.Person p) {
        return new Tenant(new UserId(p.id()), p.organisation(), "", p.role());
    }

    /** Every table and text or JSON column where {@code needle} is written, outside organisation {@code except}. */
    private List<String> whereWritten(String needle, OrganisationId except) {
        List<String> found = new ArrayList<>();
        record Column(String table, String column, boolean tenant) {}
        List<Column> columns = jdbc.sql("""
                        select c.relname, a.attname,
                               exists (select 1 from pg_attribute o where o.attrelid = c.oid and o.attname = 'organisation_id')
                        from pg_class c
                        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                        join pg_type t on t.oid = a.atttypid
                        where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                          and t.typname in ('text', 'varchar', 'bpchar', 'jsonb', 'json')
                        """)
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        for (Column c : columns) {
            String sql = "select count(*) from \"" + c.table() + "\" where strpos(lower(cast(\"" + c.column() + "\" as text)), lower(:needle)) > 0"
                    + (c.tenant() ? " and organisation_id is distinct from :except" : "");
            long n = jdbc.sql(sql).param("needle", needle).param("except", except.value()).query(Long.class).single();
            if (n > 0) {
                found.add(c.table() + "." + c.column());
            }
        }
        return found;
    }

    @Test
    void everyColumnThatRefersToAnAccountHasARule() {
        Set<String> references = new HashSet<>(jdbc.sql("""
                        select cl.relname || '.' || a.attname
                        from pg_constraint c
                        join pg_class cl on cl.oid = c.conrelid
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'f' and c.confrelid = 'user_account'::regclass
                        """).query(String.class).list());
        Set<String> handled = new HashSet<>(Erasure.RULES.keySet());
        handled.addAll(Erasure.ACCOUNT_LEVEL);

        assertThat(references)
                .as("a column refers to a person's account: say in Erasure.RULES what erasing a person does with it")
                .isSubsetOf(handled);
        assertThat(handled).as("rules for columns that no longer exist").isSubsetOf(references);
    }

    @Test
    void nothingNamesThemAfterwardsAndTheirFileIsGone() {
        assertThat(whereWritten(subject.name(), other.id())).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from media_content where media_id = :f").param("f", file).query(Long.class).single()).isOne();

        assertThat(erasure.erase(admin, subject.membershipId())).isEqualTo(Erasure.Outcome.DONE);

        assertThat(whereWritten(subject.name(), other.id())).as("columns still naming them").isEmpty();
        assertThat(whereWritten(subject.email(), other.id())).as("columns still holding their email").isEmpty();
        assertThat(whereWritten(subject.username(), other.id())).as("columns still holding their username").isEmpty();
        assertThat(jdbc.sql("select count(*) from media_content where media_id = :f").param("f", file).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from media_file where id = :f").param("f", file).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from membership where user_id = :u").param("u", subject.id()).query(Long.class).single())
                .isZero();
        // Their words stay, anonymous; the activity they came to counts them among the others.
        assertThat(jdbc.sql("select speaker from record_item where id = :i").param("i", quote).query(String.class).single())
                .isEqualTo("ANONYMOUS");
        assertThat(jdbc.sql("select sum(others_count) from record_item where organisation_id = :org and kind = 'ACTIVITY'")
                .param("org", org.id().value()).query(Integer.class).single()).isEqualTo(1);
        // Organisations choose to delete answers unless they said otherwise.
        assertThat(jdbc.sql("select count(*) from form_response where id = :r").param("r", response).query(Long.class).single()).isZero();
        // The log says an erasure happened, not whom, and keeps nothing about them.
        List<String> log = jdbc.sql("select concat_ws('|', action, entity_id, summary) from audit_event where organisation_id = :org")
                .param("org", org.id().value()).query(String.class).list();
        assertThat(log).anySatisfy(e -> assertThat(e).startsWith("PERSON_ERASED|"))
                .noneSatisfy(e -> assertThat(e).contains(subject.membershipId().toString()))
                .noneSatisfy(e -> assertThat(e).contains(subject.id().toString()));
        assertThat(jdbc.sql("select username from user_account where id = :u").param("u", subject.id()).query(String.class).single())
                .startsWith("erased-");
    }

    @Test
    void anotherOrganisationsDataIsUntouched() {
        String before = fingerprint(other.id());

        erasure.erase(admin, subject.membershipId());

        assertThat(fingerprint(other.id())).isEqualTo(before);
        assertThat(jdbc.sql("select speaker_name from record_item where organisation_id = :org").param("org", other.id().value())
                .query(String.class).single()).isEqualTo(subject.name());
    }

    /** Every row of the organisation's tables, as text. */
    private String fingerprint(OrganisationId id) {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("""
                        select c.relname from pg_class c
                        where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                          and exists (select 1 from pg_attribute o where o.attrelid = c.oid and o.attname = 'organisation_id')
                        order by 1
                        """).query(String.class).list()) {
            all.append(table).append(':').append(jdbc.sql("select coalesce(string_agg(md5(cast(t as text)), ',' order by md5(cast(t as text))), '') from \""
                    + table + "\" t where organisation_id = :org").param("org", id.value()).query(String.class).single());
        }
        return all.toString();
    }

    @Test
    void answersStayAsFiguresWhereTheOrganisationChoseThat() {
        settings.save(admin, new DataProtectionSettings.Settings(true, null, null, null, null, null));
        assertThat(erasure.preview(admin, subject.membershipId()).keepsAnswersAsFigures()).isTrue();

        erasure.erase(admin, subject.membershipId());

        String answers = jdbc.sql("select concat_ws('|', member_user_id, cast(answers as text)) from form_response where id = :r")
                .param("r", response).query(String.class).single();
        assertThat(answers).contains("\"rate\": [\"4\"]", "\"you.age\": [\"2\"]").doesNotContain("Mill Lane", subject.id().toString());
    }

    @Test
    void theConfirmationCountsWhatWillGoAndASecondErasureFindsNothing() throws Exception {
        Erasure.Preview preview = erasure.preview(admin, subject.membershipId());
        assertThat(preview.counts().get(Erasure.Kind.FILES)).isEqualTo(1);
        assertThat(preview.counts().get(Erasure.Kind.ANSWERS)).isEqualTo(1);
        assertThat(preview.counts().get(Erasure.Kind.VOICES)).isEqualTo(1);
        assertThat(preview.counts().get(Erasure.Kind.ATTENDANCE)).isEqualTo(1);
        assertThat(preview.counts().get(Erasure.Kind.COMMENTS)).isEqualTo(1);
        assertThat(preview.counts().get(Erasure.Kind.EMAILS)).isEqualTo(1);
        assertThat(preview.accountGoes()).isTrue();

        String page = mvc.perform(get("/people/" + subject.membershipId() + "/erase").with(data.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Erase everything about " + subject.name(), "Photos, recordings and documents they added",
                "Your organisation chose to delete an erased person’s form answers.");

        // Not confirmed: the page again with the message next to the box, and nothing erased.
        String refused = mvc.perform(post("/people/" + subject.membershipId() + "/erase").with(data.as(org.admin())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("govuk-error-summary", "Select that you understand everything about " + subject.name());
        assertThat(jdbc.sql("select count(*) from membership where id = :m").param("m", subject.membershipId()).query(Long.class).single())
                .isOne();

        mvc.perform(post("/people/" + subject.membershipId() + "/erase").param("confirm", "yes")
                        .with(data.as(org.admin())).with(csrf()))
                .andExpect(redirectedUrl("/people"));
        assertThat(erasure.erase(admin, subject.membershipId())).isEqualTo(Erasure.Outcome.GONE);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'PERSON_ERASED'")
                .param("org", org.id().value()).query(Long.class).single()).isOne();
    }

    @Test
    void twoErasuresAtOnceEraseOnce() throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Erasure.Outcome> erase = () -> {
                start.await();
                // As the erasure page does: within the admin's organisation.
                return OrganisationScope.within(org.id(), () -> erasure.erase(admin, subject.membershipId()));
            };
            var first = pool.submit(erase);
            var second = pool.submit(erase);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(Erasure.Outcome.DONE, Erasure.Outcome.GONE);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'PERSON_ERASED'")
                .param("org", org.id().value()).query(Long.class).single()).isOne();
    }

    @Test
    void onlyAnAdminOfTheirOrganisationMayEraseAndNeverThemselves() throws Exception {
        mvc.perform(post("/people/" + subject.membershipId() + "/erase").param("confirm", "yes")
                        .with(data.as(other.admin())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/" + subject.membershipId() + "/erase").with(data.as(org.person(Role.MEMBER))))
                .andExpect(status().isForbidden());
        assertThat(erasure.erase(admin, org.admin().membershipId())).isEqualTo(Erasure.Outcome.SELF);
        assertThat(jdbc.sql("select count(*) from membership where organisation_id = :org").param("org", org.id().value())
                .query(Long.class).single()).isEqualTo(Role.values().length);
    }

    @Test
    void aPersonInAnotherOrganisationKeepsTheirAccountThere() {
        data.addMembership(other.id(), subject.id(), Role.VIEWER);
        assertThat(erasure.preview(admin, subject.membershipId()).accountGoes()).isFalse();

        erasure.erase(admin, subject.membershipId());

        assertThat(jdbc.sql("select display_name from user_account where id = :u").param("u", subject.id()).query(String.class).single())
                .isEqualTo(subject.name());
        assertThat(jdbc.sql("select count(*) from membership where user_id = :u").param("u", subject.id()).query(Long.class).single())
                .isOne();
    }
}
