package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The English | Cymraeg switch on every page: a plain link that keeps the choice in a cookie (and on
 * the account of a signed-in person) and goes back only to a page of this site; and the order in
 * which a request's language is decided: this visit's choice, then the account's, then the cookie,
 * then the browser.
 */
@IntegrationTest
class LanguageSwitchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    private Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyPageHasBothLanguagesEachMarkedUpInItsOwnLanguage() throws Exception {
        Document page = page(mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn());

        Element english = page.selectFirst("nav.app-language-switch a[hreflang=en-GB]");
        Element welsh = page.selectFirst("nav.app-language-switch a[hreflang=cy-GB]");
        assertThat(english.text()).isEqualTo("English");
        assertThat(english.attr("lang")).isEqualTo("en-GB");
        assertThat(english.attr("aria-current")).isEqualTo("true");
        assertThat(welsh.text()).isEqualTo("Cymraeg");
        assertThat(welsh.attr("lang")).isEqualTo("cy-GB");
        assertThat(welsh.hasAttr("aria-current")).isFalse();
        assertThat(welsh.attr("href")).isEqualTo("/language?to=cy&back=%2Fsign-in");
    }

    @Test
    void choosingWelshKeepsItInACookieAndGoesBack() throws Exception {
        MvcResult result = mvc.perform(get("/language").param("to", "cy").param("back", "/sign-in?x=1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in?x=1"))
                .andReturn();
        Cookie cookie = result.getResponse().getCookie(Languages.COOKIE);
        assertThat(cookie.getValue()).isEqualTo("cy");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isGreaterThan(0);

        // A later visit with only the cookie (a new session) and an English browser is in Welsh.
        Document page = page(mvc.perform(get("/sign-in").cookie(cookie).header("Accept-Language", "en-GB"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(page.selectFirst("a[hreflang=cy-GB]").attr("aria-current")).isEqualTo("true");
    }

    @Test
    void theSwitchGoesBackOnlyToThisSite() throws Exception {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            mvc.perform(get("/language").param("to", "cy").param("back", elsewhere))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aLanguageTheServiceIsNotWrittenInIsNotFound() throws Exception {
        mvc.perform(get("/language").param("to", "fr")).andExpect(status().isNotFound());
        mvc.perform(get("/sign-in").cookie(new Cookie(Languages.COOKIE, "fr")).header("Accept-Language", "cy"))
                .andExpect(status().isOk());
        Document page = page(mvc.perform(get("/sign-in").cookie(new Cookie(Languages.COOKIE, "fr")).header("Accept-Language", "cy"))
                .andReturn());
        assertThat(page.selectFirst("html").attr("lang")).as("a cookie naming no supported language is ignored").isEqualTo("cy-GB");
    }

    @Test
    void thisVisitsChoiceBeatsTheCookieAndTheBrowser() throws Exception {
        // A visitor with a session (the sign-in page gives one) chooses English.
        Cookie session = mvc.perform(get("/sign-in")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/language").param("to", "en").cookie(session, new Cookie(Languages.COOKIE, "cy"))).andReturn();

        // The old cookie still says Welsh (as from another tab) and so does the browser.
        Document page = page(mvc.perform(get("/sign-in").cookie(session, new Cookie(Languages.COOKIE, "cy"))
                        .header("Accept-Language", "cy"))
                .andReturn());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
    }

    @Test
    void aSignedInPersonsChoiceIsKeptOnTheirAccountAndFollowsThemToTheirNextSignIn() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Language choice");
        TestData.Person member = org.person(Role.MEMBER);

        mvc.perform(get("/language").param("to", "cy").param("back", "/").with(data.as(member))).andExpect(status().isFound());
        assertThat(jdbc.sql("select language from user_account where id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo("cy");

        // Another device: an English browser, no cookie, a new session.
        MvcResult signIn = mvc.perform(formLogin("/sign-in").user(member.username()).password(TestData.PASSWORD)).andReturn();
        Cookie session = signIn.getResponse().getCookie("SESSION");
        Document page = page(mvc.perform(get("/accessibility").cookie(session).header("Accept-Language", "en-GB")).andReturn());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
    }

    @Test
    void emailsToAPersonAreInTheLanguageOfTheirAccount() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Language email");
        TestData.Person member = org.person(Role.MEMBER);
        mvc.perform(get("/language").param("to", "cy").with(data.as(member))).andExpect(status().isFound());

        // Asked for from an English browser, written in the Welsh the person chose.
        mvc.perform(post("/forgotten-password").with(csrf()).header("Accept-Language", "en-GB").param("login", member.email()))
                .andExpect(status().isFound());

        String subject = jdbc.sql("select subject from outbound_email where recipient = :to order by created_at desc limit 1")
                .param("to", member.email()).query(String.class).single();
        assertThat(subject)
                .isEqualTo(messages.getMessage("email.reset.subject", null, Languages.WELSH))
                .isNotEqualTo(messages.getMessage("email.reset.subject", null, Languages.ENGLISH));
    }

    @Test
    void someoneAnsweringAFormWhoChoosesALanguageGetsACookieButNoSession() throws Exception {
        MvcResult chosen = mvc.perform(get("/language").param("to", "cy").param("back", "/r/abc")).andReturn();
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/r/abc");
        assertThat(chosen.getResponse().getCookie(Languages.COOKIE).getValue()).isEqualTo("cy");
        // Sessions live in PostgreSQL: a respondent's choice must not make one.
        assertThat(chosen.getResponse().getCookie("SESSION")).isNull();
    }
}
