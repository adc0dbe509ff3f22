package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.organisation.InvitationService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.AcrossOrganisations;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.AccessInterceptor;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15, "a second wall": PostgreSQL row-level security on every table with an
 * {@code organisation_id}. While a thread works for one organisation, a query that forgot its
 * organisation condition still reads, changes and adds nothing of another organisation.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    AsyncTaskExecutor executor;

    @Autowired
    FormService forms;

    @Autowired
    InvitationService invitations;

    @Autowired
    AccessInterceptor access;

    @Autowired
    FlywayMigrationStrategy migrations;

    @Autowired
    Flyway flyway;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private List<String> tablesWithOrganisation() {
        return jdbc.sql("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
                        where n.nspname = current_schema() and c.relkind = 'r'
                        order by 1
                        """).query(String.class).list();
    }

    private UUID project(TestData.Org org) {
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        return projects.create(t, new ProjectService.ProjectDetails("Walled " + TestData.suffix(), null, null, null, null, f.id(), false,
                List.of()));
    }

    @Test
    void everyTableWithAnOrganisationHasTheForcedPolicyExceptTheMembershipDirectory() {
        List<String> tables = tablesWithOrganisation();
        assertThat(tables).contains("project", "form_response", "record_item", "audit_event", "membership");
        List<String> walled = jdbc.sql("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_policies p on p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = 'organisation_scope'
                        where n.nspname = current_schema() and c.relrowsecurity and c.relforcerowsecurity
                        order by 1
                        """).query(String.class).list();
        assertThat(walled).containsExactlyElementsOf(tables.stream().filter(t -> !t.equals("membership")).toList());
    }

    @Test
    void withinOneOrganisationAQueryWithoutItsConditionSeesNothingOfAnother() {
        TestData.Org a = data.organisationWithEveryRole("Wall A");
        TestData.Org b = data.organisationWithEveryRole("Wall B");
        UUID projectA = project(a);
        UUID projectB = project(b);
        // The service's own work (jobs, migrations, this test's own thread) reads across organisations.
        assertThat(jdbc.sql("select count(*) from project where id in (:a, :b)").param("a", projectA).param("b", projectB)
                .query(Long.class).single()).isEqualTo(2);

        List<String> tables = tablesWithOrganisation().stream().filter(t -> !t.equals("membership")).toList();
        OrganisationScope.within(a.id(), () -> {
            // Every walled table, read with no condition of its own: nothing of another organisation.
            for (String table : tables) {
                long others = jdbc.sql("select count(*) from " + table + " where organisation_id is distinct from :a")
                        .param("a", a.id().value()).query(Long.class).single();
                assertThat(others).as(table).isZero();
            }
            assertThat(jdbc.sql("select id from project").query(UUID.class).list()).contains(projectA).doesNotContain(projectB);
            // Changing another organisation's row changes nothing; adding a row for it is refused.
            assertThat(jdbc.sql("update project set name = 'taken' where id = :b").param("b", projectB).update()).isZero();
            assertThat(jdbc.sql("delete from project where id = :b").param("b", projectB).update()).isZero();
            assertThatThrownBy(() -> jdbc.sql("update project set organisation_id = :b where id = :a")
                    .param("a", projectA).param("b", b.id().value()).update())
                    .rootCause().hasMessageContaining("violates row-level security policy");
            return null;
        });
        assertThat(jdbc.sql("select name from project where id = :b").param("b", projectB).query(String.class).single())
                .startsWith("Walled");
    }

    @Test
    void aPageOfOneOrganisationIsScopedAndTheScopeEndsWithTheRequest() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Wall pages");
        project(a);
        assertThat(mvc.perform(get("/projects").with(data.as(a.admin()))).andReturn().getResponse().getStatus()).isEqualTo(200);
        // MockMvc runs the request on this thread: nothing of it is left behind for the next work.
        assertThat(OrganisationScope.current()).isEmpty();
    }

    @Test
    void workHandedToAnotherThreadAsAStreamedDownloadKeepsTheScopeAndLeavesTheThreadClean() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Wall streams");
        UUID projectA = project(a);
        UUID projectB = project(data.organisationWithEveryRole("Wall streams B"));
        List<UUID> seen = OrganisationScope.within(a.id(), () -> {
            try {
                return executor.submit(() -> jdbc.sql("select id from project where id in (:a, :b)").param("a", projectA)
                        .param("b", projectB).query(UUID.class).list()).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen).containsExactly(projectA);
        // The same executor's next work, started outside any organisation, is not scoped.
        assertThat(executor.submit(() -> OrganisationScope.current().isPresent()).get()).isFalse();
    }

    @Test
    void aPublicAnsweringPageReadsOnlyItsFormsOrganisationAndAnUnknownLinkReadsNothing() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Wall links");
        TestData.Person f = a.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), a.id(), a.name(), Role.FACILITATOR);
        UUID formId = forms.create(t, project(a), "Walled form", null, false, null, List.of(new Question("q1", QuestionType.LONG_TEXT,
                "What went well?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, formId, FormStatus.OPEN);
        String token = forms.form(t, formId).token();

        assertThat(scopeWhile("/r/" + token)).contains(a.id());
        assertThat(scopeWhile("/r/" + token + "/q/1")).contains(a.id());
        // A link that belongs to no form: the page is limited to no organisation at all, so it finds nothing.
        assertThat(scopeWhile("/r/" + "Z".repeat(token.length()))).contains(OrganisationScope.NONE);
        assertThat(OrganisationScope.within(OrganisationScope.NONE, () -> jdbc.sql("select count(*) from form").query(Long.class).single()))
                .isZero();
        // A public page that no token leads to, seen by nobody signed in, reads no organisation at all.
        assertThat(scopeWhile("/sign-in")).contains(OrganisationScope.NONE);

        // The answering page works within its wall.
        assertThat(mvc.perform(get("/r/" + token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(OrganisationScope.current()).isEmpty();
    }

    @Test
    void anInvitationsLinkReadsOnlyTheInvitingOrganisationAndOtherPublicPagesReadNone() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Wall invitations");
        Tenant t = new Tenant(new UserId(a.admin().id()), a.id(), a.name(), Role.ADMIN);
        UUID invitation = invitations.invitePrinted(t, "Wall invitee", Role.MEMBER);
        String token = invitations.get(t, invitation).token();

        assertThat(scopeWhile("/invite/" + token)).contains(a.id());
        assertThat(scopeWhile("/invite/" + "Z".repeat(token.length()))).contains(OrganisationScope.NONE);
        assertThat(scopeWhile("/reset-password/" + token)).contains(OrganisationScope.NONE);
        assertThat(scopeWhile("/forgotten-password")).contains(OrganisationScope.NONE);
        // The invitation's page works within its wall.
        assertThat(mvc.perform(get("/invite/" + token)).andReturn().getResponse().getContentAsString()).contains("Wall invitee");
    }

    /**
     * Only the pages that must look across organisations to find which one they are about may: each is
     * named here, so one more is a decision somebody reads, not a page that forgot its wall.
     */
    @Test
    void onlyTheNamedPublicPagesLookAcrossOrganisations() {
        List<String> across = handlers.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().hasMethodAnnotation(AcrossOrganisations.class))
                .map(e -> e.getValue().getBeanType().getSimpleName() + "." + e.getValue().getMethod().getName())
                .sorted().toList();
        assertThat(across).containsExactly("JoinController.enterCode", "OrganisationController.createOrganisation",
                "PasswordResetController.requestLink", "WorkAccountController.findWorkAccount");
        // And each of those is a public or any-signed-in page: a page of one organisation's role never looks across.
        handlers.getHandlerMethods().values().stream().filter(h -> h.hasMethodAnnotation(AcrossOrganisations.class))
                .forEach(h -> assertThat(AnnotatedElementUtils.hasAnnotation(h.getMethod(), RequiresRole.class)
                        || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), RequiresRole.class)).as(h.toString()).isFalse());
    }

    /**
     * Work across organisations on purpose (the operator's pages) runs as the operator's own database
     * role, one organisation's pages as the plain role under the policy, and a connection goes back
     * to the service's own account after either.
     */
    @Test
    void theOperatorsWorkTakesTheOperatorsRoleAndOneOrganisationsTheApplicationsRole() {
        String account = jdbc.sql("select current_user").query(String.class).single();
        TestData.Org a = data.organisationWithEveryRole("Wall roles");
        UUID projectA = project(a);
        UUID projectB = project(data.organisationWithEveryRole("Wall roles B"));

        assertThat(OrganisationScope.across(() -> jdbc.sql("select current_user").query(String.class).single()))
                .isEqualTo(RowLevelSecurity.OPERATOR_ROLE);
        assertThat(OrganisationScope.across(() -> jdbc.sql("select count(*) from project where id in (:a, :b)").param("a", projectA)
                .param("b", projectB).query(Long.class).single())).as("across organisations on purpose").isEqualTo(2);
        assertThat(OrganisationScope.within(a.id(), () -> jdbc.sql("select current_user").query(String.class).single()))
                .isEqualTo(RowLevelSecurity.ROLE);
        // One organisation's part of an operator's page is still limited to it.
        assertThat(OrganisationScope.across(() -> OrganisationScope.within(a.id(), () -> jdbc.sql("select id from project where id in (:a, :b)")
                .param("a", projectA).param("b", projectB).query(UUID.class).list()))).containsExactly(projectA);
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(account);
        assertThat(OrganisationScope.acrossOrganisations()).isFalse();
    }

    /**
     * The policy's own default: a connection that names no organisation and gives no reason (work on a
     * thread nobody scoped, were any to escape the strict holds on requests, jobs and start-up) reads
     * and changes no organisation's rows, where it once read every organisation's.
     */
    @Test
    void aConnectionThatNamesNoOrganisationAndGivesNoReasonReadsNothing() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Wall unnamed");
        UUID projectA = project(a);
        Supplier<Long> count = () -> jdbc.sql("select count(*) from project where id = :a").param("a", projectA).query(Long.class).single();
        ExecutorService unscoped = Executors.newSingleThreadExecutor();
        try {
            assertThat(unscoped.submit(count::get).get()).as("no organisation, no reason").isZero();
            assertThat(unscoped.submit(() -> jdbc.sql("update project set name = 'taken' where id = :a").param("a", projectA).update()).get())
                    .isZero();
            assertThat(unscoped.submit(() -> OrganisationScope.asTheService("a test's own reason", count)).get()).as("the service's own work")
                    .isEqualTo(1);
            assertThat(unscoped.submit(() -> OrganisationScope.within(a.id(), count)).get()).as("within the organisation").isEqualTo(1);
            assertThat(unscoped.submit(count::get).get()).as("no organisation, no reason, after both").isZero();
        } finally {
            unscoped.shutdown();
        }
        assertThat(jdbc.sql("select name from project where id = :a").param("a", projectA).query(String.class).single()).startsWith("Walled");
    }

    /**
     * A database made before "no organisation" meant "nothing" has policies that show every row to a
     * connection with none set: the next start (its migrations, even with none to apply) changes them.
     */
    @Test
    void aPolicyFromBeforeIsChangedAtTheNextStartSoNoOrganisationReadsNothing() {
        String old = "nullif(current_setting('app.organisation_id', true), '')";
        jdbc.sql("alter policy organisation_scope on project using (" + old + " is null or organisation_id = " + old + "::uuid) "
                + "with check (" + old + " is null or organisation_id = " + old + "::uuid or organisation_id is null)").update();
        assertThat(policyOfProject()).doesNotContain("app.across_organisations");

        migrations.migrate(flyway);

        assertThat(policyOfProject()).contains("app.across_organisations");
        TestData.Org a = data.organisationWithEveryRole("Wall upgraded");
        UUID projectA = project(a);
        ExecutorService unscoped = Executors.newSingleThreadExecutor();
        try {
            assertThat(unscoped.submit(() -> jdbc.sql("select count(*) from project where id = :a").param("a", projectA).query(Long.class)
                    .single()).get()).isZero();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            unscoped.shutdown();
        }
    }

    private String policyOfProject() {
        return jdbc.sql("select qual || ' ' || with_check from pg_policies where schemaname = current_schema() and tablename = 'project' "
                + "and policyname = 'organisation_scope'").query(String.class).single();
    }

    /** The organisation a request for {@code path} is limited to while its page runs. */
    private Optional<OrganisationId> scopeWhile(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        HandlerExecutionChain chain = handlers.getHandler(request);
        assertThat(chain).as(path).isNotNull();
        Object handler = chain.getHandler();
        assertThat(access.preHandle(request, response, handler)).isTrue();
        try {
            return OrganisationScope.current();
        } finally {
            access.afterCompletion(request, response, handler, null);
        }
    }

    /** Migrations work across organisations: the start's are in the activity log, with the account that ran them. */
    @Test
    void theMigrationsOfAStartAreInTheActivityLogWithTheAccountThatRanThem() {
        String latest = jdbc.sql("select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")
                .query(String.class).single();
        Map<String, Object> entry = jdbc.sql("""
                        select organisation_id, actor_user_id, entity_id, summary from audit_event
                        where action = 'MIGRATIONS_APPLIED' order by id desc limit 1
                        """).query().singleRow();
        assertThat(entry.get("organisation_id")).isNull();
        assertThat(entry.get("actor_user_id")).isNull();
        assertThat(entry.get("entity_id")).isEqualTo(latest);
        String account = jdbc.sql("select installed_by from flyway_schema_history where version = :v").param("v", latest).query(String.class).single();
        assertThat((String) entry.get("summary")).endsWith("V" + latest + ", as the database account " + account);
    }
}
