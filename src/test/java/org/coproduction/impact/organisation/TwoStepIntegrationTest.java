package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: "an ADMIN can require two-step sign-in (TOTP) for the organisation's ADMINs and
 * FACILITATORs". A person turns it on with a real authenticator code, then needs a code (or a
 * recovery code, once) after their password; nothing else opens while the second step waits.
 */
@IntegrationTest
class TwoStepIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TwoStepService twoStep;

    @Autowired
    JdbcClient jdbc;

    /** Signs in with the password only: the session, and where the service sent the person next. */
    private record Half(Cookie session, String next) {}

    private Half password(TestData.Person person) throws Exception {
        MockHttpServletResponse r = mvc.perform(formLogin("/sign-in").user(person.username()).password(TestData.PASSWORD)).andReturn()
                .getResponse();
        return new Half(r.getCookie("SESSION"), r.getRedirectedUrl());
    }

    private MockHttpServletResponse send(Cookie session, String path, String... params) throws Exception {
        var request = post(path).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse open(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
    }

    /** What the person's app shows {@code stepsAhead} steps from now (0: now). */
    private String appCode(TestData.Person person, int stepsAhead) {
        return Totp.code(secretOf(person), Totp.step(Instant.now()) + stepsAhead);
    }

    private byte[] secretOf(TestData.Person person) {
        return jdbc.sql("select secret from account_two_step where user_id = :u").param("u", person.id()).query(byte[].class).single();
    }

    /** The step of the code that turned two-step sign-in on ({@link #setUp}). */
    private long turnedOnAt;

    /** Sets two-step sign-in up from the set-up page, as a person would with their app; returns the recovery codes. */
    private List<String> setUp(Cookie session, TestData.Person person) throws Exception {
        Document page = Jsoup.parse(open(session, "/sign-in/two-step/set-up").getContentAsString());
        String key = page.select("#two-step-key").text();
        assertThat(page.select("svg.app-qr title").text()).isEqualTo("QR code for your authenticator app");
        byte[] secret = Totp.fromBase32(key);
        // A wrong code: a plain message beside the field, and nothing turned on.
        Document wrong = Jsoup.parse(send(session, "/sign-in/two-step/set-up", "code", "000000".equals(Totp.code(secret,
                Totp.step(Instant.now()))) ? "111111" : "000000").getContentAsString());
        assertThat(wrong.select("#code-error").text()).contains("That code does not match.");
        assertThat(twoStep.isOn(new UserId(person.id()))).isFalse();
        turnedOnAt = Totp.step(Instant.now());
        Document done = Jsoup.parse(send(session, "/sign-in/two-step/set-up", "code", Totp.code(secret, turnedOnAt))
                .getContentAsString());
        List<String> codes = done.select("#recovery-codes code").eachText().stream().map(c -> c.replace(" ", "")).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(twoStep.isOn(new UserId(person.id()))).isTrue();
        return codes;
    }

    @Test
    void aPersonTurnsItOnAndThenNeedsACodeFromTheirAppAfterTheirPassword() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Two step").person(Role.MEMBER);
        Half first = password(member);
        assertThat(first.next()).isEqualTo("/");
        assertThat(Jsoup.parse(open(first.session(), "/account/two-step").getContentAsString()).select("#two-step-status").text())
                .isEqualTo("Two-step sign-in is off for your account.");
        List<String> recovery = setUp(first.session(), member);
        // Only hashes are kept.
        assertThat(jdbc.sql("select code_hash from account_recovery_code where user_id = :u").param("u", member.id()).query(String.class)
                .list()).hasSize(10).doesNotContainAnyElementsOf(recovery);

        Half next = password(member);
        assertThat(next.next()).isEqualTo("/sign-in/two-step");
        // Half signed in: no page opens but the second step's.
        assertThat(open(next.session(), "/projects").getRedirectedUrl()).isEqualTo("/sign-in/two-step");
        assertThat(open(next.session(), "/").getRedirectedUrl()).isEqualTo("/sign-in/two-step");
        assertThat(send(next.session(), "/preferences/easy-read", "on", "true").getRedirectedUrl()).isNotEqualTo("/sign-in/two-step");
        // The code used to turn it on is used up (that very code: "now" may have moved on a step since,
        // and the next step's code would be a fresh one); the app's next code (one step of drift) is fine.
        String usedUp = Totp.code(secretOf(member), turnedOnAt);
        assertThat(Jsoup.parse(send(next.session(), "/sign-in/two-step", "code", usedUp).getContentAsString())
                .select("#code-error").text()).contains("That code is not right.");
        assertThat(send(next.session(), "/sign-in/two-step", "code", appCode(member, 1)).getRedirectedUrl()).isEqualTo("/");
        assertThat(open(next.session(), "/projects").getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where actor_user_id = :u and action = 'TWO_STEP_ON'").param("u", member.id())
                .query(Long.class).single()).isEqualTo(1);

        // A recovery code works once.
        Half lost = password(member);
        assertThat(send(lost.session(), "/sign-in/two-step", "code", recovery.get(3)).getRedirectedUrl()).isEqualTo("/");
        Half again = password(member);
        assertThat(send(again.session(), "/sign-in/two-step", "code", recovery.get(3)).getRedirectedUrl()).isNull();
        assertThat(twoStep.recoveryCodesLeft(new UserId(member.id()))).isEqualTo(9);

        // Not required of a member: they can turn it off, and sign in with the password alone.
        assertThat(send(again.session(), "/sign-in/two-step", "code", recovery.get(4)).getRedirectedUrl()).isEqualTo("/");
        send(again.session(), "/account/two-step/turn-off");
        assertThat(twoStep.isOn(new UserId(member.id()))).isFalse();
        assertThat(password(member).next()).isEqualTo("/");
    }

    @Test
    void fiveWrongCodesStartTheSignInAgainFromThePassword() throws Exception {
        TestData.Person viewer = data.organisationWithEveryRole("Two step guess").person(Role.VIEWER);
        setUp(password(viewer).session(), viewer);
        Half half = password(viewer);
        String right = appCode(viewer, 0);
        String wrong = right.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 4; i++) {
            assertThat(send(half.session(), "/sign-in/two-step", "code", wrong).getStatus()).isEqualTo(200);
        }
        assertThat(send(half.session(), "/sign-in/two-step", "code", wrong).getRedirectedUrl()).isEqualTo("/sign-in?error=two-step");
        // The session is gone: even the right code now changes nothing.
        assertThat(send(half.session(), "/sign-in/two-step", "code", appCode(viewer, 1)).getRedirectedUrl()).isNotEqualTo("/");
        assertThat(open(half.session(), "/projects").getRedirectedUrl()).isEqualTo("/sign-in");
    }

    @Test
    void anAdminRequiresItOfStaffWhoSetItUpAtTheirNextSignInWhileMembersDoNot() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Two step rule");
        TestData.Person admin = org.admin();
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        // Only an ADMIN sets the rule.
        assertThat(mvc.perform(get("/settings/two-step").with(data.as(facilitator))).andReturn().getResponse().getStatus()).isEqualTo(403);
        Cookie adminSession = password(admin).session();
        Document empty = Jsoup.parse(send(adminSession, "/settings/two-step").getContentAsString());
        assertThat(empty.select("#required-error").text()).contains("Choose whether ADMINs and FACILITATORs must sign in in two steps");
        assertThat(send(adminSession, "/settings/two-step", "required", "yes").getRedirectedUrl()).isEqualTo("/settings/two-step");
        assertThat(twoStep.requiredIn(org.id())).isTrue();

        Half staff = password(facilitator);
        assertThat(staff.next()).isEqualTo("/sign-in/two-step/set-up");
        assertThat(open(staff.session(), "/projects").getRedirectedUrl()).isEqualTo("/sign-in/two-step/set-up");
        setUp(staff.session(), facilitator);
        assertThat(open(staff.session(), "/projects").getStatus()).isEqualTo(200);
        // Required: they cannot turn it off themselves.
        send(staff.session(), "/account/two-step/turn-off");
        assertThat(twoStep.isOn(new UserId(facilitator.id()))).isTrue();
        // Members are not asked.
        assertThat(password(org.person(Role.MEMBER)).next()).isEqualTo("/");

        // An ADMIN of another organisation cannot turn it off for them; their own ADMIN can (a lost phone).
        TestData.Person stranger = data.organisationWithEveryRole("Two step other").admin();
        assertThat(mvc.perform(post("/settings/two-step/reset").with(data.as(stranger)).with(csrf()).param("person",
                facilitator.id().toString())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(twoStep.isOn(new UserId(facilitator.id()))).isTrue();
        // (The ADMIN's session began before the rule: the rule asks at the next sign-in, not in the middle of one.)
        assertThat(send(adminSession, "/settings/two-step/reset", "person", facilitator.id().toString()).getRedirectedUrl())
                .isEqualTo("/settings/two-step");
        assertThat(twoStep.isOn(new UserId(facilitator.id()))).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :o and action = 'TWO_STEP_RESET'")
                .param("o", org.id().value()).query(Long.class).single()).isEqualTo(1);
        // And at their next sign-in they are asked to set it up again.
        assertThat(password(facilitator).next()).isEqualTo("/sign-in/two-step/set-up");
    }
}
