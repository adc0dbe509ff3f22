package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: the operators' metrics for Prometheus. Only a scraper with the configured token reads
 * them; they show requests, the database pool, the outbox and the responses saved, and a double
 * submission is counted as a repeat, not as a second response.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "app.metrics.token=scrape-secret-for-tests",
        "management.defaults.metrics.export.enabled=true",
        "management.prometheus.metrics.export.enabled=true"})
class MetricsIntegrationTest {

    static final String TOKEN = "scrape-secret-for-tests";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    private String scrape() throws Exception {
        var response = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void onlyAScraperWithTheTokenReadsTheMetrics() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        TestData.Person admin = data.organisationWithEveryRole("Metrics").admin();
        // A signed-in ADMIN of an organisation is not an operator of the service: no metrics either.
        assertThat(mvc.perform(get("/actuator/prometheus").with(data.as(admin))).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN)).andReturn().getResponse()
                .getHeader("Set-Cookie")).isNull();
        // The SBOM (what the jar carries, with licences) is for signed-in people only.
        assertThat(mvc.perform(get("/actuator/sbom/application")).andReturn().getResponse().getStatus()).isNotEqualTo(200);
        var sbom = mvc.perform(get("/actuator/sbom/application").with(data.as(admin))).andReturn().getResponse();
        assertThat(sbom.getStatus()).isEqualTo(200);
        assertThat(sbom.getContentAsString()).contains("CycloneDX", "spring-core");
    }

    @Test
    void theMetricsShowRequestsThePoolTheOutboxAndEachResponseSavedOnce() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Metrics");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Metrics " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID id = forms.create(t, project, "Counted " + TestData.suffix(), null, false, null, List.of(RespondIntegrationTest.faces()));
        forms.setStatus(t, id, FormStatus.OPEN);
        String base = "/r/" + forms.form(t, id).token();

        String before = scrape();
        double online = value(before, "coproduction_form_submissions_total{via=\"online\"}");
        double repeated = value(before, "coproduction_form_submissions_repeated_total");

        Cookie draft = mvc.perform(post(base + "/start").with(csrf())).andReturn().getResponse().getCookie("form_draft");
        assertThat(draft).isNotNull();
        mvc.perform(post(base + "/q/1").with(csrf()).param("fun", "3").cookie(draft));
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(post(base + "/submit").with(csrf()).cookie(draft)).andReturn().getResponse().getRedirectedUrl())
                    .isEqualTo(base + "/done");
        }

        String after = scrape();
        assertThat(value(after, "coproduction_form_submissions_total{via=\"online\"}")).isEqualTo(online + 1);
        assertThat(value(after, "coproduction_form_submissions_repeated_total")).isEqualTo(repeated + 1);
        assertThat(after).contains("coproduction_outbox_waiting ", "hikaricp_connections_active", "http_server_requests_seconds_count");
    }
}
