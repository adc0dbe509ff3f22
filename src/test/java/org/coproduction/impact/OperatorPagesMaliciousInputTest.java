package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestData.Person;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the platform operator's pages, which {@link MaliciousInputSweepTest} leaves out (it signs
 * in as an organisation's people). What reaches the operator from others is the organisations'
 * names, which their ADMINs type: every text payload of the corpus is made an organisation's name
 * and the operator's list must show it as text, never as markup. The operator's one form (suspend
 * or restore an organisation) has no typed field, so every field it has, the hidden
 * {@code suspended} and the organisation's id in its address, gets each payload in turn: the answer
 * is clear (never a 5xx), shows no markup, and no organisation's suspension changes.
 */
@IntegrationTest
@TestPropertySource(properties = "app.operator.usernames=" + EndpointSweepTest.OPERATOR)
class OperatorPagesMaliciousInputTest {

    private static final String LIST = "/operator/organisations";

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void organisationNamesAndTheSuspensionFormCarryNoMarkupToTheOperator() throws Exception {
        EndpointSweepTest sweep = new EndpointSweepTest();
        beans.autowireBean(sweep);
        Person operator = sweep.operator();
        List<String> payloads = MaliciousInputSweepTest.payloads();

        Map<OrganisationId, String> named = new LinkedHashMap<>();
        for (String payload : payloads) {
            // As the ControlCharacters filter stores what an ADMIN types: no NUL, a lone surrogate as U+FFFD.
            String stored = payload.replace("\0", "").replace('\uD800', '\uFFFD');
            named.put(data.organisation(stored + " " + TestData.suffix()), stored);
        }

        MockHttpServletResponse list = mvc.perform(get(LIST).accept(MediaType.TEXT_HTML).with(data.as(operator))).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(MaliciousInputSweepTest.markup("the operator's list", list)).isEmpty();
        Document page = Jsoup.parse(list.getContentAsString(), "http://localhost" + LIST);
        String shown = page.select("tbody th").eachText().toString();
        for (String name : named.values()) {
            // The names are shown as text; jsoup's text() trims and folds white space as a browser does.
            assertThat(shown).as("the list shows " + name.strip()).contains(name.strip().replaceAll("\\s+", " ").replace("\r", ""));
        }

        OrganisationId target = named.keySet().iterator().next();
        Element form = page.selectFirst("form[action=/operator/organisations/" + target.value() + "/suspension]");
        assertThat(form).as("the suspension form of " + target).isNotNull();
        String before = suspensions();
        List<String> problems = new ArrayList<>();
        for (String payload : payloads) {
            problems.addAll(send("suspended=" + printable(payload), "/operator/organisations/" + target.value() + "/suspension",
                    Map.of("suspended", payload), operator));
            String path = "/operator/organisations/" + URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20") + "/suspension";
            problems.addAll(send("the id " + printable(payload), path, Map.of("suspended", "true"), operator));
        }
        assertThat(problems).isEmpty();
        assertThat(suspensions()).as("no organisation was suspended or restored").isEqualTo(before);
    }

    private List<String> send(String what, String path, Map<String, String> params, Person operator) throws Exception {
        var request = post(URI.create(path));
        params.forEach(request::param);
        MockHttpServletResponse answer = mvc.perform(request.accept(MediaType.TEXT_HTML).with(csrf()).with(data.as(operator)))
                .andReturn().getResponse();
        List<String> problems = new ArrayList<>();
        if (!MaliciousInputSweepTest.CLEAR_ANSWERS.contains(answer.getStatus())) {
            problems.add(what + ": status " + answer.getStatus());
        }
        problems.addAll(MaliciousInputSweepTest.markup(what, answer));
        return problems;
    }

    private String suspensions() {
        return jdbc.sql("select count(*) || '/' || count(suspended_at) from organisation").query(String.class).single();
    }

    private static String printable(String payload) {
        StringBuilder out = new StringBuilder();
        payload.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || Character.isSurrogate((char) c)
                ? String.format("\\x{%X}", c) : Character.toString(c)));
        return out.toString();
    }
}
