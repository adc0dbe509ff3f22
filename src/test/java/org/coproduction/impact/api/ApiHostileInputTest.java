package org.coproduction.impact.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.MaliciousInputSweepTest;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.measure.MeasureKind;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestData.Org;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's query parameters with hostile values (issue 15): every list and page of the API, its
 * {@code cursor} and {@code limit} given each payload of the malicious-input corpus, numbers past
 * every edge, a cursor of another list, and a very long one. Whatever is sent, the answer is the
 * page (200) or a plain problem (400), always JSON, never a server error; and a token of another
 * organisation sent the same to organisation A's addresses learns nothing of A.
 */
@IntegrationTest
class ApiHostileInputTest {

    /** The API takes 120 requests a minute per token: a fresh token well before that. */
    private static final int REQUESTS_PER_TOKEN = 100;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ProjectService projects;

    @Autowired
    MeasureService measures;

    @Autowired
    FormService forms;

    private final List<String> secretsOfA = new ArrayList<>();

    private final class Tokens {
        private final Org org;
        private String current = "";
        private int used = REQUESTS_PER_TOKEN;

        Tokens(Org org) {
            this.org = org;
        }

        String next() {
            if (used++ >= REQUESTS_PER_TOKEN) {
                Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
                current = tokens.create(admin, "Hostile " + TestData.suffix(), List.copyOf(ApiScopes.ALL), null).secret();
                used = 1;
            }
            return current;
        }
    }

    static List<String> values() {
        List<String> values = new ArrayList<>(MaliciousInputSweepTest.payloads());
        values.addAll(List.of("", " ", "-1", "0", "1", "200", "201", "2147483647", "2147483648", "-2147483649",
                "99999999999999999999999", "1e3", "0x10", "NaN", "1.5", "1,000", "１２", UUID.randomUUID().toString(),
                "00000000-0000-0000-0000-000000000000", "AAAAAAAAAAAAAAAAAAAAAA", "%00", "../../etc/passwd",
                "x".repeat(10_000)));
        return values;
    }

    @Test
    void everyListAndPageAnswersHostileParametersWithThePageOrAPlainProblemAndAnotherOrganisationLearnsNothing() throws Exception {
        Org a = data.organisationWithEveryRole("Api hostile A");
        Org b = data.organisationWithEveryRole("Api hostile B");
        Tenant facilitator = new Tenant(new UserId(a.person(Role.FACILITATOR).id()), a.id(), a.name(), Role.FACILITATOR);
        String projectName = "Hostile project " + TestData.suffix();
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails(projectName, null, null, null, null,
                a.person(Role.FACILITATOR).id(), true, List.of(a.person(Role.MEMBER).id())));
        String measureName = "Hostile measure " + TestData.suffix();
        measures.addPoint(facilitator, project, new MeasureService.PointDraft(measureName, MeasureKind.COUNT, BigDecimal.TEN,
                LocalDate.of(2026, 1, 5), null));
        UUID measure = measures.measures(facilitator, project).getFirst().id();
        String formTitle = "Hostile form " + TestData.suffix();
        UUID form = forms.create(facilitator, project, formTitle, null, false, null, List.of());
        secretsOfA.addAll(List.of(projectName, measureName, formTitle, project.toString(), measure.toString(), form.toString()));

        // A real cursor of one list, to be sent to every other list.
        Tokens ofA = new Tokens(a);
        Tokens ofB = new Tokens(b);
        String firstPage = call("/api/v1/projects/" + project + "/measures/" + measure + "/data-points?limit=1", "", "", ofA.next())
                .getContentAsString();
        List<String> hostile = values();
        String next = JsonPath.read(firstPage, "$.next");
        if (next != null) {
            hostile.add(next.substring(next.indexOf("cursor=") + "cursor=".length()).split("&")[0]);
        }

        String p = "/api/v1/projects/" + project;
        List<String> ofOrganisationA = List.of(p, p + "/pathway", p + "/plan-rows", p + "/measures", p + "/measures/" + measure + "/data-points",
                p + "/forms", "/api/v1/forms/" + form + "/results");
        List<String> lists = List.of("/api/v1/projects", "/api/v1/reports");

        int sent = 0;
        for (String path : concat(ofOrganisationA, lists)) {
            for (String parameter : List.of("cursor", "limit")) {
                for (String value : hostile) {
                    String what = path + "?" + parameter + "=" + shortened(value);
                    MockHttpServletResponse own = call(path, parameter, value, ofA.next());
                    assertThat(own.getStatus()).as(what).isIn(200, 400);
                    assertJson(own, what);

                    MockHttpServletResponse foreign = call(path, parameter, value, ofB.next());
                    assertJson(foreign, what + " (B)");
                    if (ofOrganisationA.contains(path)) {
                        assertThat(foreign.getStatus()).as(what + " (B)").isIn(400, 404);
                    } else {
                        assertThat(foreign.getStatus()).as(what + " (B)").isIn(200, 400);
                    }
                    String body = foreign.getContentAsString();
                    for (String secret : secretsOfA) {
                        // An id B sent itself may come back in the problem's "instance": B learns nothing by it.
                        if (!path.contains(secret)) {
                            assertThat(body).as(what + " (B)").doesNotContain(secret);
                        }
                    }
                    sent += 2;
                }
            }
        }
        assertThat(sent).isGreaterThan(1_000);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + " characters)" : value;
    }

    private static void assertJson(MockHttpServletResponse response, String what) throws Exception {
        assertThat(response.getContentType()).as(what).matches("application/(problem\\+)?json.*");
        // It parses as JSON whatever was sent (the value, if echoed, is escaped).
        JsonPath.parse(response.getContentAsString());
    }

    private MockHttpServletResponse call(String path, String parameter, String value, String token) throws Exception {
        var request = get(path).header("Authorization", "Bearer " + token);
        if (!parameter.isEmpty()) {
            request = request.param(parameter, value);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
