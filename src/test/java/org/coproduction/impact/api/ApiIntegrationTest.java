package org.coproduction.impact.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.measure.MeasureKind;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestData.Org;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The read-only API with real tokens on the real database (docs/api.md). */
@IntegrationTest
class ApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    MeasureService measures;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    static Tenant as(Org org, Role role) {
        return new Tenant(new UserId(org.person(role).id()), org.id(), org.name(), role);
    }

    String tokenFor(Org org, String... scopes) {
        return tokens.create(as(org, Role.ADMIN), "Dashboard " + TestData.suffix(), List.of(scopes.length == 0
                ? ApiScopes.ALL.toArray(String[]::new) : scopes), null).secret();
    }

    UUID projectOf(Org org, String name) {
        return projects.create(as(org, Role.FACILITATOR), new ProjectService.ProjectDetails(name, null, null, null, null,
                org.person(Role.FACILITATOR).id(), true, List.of(org.person(Role.MEMBER).id())));
    }

    MockHttpServletResponse call(String uri, @Nullable String token) throws Exception {
        MockHttpServletRequestBuilder request = get(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aTokenReadsItsOwnOrganisationAndNothingOfAnother() throws Exception {
        Org a = data.organisationWithEveryRole("Api A");
        Org b = data.organisationWithEveryRole("Api B");
        UUID project = projectOf(a, "A's project " + TestData.suffix());
        String tokenA = tokenFor(a);
        String tokenB = tokenFor(b);

        MockHttpServletResponse own = call("/api/v1/projects", tokenA);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentType()).startsWith("application/json");
        assertThat(JsonPath.<List<String>>read(own.getContentAsString(), "$.items[*].id")).containsExactly(project.toString());

        MockHttpServletResponse other = call("/api/v1/projects", tokenB);
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(other.getContentAsString()).doesNotContain(project.toString());
        for (String path : List.of("", "/pathway", "/plan-rows", "/measures", "/forms")) {
            MockHttpServletResponse foreign = call("/api/v1/projects/" + project + path, tokenB);
            assertThat(foreign.getStatus()).as(path).isEqualTo(404);
            assertThat(foreign.getContentType()).as(path).startsWith("application/problem+json");
            assertThat(JsonPath.<Integer>read(foreign.getContentAsString(), "$.status")).isEqualTo(404);
        }
    }

    @Test
    void withoutAGoodTokenNothingIsShown() throws Exception {
        Org a = data.organisationWithEveryRole("Api C");
        projectOf(a, "C's project " + TestData.suffix());
        String revoked = tokenFor(a);
        UUID revokedId = jdbc.sql("select id from api_token where prefix = :p").param("p", revoked.substring(0, 10)).query(UUID.class).single();
        tokens.revoke(as(a, Role.ADMIN), revokedId);
        String expired = tokenFor(a);
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where prefix = :p").param("p", expired.substring(0, 10)).update();

        for (String token : new String[] {null, revoked, expired, "cpi_made-up", "not-even-ours"}) {
            MockHttpServletResponse response = call("/api/v1/projects", token);
            assertThat(response.getStatus()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.getContentAsString()).doesNotContain("C's project");
        }
        // A signed-in ADMIN's session is no key to the API: it is stateless and reads no cookie.
        MockHttpServletResponse session = mvc.perform(get("/api/v1/projects").with(data.as(a.admin()))).andReturn().getResponse();
        assertThat(session.getStatus()).isEqualTo(401);
        assertThat(session.getCookie("SESSION")).isNull();
    }

    @Test
    void anAddressTheApiDoesNotHaveIsAProblemToo() throws Exception {
        String token = tokenFor(data.organisationWithEveryRole("Api I"));

        MockHttpServletResponse unknown = call("/api/v1/no-such-thing", token);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse post = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/projects")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(post.getStatus()).isEqualTo(405);
        assertThat(post.getContentType()).startsWith("application/problem+json");
        assertThat(call("/api/v1/no-such-thing", null).getStatus()).isEqualTo(401);
        // The pages keep their own "page not found".
        assertThat(mvc.perform(get("/no-such-page")).andReturn().getResponse().getContentType()).startsWith("text/html");
    }

    @Test
    void aTokenWithoutTheScopeIsRefused() throws Exception {
        Org a = data.organisationWithEveryRole("Api D");
        UUID project = projectOf(a, "D's project " + TestData.suffix());
        String reportsOnly = tokenFor(a, ApiScopes.REPORTS);

        MockHttpServletResponse refused = call("/api/v1/projects/" + project, reportsOnly);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).doesNotContain("D's project");
        assertThat(call("/api/v1/projects/" + project + "/measures", reportsOnly).getStatus()).isEqualTo(403);
        assertThat(call("/api/v1/reports", reportsOnly).getStatus()).isEqualTo(200);
    }

    @Test
    void cursorPagingReturnsEveryRowOnce() throws Exception {
        Org a = data.organisationWithEveryRole("Api E");
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            made.add(projectOf(a, "Paged " + i + " " + TestData.suffix()).toString());
        }
        String token = tokenFor(a, ApiScopes.PROJECTS);

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/projects?limit=3";
        int pages = 0;
        while (next != null) {
            String body = call(next, token).getContentAsString();
            List<String> ids = JsonPath.read(body, "$.items[*].id");
            assertThat(ids).hasSizeLessThanOrEqualTo(3);
            seen.addAll(ids);
            next = JsonPath.read(body, "$.next");
            pages++;
            // A project added while paging comes after the cursor or before it, never twice.
            if (pages == 1) {
                projectOf(a, "Added while paging " + TestData.suffix());
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsAll(made);

        assertThat(call("/api/v1/projects?cursor=not-a-cursor", token).getStatus()).isEqualTo(400);
        assertThat(call("/api/v1/projects?limit=0", token).getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(call("/api/v1/projects?limit=100000", token).getContentAsString(), "$.items[*].id"))
                .hasSize(8);
    }

    List<String> pageThrough(String first, String token) throws Exception {
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            MockHttpServletResponse response = call(next, token);
            assertThat(response.getStatus()).as(next).isEqualTo(200);
            String body = response.getContentAsString();
            seen.addAll(JsonPath.<List<String>>read(body, "$.items[*].id"));
            next = JsonPath.read(body, "$.next");
        }
        return seen;
    }

    @Test
    void dataPointsMeasuresAndFormsArePagedByTheDatabaseEveryRowOnceAndOnlyTheTokensOwn() throws Exception {
        Org a = data.organisationWithEveryRole("Api J");
        Org b = data.organisationWithEveryRole("Api K");
        Tenant facilitator = as(a, Role.FACILITATOR);
        UUID project = projectOf(a, "J's project " + TestData.suffix());
        for (int i = 0; i < 5; i++) {
            measures.addPoint(facilitator, project, new MeasureService.PointDraft("Measure " + i, MeasureKind.COUNT, BigDecimal.ONE,
                    LocalDate.of(2026, 1, 5), null));
            forms.create(facilitator, project, "Form " + i, null, false, null, List.of());
        }
        UUID measure = measures.measures(facilitator, project).getFirst().id();
        // More points than the pages show (500 newest): the API hands out every one of them.
        jdbc.sql("""
                        insert into data_point (id, organisation_id, project_id, measure_id, value, observed_on, created_by)
                        select gen_random_uuid(), :org, :project, :measure, n, date '2025-01-01' + n % 300, :by
                        from generate_series(1, 649) n
                        """)
                .param("org", a.id().value()).param("project", project).param("measure", measure)
                .param("by", a.person(Role.FACILITATOR).id()).update();
        // One point put away: it is not listed.
        jdbc.sql("update data_point set archived_at = now() where id = (select id from data_point where measure_id = :m order by id limit 1)")
                .param("m", measure).update();
        List<String> current = jdbc.sql("select id::text from data_point where measure_id = :m and archived_at is null order by id")
                .param("m", measure).query(String.class).list();
        assertThat(current).hasSize(649);
        String token = tokenFor(a);
        String base = "/api/v1/projects/" + project;

        // Every current point once, in the database's id order (the cursor is the last id), over 4 pages of 200.
        assertThat(pageThrough(base + "/measures/" + measure + "/data-points?limit=200", token)).containsExactlyElementsOf(current);
        List<String> measureIds = jdbc.sql("select id::text from measure where project_id = :p order by id").param("p", project)
                .query(String.class).list();
        assertThat(pageThrough(base + "/measures?limit=2", token)).hasSize(5).containsExactlyElementsOf(measureIds);
        List<String> formIds = jdbc.sql("select id::text from form where project_id = :p order by id").param("p", project)
                .query(String.class).list();
        assertThat(pageThrough(base + "/forms?limit=2", token)).hasSize(5).containsExactlyElementsOf(formIds);
        // A cursor of one list read on another is only a place in the id order, never a way in.
        String cursor = JsonPath.read(call(base + "/measures/" + measure + "/data-points?limit=1", token).getContentAsString(), "$.next");
        assertThat(cursor).contains("cursor=");

        // Another organisation's token: not found, whatever the cursor.
        String tokenB = tokenFor(b);
        for (String path : List.of("/measures", "/measures/" + measure + "/data-points", "/forms",
                "/measures/" + measure + "/data-points?" + cursor.substring(cursor.indexOf("limit"))) ) {
            MockHttpServletResponse foreign = call(base + path, tokenB);
            assertThat(foreign.getStatus()).as(path).isEqualTo(404);
            assertThat(foreign.getContentAsString()).doesNotContain(current.getLast());
        }
        // B's own lists hold nothing of A's.
        assertThat(pageThrough("/api/v1/projects?limit=1", tokenB)).doesNotContain(project.toString());
        // A measure of another project of the same organisation is "not found" under this project.
        UUID otherProject = projectOf(a, "J's other project " + TestData.suffix());
        assertThat(call("/api/v1/projects/" + otherProject + "/measures/" + measure + "/data-points", token).getStatus()).isEqualTo(404);
    }

    @Test
    void tooManyRequestsGet429WithRetryAfter() throws Exception {
        Org a = data.organisationWithEveryRole("Api F");
        String token = tokenFor(a, ApiScopes.PROJECTS);
        String other = tokenFor(a, ApiScopes.PROJECTS);

        int ok = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i < 200; i++) {
            last = call("/api/v1/projects", token);
            if (last.getStatus() != 200) {
                break;
            }
            ok++;
        }
        // 120 a minute, refilled evenly: a few more come back while the loop runs.
        assertThat(ok).isBetween(120, 130);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(last.getContentType()).startsWith("application/problem+json");
        // The limit is per token: another token of the same organisation is not held back.
        assertThat(call("/api/v1/projects", other).getStatus()).isEqualTo(200);
    }

    @Test
    void pathwayPlanMeasuresAndCountedAnswers() throws Exception {
        Org a = data.organisationWithEveryRole("Api G");
        Tenant facilitator = as(a, Role.FACILITATOR);
        UUID project = projectOf(a, "G's project " + TestData.suffix());
        pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("People feel listened to", Term.SHORT, true, List.of(), null));
        UUID outcome = pathways.pathway(facilitator, project).currentOutcomes().getFirst().id();
        measures.addPoint(facilitator, project, new MeasureService.PointDraft("People coming", MeasureKind.COUNT, BigDecimal.TEN,
                LocalDate.of(2026, 1, 5), null));
        UUID measure = measures.measures(facilitator, project).getFirst().id();
        Question rating = new Question("felt", QuestionType.SINGLE_CHOICE, "Did you feel listened to?", null, null, null, false,
                List.of("Yes", "No"), ScaleStyle.WORDS, null, null, outcome, null);
        Question words = new Question("said", QuestionType.SHORT_TEXT, "Anything else?", null, null, null, false, List.of(),
                ScaleStyle.WORDS, null, null, outcome, null);
        UUID formId = forms.create(facilitator, project, "After the meeting", null, false, null, List.of(rating, words));
        forms.setStatus(facilitator, formId, FormStatus.OPEN);
        Form form = forms.form(facilitator, formId);
        PublicForm pf = respondents.locate(form.token()).orElseThrow();
        // Choices are answered by their position: 1 is "Yes", 2 is "No".
        for (String answer : List.of("1", "1", "2")) {
            Draft draft = respondents.start(pf, Source.ONLINE, null);
            respondents.savePage(pf, draft, pf.form().questions(), Map.of("felt", List.of(answer), "said", List.of("Private words " + answer)));
            respondents.submit(pf, draft.token());
        }
        String token = tokenFor(a);

        String pathway = call("/api/v1/projects/" + project + "/pathway", token).getContentAsString();
        assertThat(JsonPath.<List<String>>read(pathway, "$.outcomes[*].title")).containsExactly("People feel listened to");
        String points = call("/api/v1/projects/" + project + "/measures/" + measure + "/data-points", token).getContentAsString();
        assertThat(JsonPath.<List<Number>>read(points, "$.items[*].value")).extracting(Number::intValue).containsExactly(10);
        String formList = call("/api/v1/projects/" + project + "/forms", token).getContentAsString();
        assertThat(JsonPath.<List<String>>read(formList, "$.items[*].id")).containsExactly(formId.toString());

        MockHttpServletResponse results = call("/api/v1/forms/" + formId + "/results", token);
        assertThat(results.getStatus()).isEqualTo(200);
        String body = results.getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.counted")).isEqualTo(3);
        assertThat(JsonPath.<List<Integer>>read(body, "$.questions[?(@.key == 'felt')].tallies[0].counts[?(@.label == 'Yes')].count"))
                .containsExactly(2);
        // Counts per choice, never one person's words.
        assertThat(body).doesNotContain("Private words").doesNotContain("\"said\"");
        // Counted answers need their own scope.
        assertThat(call("/api/v1/forms/" + formId + "/results", tokenFor(a, ApiScopes.FORMS)).getStatus()).isEqualTo(403);
    }

    @Test
    void tokensAreKeptAsHashesAndTheirMakingAndRevokingAudited() throws Exception {
        Org a = data.organisationWithEveryRole("Api H");
        NewToken made = tokens.create(as(a, Role.ADMIN), "Funder report", List.of(ApiScopes.REPORTS), LocalDate.now().plusDays(30));
        assertThat(made.secret()).startsWith("cpi_").hasSizeGreaterThan(40);

        String stored = jdbc.sql("select concat_ws('|', name, prefix, encode(token_hash, 'hex'), scopes::text) from api_token where id = :id")
                .param("id", made.id()).query(String.class).single();
        assertThat(stored).doesNotContain(made.secret()).contains(made.secret().substring(0, 10));
        assertThat(call("/api/v1/reports", made.secret()).getStatus()).isEqualTo(200);
        assertThat(tokens.tokens(as(a, Role.ADMIN)).getFirst().lastUsedAt()).isNotNull();

        tokens.revoke(as(a, Role.ADMIN), made.id());
        List<String> actions = jdbc.sql("select action from audit_event where organisation_id = :org and entity_id = :id order by at")
                .param("org", a.id().value()).param("id", made.id().toString()).query(String.class).list();
        assertThat(actions).containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
        assertThat(call("/api/v1/reports", made.secret()).getStatus()).isEqualTo(401);
    }
}
