package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.coproduction.impact.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The work-account domain lookup is limited per client address: after the allowance (30 a minute
 * by default) the next lookup gets the plain "too many" page with a 429 and Retry-After, and
 * another address is not affected.
 */
@IntegrationTest
class WorkAccountLookupLimitIntegrationTest {

    private static final int PER_MINUTE = 30;

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse lookUp(String address) throws Exception {
        return mvc.perform(post("/sign-in/work-account")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .param("email", "someone@nobody-uses-this.example"))
                .andReturn()
                .getResponse();
    }

    @Test
    void anAddressThatLooksUpTooOftenIsToldToWaitAndOthersAreNot() throws Exception {
        String busy = "203.0.113.41";
        for (int i = 0; i < PER_MINUTE; i++) {
            MockHttpServletResponse allowed = lookUp(busy);
            assertThat(allowed.getStatus()).as("lookup %d", i + 1).isEqualTo(200);
            Document page = Jsoup.parse(allowed.getContentAsString());
            // The ordinary answer: no organisation signs in with this domain, next to the field.
            assertThat(page.select("#email-error").text()).isNotBlank();
        }

        MockHttpServletResponse refused = lookUp(busy);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("h1").text()).isNotBlank();
        assertThat(page.select("form[action=/sign-in/work-account]")).isEmpty();

        assertThat(lookUp("203.0.113.42").getStatus()).isEqualTo(200);
    }
}
