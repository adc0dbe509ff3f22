package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class SignInIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Value("${app.sign-in.max-failures-per-address}")
    int perAddressLimit;

    @Test
    void signsInWithUsernameOrEmailAndRecordsIt() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Sign in").person(Role.MEMBER);

        mvc.perform(formLogin("/sign-in").user(member.username()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/sign-in").user(member.email().toUpperCase()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));

        assertThat(jdbc.sql("select count(*) from audit_event where actor_user_id = :id and action = 'SIGNED_IN'")
                        .param("id", member.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aWrongPasswordGivesAPlainMessageBesideTheField() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Sign in").person(Role.MEMBER);

        MvcResult failed = mvc.perform(formLogin("/sign-in").user(member.username()).password("not the password at all"))
                .andExpect(redirectedUrl("/sign-in?error=bad"))
                .andReturn();
        Cookie session = failed.getResponse().getCookie("SESSION");
        String html = mvc.perform(get("/sign-in?error=bad").cookie(session)).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select(".govuk-error-summary a[href=#username]").text())
                .isEqualTo("Enter a correct email address or username and password");
        assertThat(page.select("#username-error").text()).contains("Enter a correct email address or username and password");
        assertThat(page.select("#username").attr("value")).isEqualTo(member.username());
        assertThat(page.title()).startsWith("Error:");
    }

    @Test
    void afterFiveFailuresTheAccountIsRefusedEvenWithTheRightPassword() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Locked").person(Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(member.username(), "wrong password " + i, "198.51.100.1"))
                    .andExpect(redirectedUrl("/sign-in?error=bad"));
        }

        mvc.perform(signIn(member.username(), TestData.PASSWORD, "198.51.100.2"))
                .andExpect(redirectedUrl("/sign-in?error=locked"));
        // Another account from the same address is not affected by this account's limit.
        TestData.Person other = data.organisationWithEveryRole("Other").person(Role.MEMBER);
        mvc.perform(signIn(other.username(), TestData.PASSWORD, "198.51.100.1")).andExpect(redirectedUrl("/"));
    }

    @Test
    void manyFailuresFromOneAddressBlockThatAddressForEveryAccount() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Address");
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < perAddressLimit; i++) {
            mvc.perform(signIn("nobody-" + TestData.suffix(), "guess " + i, address));
        }

        mvc.perform(signIn(org.admin().username(), TestData.PASSWORD, address))
                .andExpect(redirectedUrl("/sign-in?error=locked"));
        mvc.perform(signIn(org.admin().username(), TestData.PASSWORD, "192.0.2.10")).andExpect(redirectedUrl("/"));
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/sign-in")
                .with(csrf())
                .param("username", username)
                .param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Sign out").person(Role.MEMBER);
        Cookie session = mvc.perform(formLogin("/sign-in").user(member.username()).password(TestData.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");

        mvc.perform(post("/sign-out").cookie(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signedOut"));

        mvc.perform(get("/organisations/switch").cookie(session)).andExpect(redirectedUrl("/sign-in"));
    }
}
