package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The address links start with: the configured one, or localhost and the port in use; required in
 * the prod profile; and ADMINs warned when they use the service at another address.
 */
@IntegrationTest
class BaseUrlIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    BaseUrl baseUrl;

    @Test
    void withoutASettingLinksStartWithLocalhostAndThePortInUse() {
        // These tests run without app.base-url and without a real server: the configured port (or 8080).
        assertThat(baseUrl.configured()).isEmpty();
        assertThat(baseUrl.value()).isEqualTo("http://localhost:8080");

        BaseUrl onAnotherPort = new BaseUrl("", new MockEnvironment().withProperty("server.port", "9090"));
        assertThat(onAnotherPort.value()).isEqualTo("http://localhost:9090");
    }

    @Test
    void aSettingIsUsedAsGivenWithoutATrailingSlash() {
        BaseUrl set = new BaseUrl(" https://impact.example.org/ ", new MockEnvironment().withProperty("server.port", "9090"));
        assertThat(set.value()).isEqualTo("https://impact.example.org");
        assertThat(set.configured()).contains("https://impact.example.org");
        assertThat(set.matches("https://IMPACT.example.org:443")).isTrue();
        assertThat(set.matches("http://localhost:9090")).isFalse();
    }

    @Test
    void theProdProfileRefusesToStartWithoutIt() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new BaseUrl("", prod)).isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_BASE_URL");
        assertThat(new BaseUrl("https://impact.example.org", prod).value()).isEqualTo("https://impact.example.org");
    }

    @Test
    void anAdminUsingAnotherAddressIsWarnedOnTheirHomePage() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        RequestPostProcessor atTheLinksAddress = r -> {
            r.setServerPort(8080);
            return r;
        };
        RequestPostProcessor onTheNetwork = r -> {
            r.setServerName("192.168.1.20");
            r.setServerPort(8080);
            return r;
        };
        String warning = "You are using this service at http://192.168.1.20:8080, but links in emails, on posters and in QR codes start with "
                + "http://localhost:8080.";

        assertThat(home(org.admin(), onTheNetwork).select(".app-home-notice").text()).contains(warning, "APP_BASE_URL");
        assertThat(home(org.admin(), atTheLinksAddress).select(".app-home-notice").text()).doesNotContain("APP_BASE_URL");
        assertThat(home(org.person(Role.FACILITATOR), onTheNetwork).select(".app-home-notice").text()).doesNotContain("APP_BASE_URL");
    }

    private Document home(TestData.Person person, RequestPostProcessor address) throws Exception {
        return Jsoup.parse(mvc.perform(get("/").with(data.as(person)).with(address)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
