package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The health check a load balancer or a container platform asks. Every request is held strictly
 * (a connection must name its organisation or its reason), and the database check is a request too:
 * it must still find the database up, or every instance is taken out of service.
 */
@IntegrationTest
class DatabaseHealthIntegrationTest {

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse health(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    @Test
    void theHealthCheckAndTheReadinessProbeFindTheDatabaseUp() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            MockHttpServletResponse response = health(path);
            assertThat(response.getContentAsString()).as(path).contains("\"status\":\"UP\"");
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
    }
}
