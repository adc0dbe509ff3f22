package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    SignInAttempts attempts;

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

    /**
     * Issue 15: wrong passwords slow further tries for that account from that address, by a delay,
     * never a lock-out. The owner signs in from anywhere else at once, and from the same place once
     * the delay is over; the owner is told by email.
     */
    @Test
    void wrongPasswordsFromOneAddressSlowThatAddressButNeverLockTheOwnerOut() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Slowed").person(Role.MEMBER);
        String attacker = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(member.username(), "wrong password " + i, attacker))
                    .andExpect(redirectedUrl("/sign-in?error=bad"));
        }

        // From there, even the right password waits: the page says how long.
        MvcResult slowed = mvc.perform(signIn(member.username(), TestData.PASSWORD, attacker))
                .andExpect(redirectedUrl("/sign-in?error=wait"))
                .andReturn();
        String page = mvc.perform(get("/sign-in?error=wait").cookie(slowed.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#username-error").text()).contains("Wait 1 minute, then try again");
        // Tries while waiting are not counted.
        assertThat(failures(member.username())).isEqualTo(5);

        // The owner, anywhere else: straight in.
        mvc.perform(signIn(member.username(), TestData.PASSWORD, "198.51.100.250")).andExpect(redirectedUrl("/"));
        // Another account from the attacker's address is not slowed at all.
        TestData.Person other = data.organisationWithEveryRole("Other").person(Role.MEMBER);
        mvc.perform(signIn(other.username(), TestData.PASSWORD, attacker)).andExpect(redirectedUrl("/"));

        // The owner was told, once, by email.
        assertThat(jdbc.sql("select count(*) from outbound_email where recipient = :to and subject like 'Someone is trying to sign in%'")
                .param("to", member.email()).query(Long.class).single()).isEqualTo(1);

        // Once the delay has passed (moved back in time here), the right password works from there too.
        jdbc.sql("update sign_in_failure set at = at - interval '31 seconds' where account_key = :a")
                .param("a", member.username().toLowerCase()).update();
        mvc.perform(signIn(member.username(), TestData.PASSWORD, attacker)).andExpect(redirectedUrl("/"));
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheWaitUpToItsCeiling() {
        SignInAttempts.Policy policy = new SignInAttempts.Policy(5, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5));
        assertThat(policy.delayAfter(4)).isZero();
        assertThat(policy.delayAfter(5)).hasSeconds(30);
        assertThat(policy.delayAfter(6)).hasSeconds(60);
        assertThat(policy.delayAfter(8)).hasSeconds(240);
        assertThat(policy.delayAfter(9)).hasMinutes(5);
        assertThat(policy.delayAfter(500)).hasMinutes(5);
    }

    /** Issue 17, case 4: guessing many accounts from one address does not keep anyone else out. */
    @Test
    void wrongPasswordsForManyAccountsFromOneAddressDoNotBlockOthersThere() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Address");
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 60; i++) {
            mvc.perform(signIn("nobody-" + TestData.suffix(), "guess " + i, address));
        }

        mvc.perform(signIn(org.admin().username(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    /** Issue 17, case 4: wrong invitation codes are their own budget, and never stop a sign-in. */
    @Test
    void twentyWrongJoinCodesDoNotBlockTheAdminSigningIn() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Codes");
        String address = "192.0.2." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/join").with(csrf()).param("code", "ZZZZ-ZZZ" + (i % 8 + 2)).with(request -> {
                request.setRemoteAddr(address);
                return request;
            }));
        }

        mvc.perform(signIn(org.admin().username(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    /** An ADMIN sees that a person's sign-ins are slowed, lets them try now, and signs them out everywhere; both are logged. */
    @Test
    void anAdminLetsAPersonTryAgainAndSignsThemOutEverywhere() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Admin help");
        TestData.Person member = org.person(Role.MEMBER);
        String address = "198.51.100." + (int) (Math.random() * 200 + 1);
        Cookie memberSession = mvc.perform(signIn(member.username(), TestData.PASSWORD, "192.0.2.200"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(member.username(), "wrong password " + i, address));
        }
        String page = "/people/" + member.membershipId() + "/sign-in";
        var shown = Jsoup.parse(mvc.perform(get(page).with(data.as(org.admin()))).andReturn().getResponse().getContentAsString());
        assertThat(shown.select("#slowed").text()).contains("being slowed");
        assertThat(shown.select("#sessions").text()).isEqualTo("They are signed in on 1 device or browser.");

        mvc.perform(post(page + "/let-try").with(data.as(org.admin())).with(csrf())).andExpect(redirectedUrl(page));
        mvc.perform(signIn(member.username(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));

        mvc.perform(post(page + "/end-sessions").with(data.as(org.admin())).with(csrf())).andExpect(redirectedUrl(page));
        assertThat(mvc.perform(get("/framework").cookie(memberSession)).andReturn().getResponse().getRedirectedUrl()).contains("/sign-in");
        assertThat(jdbc.sql("""
                        select action from audit_event where organisation_id = :org and action in ('SIGN_IN_UNSLOWED', 'SESSIONS_ENDED')
                        order by at
                        """)
                .param("org", org.id().value()).query(String.class).list())
                .containsExactly("SIGN_IN_UNSLOWED", "SESSIONS_ENDED");
        // Another organisation's ADMIN cannot reach the page.
        TestData.Org other = data.organisationWithEveryRole("Not theirs");
        mvc.perform(get(page).with(data.as(other.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void oldFailuresArePurgedAfterTheirWindow() {
        String account = "purge-" + TestData.suffix();
        attempts.recordSignInFailure(account, "192.0.2.77");
        jdbc.sql("update sign_in_failure set at = now() - interval '2 hours' where account_key = :a").param("a", account).update();
        attempts.recordSignInFailure(account, "192.0.2.77");

        attempts.purge();

        assertThat(failures(account)).isEqualTo(1);
    }

    private long failures(String account) {
        return jdbc.sql("select count(*) from sign_in_failure where account_key = :a")
                .param("a", account.toLowerCase()).query(Long.class).single();
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
