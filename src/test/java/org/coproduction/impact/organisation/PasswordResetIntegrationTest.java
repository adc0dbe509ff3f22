package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PasswordResetIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/reset-password/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResetLinkWorksOnceAndTheNewPasswordSignsIn() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Reset");
        TestData.Person member = org.person(Role.MEMBER);

        mvc.perform(post("/forgotten-password").with(csrf()).param("login", member.email()))
                .andExpect(redirectedUrl("/forgotten-password/sent"));
        String token = tokenFromOutbox(org, member.email());

        mvc.perform(post("/reset-password/" + token).with(csrf())
                        .param("password", "bright yellow canal boat")
                        .param("confirm", "bright yellow canal boat"))
                .andExpect(redirectedUrl("/sign-in?reset"));

        mvc.perform(formLogin("/sign-in").user(member.username()).password("bright yellow canal boat"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/sign-in").user(member.username()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/sign-in?error=bad"));
        String again = mvc.perform(get("/reset-password/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select("h1").text()).isEqualTo("This link does not work any more");
    }

    @Test
    void aWeakOrMismatchedPasswordIsRefusedBesideTheFieldAndTheLinkStillWorks() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Reset");
        TestData.Person member = org.person(Role.MEMBER);
        mvc.perform(post("/forgotten-password").with(csrf()).param("login", member.username()));
        String token = tokenFromOutbox(org, member.email());

        String weak = mvc.perform(post("/reset-password/" + token).with(csrf())
                        .param("password", "password1234")
                        .param("confirm", "password1234"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(weak).select("#password-error").text()).contains("used by many people");

        String mismatch = mvc.perform(post("/reset-password/" + token).with(csrf())
                        .param("password", "bright yellow canal boat")
                        .param("confirm", "bright yellow canal bot"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(mismatch).select(".govuk-error-summary a[href=#confirm]").text()).contains("not the same");

        mvc.perform(get("/reset-password/" + token)).andExpect(status().isOk());
        mvc.perform(formLogin("/sign-in").user(member.username()).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    /** Issue 17, case 3: whoever knew the old password is signed out when the owner resets it. */
    @Test
    void aResetEndsEverySessionOfTheAccount() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Reset ends");
        TestData.Person viewer = org.person(Role.VIEWER);
        Cookie sessionA = mvc.perform(formLogin("/sign-in").user(viewer.username()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/framework").cookie(sessionA)).andExpect(status().isOk());

        // Session B: another browser asks for a reset and completes it.
        mvc.perform(post("/forgotten-password").with(csrf()).param("login", viewer.email()));
        String token = tokenFromOutbox(org, viewer.email());
        mvc.perform(post("/reset-password/" + token).with(csrf())
                        .param("password", "bright yellow canal boat")
                        .param("confirm", "bright yellow canal boat"))
                .andExpect(redirectedUrl("/sign-in?reset"));

        // Session A is no longer signed in: it is sent to sign in.
        String where = mvc.perform(get("/framework").cookie(sessionA)).andReturn().getResponse().getRedirectedUrl();
        assertThat(where).contains("/sign-in");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", viewer.username()).query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownAccountGetsTheSameAnswerAndNoEmail() throws Exception {
        long before = jdbc.sql("select count(*) from outbound_email").query(Long.class).single();

        mvc.perform(post("/forgotten-password").with(csrf()).param("login", "nobody-" + TestData.suffix()))
                .andExpect(redirectedUrl("/forgotten-password/sent"));

        assertThat(jdbc.sql("select count(*) from outbound_email").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anExpiredLinkDoesNotWork() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Reset");
        TestData.Person member = org.person(Role.MEMBER);
        mvc.perform(post("/forgotten-password").with(csrf()).param("login", member.email()));
        String token = tokenFromOutbox(org, member.email());
        jdbc.sql("update password_reset set expires_at = now() - interval '1 minute' where user_id = :id")
                .param("id", member.id())
                .update();

        mvc.perform(post("/reset-password/" + token).with(csrf())
                        .param("password", "bright yellow canal boat")
                        .param("confirm", "bright yellow canal boat"))
                .andExpect(status().isOk());

        mvc.perform(formLogin("/sign-in").user(member.username()).password("bright yellow canal boat"))
                .andExpect(redirectedUrl("/sign-in?error=bad"));
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Reset");
        TestData.Person member = org.person(Role.MEMBER);
        mvc.perform(post("/forgotten-password").with(csrf()).param("login", member.email()));
        String token = tokenFromOutbox(org, member.email());

        List<String> stored = jdbc.sql("select token_hash from password_reset where user_id = :id")
                .param("id", member.id())
                .query(String.class)
                .list();
        assertThat(stored).hasSize(1).doesNotContain(token);
    }

    /** The ADMIN of the person's organisation can read the kept email when no mail server is set up. */
    private String tokenFromOutbox(TestData.Org org, String email) throws Exception {
        String html = mvc.perform(get("/admin/emails").with(data.as(org.admin())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(email);
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).as("a reset link on the Emails page").isTrue();
        return link.group(1);
    }
}
