package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.Addresses.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.Addresses;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Answering a form through HTTP, as a person with only the link: drafts, one-time submission, limits, kiosk mode. */
@IntegrationTest
class RespondIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    JdbcClient jdbc;

    record Setup(Tenant facilitator, TestData.Person person, UUID formId, String token) {
        String base() {
            return "/r/" + token;
        }
    }

    static Question faces() {
        return new Question("fun", QuestionType.RATING, "Was the session fun?", null, "Was it fun?", "face-happy", true,
                List.of("Not fun", "OK", "Fun"), ScaleStyle.FACES, null, null, null, null);
    }

    static Question feeling() {
        return new Question("feel", QuestionType.BEFORE_AFTER, "How did you feel before the session?", null, null, null, true,
                List.of("Low", "OK", "Good"), ScaleStyle.WORDS, "How do you feel now?", null, null, null);
    }

    static Question change() {
        return new Question("change", QuestionType.LONG_TEXT, "What would you change?", null, null, null, false, List.of(),
                ScaleStyle.WORDS, null, null, null, null);
    }

    private Setup openForm(boolean named, Question... questions) {
        TestData.Org org = data.organisationWithEveryRole("Answers");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID id = forms.create(t, project, "After the session " + TestData.suffix(), "Tell us how it went.", named, null, List.of(questions));
        forms.setStatus(t, id, FormStatus.OPEN);
        return new Setup(t, f, id, forms.form(t, id).token());
    }

    private Setup openForm() {
        return openForm(false, faces(), feeling(), change());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, @Nullable String draft, String address) throws Exception {
        if (draft != null) {
            request.cookie(new Cookie("form_draft", draft));
        }
        return mvc.perform(request.with(from(address))).andReturn().getResponse();
    }

    /** Starts answering and returns the draft cookie's value. */
    private String start(Setup s, String address) throws Exception {
        MockHttpServletResponse started = send(post(s.base() + "/start").with(csrf()), null, address);
        assertThat(started.getRedirectedUrl()).isEqualTo(s.base() + "/q/1");
        Cookie cookie = started.getCookie("form_draft");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }

    private void answerAll(Setup s, String draft, String address) throws Exception {
        assertThat(send(post(s.base() + "/q/1").with(csrf()).param("fun", "3"), draft, address).getRedirectedUrl())
                .isEqualTo(s.base() + "/q/2");
        assertThat(send(post(s.base() + "/q/2").with(csrf()).param("feel.before", "1").param("feel.after", "3"), draft, address)
                .getRedirectedUrl()).isEqualTo(s.base() + "/q/3");
        assertThat(send(post(s.base() + "/q/3").with(csrf()).param("change", "More tea"), draft, address).getRedirectedUrl())
                .isEqualTo(s.base() + "/check");
    }

    private int responses(Setup s) {
        return jdbc.sql("select count(*) from form_response where form_id = :f").param("f", s.formId()).query(Integer.class).single();
    }

    private int drafts(Setup s) {
        return jdbc.sql("select count(*) from form_draft where form_id = :f").param("f", s.formId()).query(Integer.class).single();
    }

    private String draftAnswers(String draft) {
        return jdbc.sql("select answers::text from form_draft where token = :t").param("t", draft).query(String.class).single();
    }

    @Test
    void answeringPagesKeepCsrfAndTheSecurityHeaders() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);

        // Without the CSRF token (a POST from another site), nothing is taken: refused, the draft untouched.
        MockHttpServletResponse forged = send(post(s.base() + "/submit"), draft, ip);
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from form_draft where token = :t").param("t", draft).query(Integer.class).single()).isEqualTo(1);

        // The same headers as every other page. (That no session is made, and the CSRF cookie, are checked in a real
        // browser by RespondJourneyTest: MockMvc's security support keeps its own session.)
        var shown = mvc.perform(get(s.base()).with(from(ip))).andReturn();
        MockHttpServletResponse page = shown.getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void aPersonAnswersOnePageAtATimeChecksAndSendsOnceEvenWhenTheySendTwice() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();

        MockHttpServletResponse startPage = send(get(s.base()), null, ip);
        assertThat(startPage.getStatus()).isEqualTo(200);
        assertThat(startPage.getContentAsString()).contains("After the session", "Tell us how it went.", "There are 3 questions",
                "Start now");

        MockHttpServletResponse started = send(post(s.base() + "/start").with(csrf()), null, ip);
        Cookie cookie = started.getCookie("form_draft");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getPath()).isEqualTo(s.base());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isEqualTo(7 * 24 * 60 * 60);
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        String draft = cookie.getValue();

        String page1 = send(get(s.base() + "/q/1"), draft, ip).getContentAsString();
        assertThat(page1).contains("Question 1 of 3", "Was the session fun?", "Not fun", "app-faces__face");

        // Nothing chosen: the GOV.UK error next to the field, and nothing saved.
        String missing = send(post(s.base() + "/q/1").with(csrf()), draft, ip).getContentAsString();
        assertThat(missing).contains("There is a problem", "Answer this question", "href=\"#q-fun\"");
        assertThat(draftAnswers(draft)).isEqualTo("{}");

        answerAll(s, draft, ip);
        String check = send(get(s.base() + "/check"), draft, ip).getContentAsString();
        assertThat(check).contains("Check your answers", "Fun", "Low", "Good", "More tea", s.base() + "/q/2?change=1");

        // A Change link comes back to the check page.
        assertThat(send(get(s.base() + "/q/3?change=1"), draft, ip).getContentAsString()).contains("name=\"_change\"");
        assertThat(send(post(s.base() + "/q/3").with(csrf()).param("change", "Less noise").param("_change", "1"), draft, ip)
                .getRedirectedUrl()).isEqualTo(s.base() + "/check");

        // A double click: the same final POST twice, at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(1);
        List<Future<String>> sends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<String> send = () -> {
                ready.await();
                return send(post(s.base() + "/submit").with(csrf()), draft, ip).getRedirectedUrl();
            };
            sends.add(pool.submit(send));
        }
        ready.countDown();
        for (Future<String> f : sends) {
            assertThat(f.get()).isEqualTo(s.base() + "/done");
        }
        pool.shutdown();
        // And once more later (a resent page, a retry after a dropped connection).
        assertThat(send(post(s.base() + "/submit").with(csrf()), draft, ip).getRedirectedUrl()).isEqualTo(s.base() + "/done");

        assertThat(responses(s)).isEqualTo(1);
        assertThat(drafts(s)).isZero();
        String answers = jdbc.sql("select answers::text from form_response where form_id = :f").param("f", s.formId())
                .query(String.class).single();
        assertThat(answers).contains("\"fun\": [\"3\"]", "\"feel.before\": [\"1\"]", "\"change\": [\"Less noise\"]");

        String done = send(get(s.base() + "/done"), draft, ip).getContentAsString();
        assertThat(done).contains("Thank you", "Your answers are saved.").doesNotContain("Next person");

        // The back button after sending: not an empty form, but "already sent".
        assertThat(send(get(s.base() + "/q/2"), draft, ip).getContentAsString()).contains("You have already sent your answers");
        assertThat(send(get(s.base() + "/check"), draft, ip).getContentAsString()).contains("You have already sent your answers");
        assertThat(send(post(s.base() + "/q/2").with(csrf()).param("feel.before", "2").param("feel.after", "2"), draft, ip)
                .getContentAsString()).contains("You have already sent your answers");
        assertThat(responses(s)).isEqualTo(1);
    }

    @Test
    void fiftyIdenticalSendsOfOneFormAtOnceStoreOneResponse() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);
        answerAll(s, draft, ip);

        // A stuck button, a flaky connection retrying, a kiosk tapped by many hands: 50 at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sends.add(pool.submit(() -> {
                go.await();
                return send(post(s.base() + "/submit").with(csrf()), draft, ip);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<MockHttpServletResponse> f : sends) {
            MockHttpServletResponse r = f.get();
            statuses.add(r.getStatus());
            if (r.getStatus() == 302) {
                assertThat(r.getRedirectedUrl()).isEqualTo(s.base() + "/done");
            }
        }
        pool.shutdown();

        assertThat(statuses).as("no send fails, whatever its turn").allMatch(status -> status == 302 || status == 429)
                .contains(302);
        assertThat(responses(s)).isEqualTo(1);
        assertThat(drafts(s)).isZero();
    }

    @Test
    void aHalfDoneFormIsKeptOnTheServerAndCarriesOnWhereThePersonLeftOff() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);
        send(post(s.base() + "/q/1").with(csrf()).param("fun", "2"), draft, ip);

        // Later (the phone slept, the browser closed): the cookie brings them back to their answers.
        String again = send(get(s.base()), draft, ip).getContentAsString();
        assertThat(again).contains("Continue where you left off", s.base() + "/q/2");
        assertThat(send(get(s.base() + "/q/1"), draft, ip).getContentAsString()).containsPattern("value=\"2\"\\s+checked");

        // A second "Start now" (a double click) carries on with the same draft rather than a new one.
        MockHttpServletResponse restarted = send(post(s.base() + "/start").with(csrf()), draft, ip);
        assertThat(restarted.getRedirectedUrl()).isEqualTo(s.base() + "/q/2");
        assertThat(restarted.getCookie("form_draft")).isNull();
        assertThat(drafts(s)).isEqualTo(1);
    }

    @Test
    void theEasyReadSwitchOnAnswerPagesShowsTheEasyReadQuestionAndComesBack() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);
        MockHttpServletResponse switched = send(post(s.base() + "/easy-read").with(csrf()).param("on", "true")
                .param("back", s.base() + "/q/1"), draft, ip);
        assertThat(switched.getRedirectedUrl()).isEqualTo(s.base() + "/q/1");
        assertThat(switched.getCookie("easy_read").getValue()).isEqualTo("1");
        String easy = mvc.perform(get(s.base() + "/q/1").with(from(ip)).cookie(new Cookie("form_draft", draft), new Cookie("easy_read", "1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(easy).contains("app-easy-read", "Was it fun?", "A happy face", "app-respond__picture-icon")
                .doesNotContain("Was the session fun?");
        // "Back" may only lead to this form's pages.
        assertThat(send(post(s.base() + "/easy-read").with(csrf()).param("on", "false").param("back", "https://elsewhere.example"), draft, ip)
                .getRedirectedUrl()).isEqualTo(s.base());
    }

    @Test
    void aPostWithoutTheDraftCookieChangesNothing() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);
        answerAll(s, draft, ip);

        // Another site's form posting here carries no draft cookie (SameSite=Lax): nothing is saved or sent.
        assertThat(send(post(s.base() + "/q/1").with(csrf()).param("fun", "1"), null, ip).getRedirectedUrl()).isEqualTo(s.base());
        assertThat(send(post(s.base() + "/submit").with(csrf()), null, ip).getRedirectedUrl()).isEqualTo(s.base());
        assertThat(send(post(s.base() + "/restart").with(csrf()), null, ip).getRedirectedUrl()).isEqualTo(s.base());
        assertThat(responses(s)).isZero();
        assertThat(draftAnswers(draft)).contains("\"fun\": [\"3\"]");
        // And without a CSRF token, even with the cookie, the request is refused.
        assertThat(send(post(s.base() + "/submit"), draft, ip).getStatus()).isEqualTo(403);
        assertThat(responses(s)).isZero();
    }

    @Test
    void aPageWithAFieldTheFormDoesNotHaveOrTooMuchInItStoresNothing() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);

        MockHttpServletResponse forged = send(post(s.base() + "/q/1").with(csrf()).param("fun", "3").param("salary", "1"), draft, ip);
        assertThat(forged.getStatus()).isEqualTo(400);
        assertThat(forged.getContentAsString()).contains("This page did not match the form");
        assertThat(draftAnswers(draft)).isEqualTo("{}");

        MockHttpServletResponse huge = send(post(s.base() + "/q/3").with(csrf()).param("change", "x".repeat(30_000)), draft, ip);
        assertThat(huge.getStatus()).isEqualTo(400);
        assertThat(huge.getContentAsString()).contains("too long or had too many parts");
        MockHttpServletRequestBuilder many = post(s.base() + "/q/3").with(csrf());
        for (int i = 0; i < 100; i++) {
            many.param("change", "x");
        }
        assertThat(send(many, draft, ip).getStatus()).isEqualTo(400);

        // Over the limit for a long answer, but not malformed: the plain GOV.UK error, nothing saved.
        String tooLong = send(post(s.base() + "/q/3").with(csrf()).param("change", "x".repeat(5001)), draft, ip).getContentAsString();
        assertThat(tooLong).contains("Your answer must be 5,000 characters or fewer");
        assertThat(draftAnswers(draft)).isEqualTo("{}");

        // A page number the form does not have.
        assertThat(send(get(s.base() + "/q/9"), draft, ip).getStatus()).isEqualTo(404);
        assertThat(send(get(s.base() + "/q/abc"), draft, ip).getStatus()).isEqualTo(404);
    }

    @Test
    void aClosedFormOrAnUnknownLinkSaysSoInPlainWordsAndTakesNothing() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String draft = start(s, ip);
        answerAll(s, draft, ip);
        forms.setStatus(s.facilitator(), s.formId(), FormStatus.CLOSED);

        assertThat(send(get(s.base()), draft, ip).getContentAsString()).contains("This form is closed");
        assertThat(send(post(s.base() + "/submit").with(csrf()), draft, ip).getContentAsString()).contains("This form is closed");
        assertThat(send(post(s.base() + "/start").with(csrf()), null, ip).getCookie("form_draft")).isNull();
        assertThat(responses(s)).isZero();

        Setup notOpen = openForm();
        forms.setStatus(notOpen.facilitator(), notOpen.formId(), FormStatus.DRAFT);
        assertThat(send(get(notOpen.base()), null, ip).getContentAsString()).contains("This form is not open for answers yet");

        Setup pastDate = openForm();
        Form open = forms.form(pastDate.facilitator(), pastDate.formId());
        forms.saveSettings(pastDate.facilitator(), pastDate.formId(), open.version(), open.title(), open.intro(), false,
                java.time.LocalDate.of(2020, 1, 31));
        assertThat(send(get(pastDate.base()), null, ip).getContentAsString()).contains("This form closed on 31 January 2020");

        MockHttpServletResponse unknown = send(get("/r/abcdefghjkmnpqrs"), null, ip);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("We cannot find this form");
        assertThat(send(get("/r/not-a-token!"), null, ip).getStatus()).isEqualTo(404);
        assertThat(send(post("/r/abcdefghjkmnpqrs/submit").with(csrf()), null, ip).getStatus()).isEqualTo(404);
    }

    /**
     * A send uses the form as found by an earlier send through the same link (one read fewer on the
     * busiest request), checked in the statement that saves the answers: a form closed, reopened,
     * edited or archived since is read again, never used as it was.
     */
    @Test
    void aFormKeptFromAnEarlierSendIsCheckedAgainWhenItChanges() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        String[] drafts = new String[4];
        for (int i = 0; i < drafts.length; i++) {
            drafts[i] = start(s, ip);
            answerAll(s, drafts[i], ip);
        }
        assertThat(send(post(s.base() + "/submit").with(csrf()), drafts[0], ip).getRedirectedUrl()).isEqualTo(s.base() + "/done");
        assertThat(responses(s)).isEqualTo(1);

        forms.setStatus(s.facilitator(), s.formId(), FormStatus.CLOSED);
        assertThat(send(post(s.base() + "/submit").with(csrf()), drafts[1], ip).getContentAsString()).contains("This form is closed");
        assertThat(responses(s)).isEqualTo(1);
        assertThat(drafts(s)).isEqualTo(3);

        forms.setStatus(s.facilitator(), s.formId(), FormStatus.OPEN);
        assertThat(send(post(s.base() + "/submit").with(csrf()), drafts[1], ip).getRedirectedUrl()).isEqualTo(s.base() + "/done");
        assertThat(responses(s)).isEqualTo(2);

        // The current version's questions changed in place (as an edit before any answer on it does):
        // the send is checked against the questions as they are now, so the answer no longer fits.
        jdbc.sql("""
                        update form_version set questions = jsonb_set(questions, '{0,options}', '["Sad", "Happy"]')
                        where form_id = :f and number = (select current_version from form where id = :f)
                        """).param("f", s.formId()).update();
        String refused = send(post(s.base() + "/submit").with(csrf()), drafts[2], ip).getContentAsString();
        assertThat(refused).contains("There is a problem");
        assertThat(responses(s)).isEqualTo(2);
        assertThat(drafts(s)).isEqualTo(2);

        forms.archive(s.facilitator(), s.formId(), true);
        send(post(s.base() + "/submit").with(csrf()), drafts[3], ip);
        assertThat(responses(s)).isEqualTo(2);
        assertThat(drafts(s)).isEqualTo(2);
    }

    /**
     * Which organisation a link belongs to is remembered once found (so a busy form's sends skip the
     * look-up); the form itself is still looked for on every request, and a link not found is never
     * remembered.
     */
    @Test
    void aLinkFoundOnceIsStillCheckedAgainstItsFormAndALinkNotFoundIsNotRemembered() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        assertThat(send(get(s.base()), null, ip).getStatus()).isEqualTo(200);

        String moved = FormTokens.linkToken();
        jdbc.sql("update form set token = :moved where id = :id").param("moved", moved).param("id", s.formId()).update();
        MockHttpServletResponse old = send(get(s.base()), null, ip);
        assertThat(old.getStatus()).isEqualTo(404);
        assertThat(old.getContentAsString()).contains("We cannot find this form");
        assertThat(send(get("/r/" + moved), null, ip).getStatus()).isEqualTo(200);

        String later = FormTokens.linkToken();
        assertThat(send(get("/r/" + later), null, ip).getStatus()).isEqualTo(404);
        jdbc.sql("update form set token = :later where id = :id").param("later", later).param("id", s.formId()).update();
        assertThat(send(get("/r/" + later), null, ip).getStatus()).isEqualTo(200);
    }

    @Test
    void tooManyPostsFromOneAddressGetAPlainMessageAndNothingIsStored() throws Exception {
        Setup s = openForm();
        String room = Addresses.random();
        String draft = start(s, room);
        answerAll(s, draft, room);
        // 1 start and 3 pages so far; use up the rest of the minute's 120 with pages that save nothing.
        for (int i = 0; i < 116; i++) {
            assertThat(send(post(s.base() + "/q/1").with(csrf()), draft, room).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = send(post(s.base() + "/submit").with(csrf()), draft, room);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains(
                "Too many answers are arriving at once. Wait a minute and try again. Your answers so far are kept.");
        assertThat(limited.getContentAsString()).doesNotContain("CAPTCHA", "captcha");
        assertThat(responses(s)).isZero();
        assertThat(draftAnswers(draft)).contains("More tea");

        // Someone at another address is not held up by the busy room.
        String other = Addresses.random();
        String theirs = start(s, other);
        answerAll(s, theirs, other);
        assertThat(send(post(s.base() + "/submit").with(csrf()), theirs, other).getRedirectedUrl()).isEqualTo(s.base() + "/done");
        assertThat(responses(s)).isEqualTo(1);
    }

    @Test
    void aPersonalLinkNamesTheMemberSoTheirAnswersPairUp() throws Exception {
        Setup s = openForm(true, feeling());
        String personal = FormTokens.secret();
        UUID member = data.organisationWithEveryRole("Members").person(Role.MEMBER).id();
        UUID memberOfThisOrg = jdbc.sql("""
                        select m.user_id from membership m join form f on f.organisation_id = m.organisation_id
                        where f.id = :f and m.role = 'MEMBER'""").param("f", s.formId()).query(UUID.class).single();
        assertThat(memberOfThisOrg).isNotEqualTo(member);
        jdbc.sql("insert into form_personal_link (token, organisation_id, form_id, user_id) select :t, organisation_id, id, :u from form where id = :f")
                .param("t", personal).param("u", memberOfThisOrg).param("f", s.formId()).update();
        String ip = Addresses.random();

        assertThat(send(get(s.base() + "/p/" + personal), null, ip).getContentAsString()).contains("Start now");
        assertThat(send(get(s.base() + "/p/" + FormTokens.secret()), null, ip).getStatus()).isEqualTo(404);
        MockHttpServletResponse started = send(post(s.base() + "/p/" + personal + "/start").with(csrf()), null, ip);
        String draft = started.getCookie("form_draft").getValue();
        send(post(s.base() + "/q/1").with(csrf()).param("feel.before", "1").param("feel.after", "2"), draft, ip);
        assertThat(send(post(s.base() + "/submit").with(csrf()), draft, ip).getRedirectedUrl()).isEqualTo(s.base() + "/done");

        assertThat(jdbc.sql("select member_user_id from form_response where form_id = :f").param("f", s.formId()).query(UUID.class)
                .single()).isEqualTo(memberOfThisOrg);
    }

    @Test
    void aKioskTabletRestartsForEachPersonAndOnlyThePinLeavesIt() throws Exception {
        Setup s = openForm();
        RequestPostProcessor facilitator = data.as(s.person());
        String tablet = Addresses.random();

        assertThat(mvc.perform(get("/forms/" + s.formId() + "/kiosk").with(facilitator)).andReturn().getResponse().getContentAsString())
                .contains("Use this device as a kiosk", "Choose a PIN");
        MockHttpServletResponse badPin = mvc.perform(post("/forms/" + s.formId() + "/kiosk").with(facilitator).with(csrf())
                .param("pin", "12a")).andReturn().getResponse();
        assertThat(badPin.getContentAsString()).contains("Enter a PIN of 4 to 8 numbers");
        assertThat(badPin.getCookie("form_kiosk")).isNull();

        MockHttpServletResponse kioskOn = mvc.perform(post("/forms/" + s.formId() + "/kiosk").with(facilitator).with(csrf())
                .param("pin", "4821")).andReturn().getResponse();
        assertThat(kioskOn.getRedirectedUrl()).isEqualTo(s.base());
        Cookie kiosk = kioskOn.getCookie("form_kiosk");
        assertThat(kiosk).isNotNull();
        assertThat(kiosk.getPath()).isEqualTo(s.base());
        assertThat(kiosk.isHttpOnly()).isTrue();

        // A made-up kiosk cookie is not kiosk mode.
        MockHttpServletResponse forgedKiosk = mvc.perform(post(s.base() + "/start").with(csrf()).with(from(Addresses.random()))
                .cookie(new Cookie("form_kiosk", "0".repeat(64)))).andReturn().getResponse();
        assertThat(jdbc.sql("select source from form_draft where token = :t").param("t", forgedKiosk.getCookie("form_draft").getValue())
                .query(String.class).single()).isEqualTo("ONLINE");

        // First person.
        MockHttpServletResponse first = mvc.perform(post(s.base() + "/start").with(csrf()).with(from(tablet)).cookie(kiosk)).andReturn()
                .getResponse();
        String firstDraft = first.getCookie("form_draft").getValue();
        assertThat(jdbc.sql("select source from form_draft where token = :t").param("t", firstDraft).query(String.class).single())
                .isEqualTo("KIOSK");
        for (String[] page : List.of(new String[] {"1", "fun", "1"}, new String[] {"3", "change", "First person's words"})) {
            mvc.perform(post(s.base() + "/q/" + page[0]).with(csrf()).with(from(tablet)).cookie(kiosk, new Cookie("form_draft", firstDraft))
                    .param(page[1], page[2]));
        }
        mvc.perform(post(s.base() + "/q/2").with(csrf()).with(from(tablet)).cookie(kiosk, new Cookie("form_draft", firstDraft))
                .param("feel.before", "1").param("feel.after", "2"));
        String question = mvc.perform(get(s.base() + "/q/1").with(from(tablet)).cookie(kiosk, new Cookie("form_draft", firstDraft)))
                .andReturn().getResponse().getContentAsString();
        assertThat(question).contains("Leave kiosk mode", "Start again").doesNotContain("href=\"/\"", "href=\"/accessibility\"");
        mvc.perform(post(s.base() + "/submit").with(csrf()).with(from(tablet)).cookie(kiosk, new Cookie("form_draft", firstDraft)));
        String done = mvc.perform(get(s.base() + "/done").with(from(tablet)).cookie(kiosk, new Cookie("form_draft", firstDraft)))
                .andReturn().getResponse().getContentAsString();
        assertThat(done).contains("Your answers are saved.", "Next person");

        // Next person: a fresh draft; nothing of the first person's answers is on any page.
        MockHttpServletResponse next = mvc.perform(post(s.base() + "/next").with(csrf()).with(from(tablet)).cookie(kiosk,
                new Cookie("form_draft", firstDraft))).andReturn().getResponse();
        assertThat(next.getRedirectedUrl()).isEqualTo(s.base() + "/q/1");
        String secondDraft = next.getCookie("form_draft").getValue();
        assertThat(secondDraft).isNotEqualTo(firstDraft);
        String third = mvc.perform(get(s.base() + "/q/3").with(from(tablet)).cookie(kiosk, new Cookie("form_draft", secondDraft)))
                .andReturn().getResponse().getContentAsString();
        assertThat(third).doesNotContain("First person");
        assertThat(responses(s)).isEqualTo(1);

        // Leaving: a wrong PIN is refused in plain words; after 5 wrong tries even the right one waits.
        String other = Addresses.random();
        MockHttpServletResponse wrong = mvc.perform(post(s.base() + "/kiosk/leave").with(csrf()).with(from(other)).cookie(kiosk)
                .param("pin", "1111")).andReturn().getResponse();
        assertThat(wrong.getContentAsString()).contains("The PIN is not right");
        assertThat(wrong.getCookie("form_kiosk")).isNull();
        for (int i = 0; i < 4; i++) {
            mvc.perform(post(s.base() + "/kiosk/leave").with(csrf()).with(from(other)).cookie(kiosk).param("pin", "1111"));
        }
        MockHttpServletResponse locked = mvc.perform(post(s.base() + "/kiosk/leave").with(csrf()).with(from(other)).cookie(kiosk)
                .param("pin", "4821")).andReturn().getResponse();
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getContentAsString()).contains("Wait 10 minutes");

        MockHttpServletResponse left = mvc.perform(post(s.base() + "/kiosk/leave").with(csrf()).with(from(tablet))
                .cookie(kiosk, new Cookie("form_draft", secondDraft)).param("pin", "4821")).andReturn().getResponse();
        assertThat(left.getRedirectedUrl()).isEqualTo("/sign-in");
        assertThat(left.getCookie("form_kiosk").getMaxAge()).isZero();
        assertThat(left.getCookie("form_draft").getMaxAge()).isZero();
        // The half-done kiosk draft is thrown away, not left for anyone to find.
        assertThat(drafts(s)).isEqualTo(1);
    }

    private static int gzipped(byte[] bytes) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    /**
     * Respondent pages must stay light for old phones on poor signal: HTML and CSS (there is no
     * script) under 60 KB compressed, as the server sends them (it gzips HTML and CSS).
     */
    @Test
    void everyRespondentPageWeighsUnder60KbCompressedAndLoadsNoScript() throws Exception {
        Setup s = openForm();
        String ip = Addresses.random();
        int css = 0;
        for (String sheet : List.of("/vendor/govuk-frontend/govuk-frontend.min.css", "/css/app.css")) {
            css += gzipped(mvc.perform(get(sheet)).andReturn().getResponse().getContentAsByteArray());
        }
        String draft = start(s, ip);
        List<String> paths = List.of("", "/q/1", "/q/2", "/q/3", "/check");
        answerAll(s, draft, ip);
        int heaviest = 0;
        StringBuilder figures = new StringBuilder();
        for (String path : paths) {
            MockHttpServletResponse page = send(get(s.base() + path), draft, ip);
            assertThat(page.getStatus()).isEqualTo(200);
            String html = page.getContentAsString();
            assertThat(html).doesNotContain("<script");
            int size = gzipped(page.getContentAsByteArray());
            heaviest = Math.max(heaviest, size);
            figures.append(path.isEmpty() ? "start" : path).append(' ').append(page.getContentAsByteArray().length).append('/').append(size)
                    .append("; ");
        }
        send(post(s.base() + "/submit").with(csrf()), draft, ip);
        MockHttpServletResponse done = send(get(s.base() + "/done"), draft, ip);
        heaviest = Math.max(heaviest, gzipped(done.getContentAsByteArray()));
        figures.append("done ").append(done.getContentAsByteArray().length).append('/').append(gzipped(done.getContentAsByteArray()));
        System.out.println("Respondent page weight (bytes/gzipped): " + figures + "; CSS gzipped " + css);
        assertThat(css + heaviest).isLessThan(60 * 1024);
    }
}
