package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 17, case 1: POSTs of one session that arrive at the same moment, sent really in parallel
 * (threads released together by a latch) through the whole filter chain, with the session and the
 * CSRF token a real page gave, on real PostgreSQL.
 */
@IntegrationTest
class SubmitOnceIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    JdbcClient jdbc;

    record Setup(RequestPostProcessor as, UUID project) {
        String newTask() {
            return "/projects/" + project + "/tasks/new";
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Parallel");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Parallel " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));
        return new Setup(data.as(f), project);
    }

    @Test
    void tenParallelSavesOfOneFormMakeOneTaskAndNoErrorPage() throws Exception {
        Setup s = setup();
        Document form = Jsoup.parse(mvc.perform(get(s.newTask()).with(s.as())).andReturn().getResponse().getContentAsString());
        String csrf = form.select("form[action$=/tasks/new] input[name=_csrf]").val();
        String once = form.select("form[action$=/tasks/new] input[name=" + SubmitOnce.PARAMETER + "]").val();
        assertThat(csrf).isNotBlank();
        assertThat(once).isNotBlank();

        List<MockHttpServletResponse> answers = inParallel(10, () -> post(s.newTask()).with(s.as())
                .param("_csrf", csrf).param(SubmitOnce.PARAMETER, once)
                .param("title", "Parallel task").param("ownerName", "Sam")
                .param("dueOnDay", "1").param("dueOnMonth", "2").param("dueOnYear", "2027"));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(302);
        assertThat(answers).extracting(MockHttpServletResponse::getRedirectedUrl).containsOnly("/projects/" + s.project() + "/tasks");
        assertThat(tasks(s.project(), "Parallel task")).isEqualTo(1);

        // A fresh page gives a fresh token: the same form filled in again is a second task, as meant.
        Document again = Jsoup.parse(mvc.perform(get(s.newTask()).with(s.as())).andReturn().getResponse().getContentAsString());
        assertThat(again.select("input[name=" + SubmitOnce.PARAMETER + "]").val()).isNotEqualTo(once);
    }

    @Test
    void aFormShownAgainWithAProblemCanBeSentWithItsToken() throws Exception {
        Setup s = setup();
        Document form = Jsoup.parse(mvc.perform(get(s.newTask()).with(s.as())).andReturn().getResponse().getContentAsString());
        String csrf = form.select("input[name=_csrf]").first().val();
        String once = form.select("input[name=" + SubmitOnce.PARAMETER + "]").first().val();

        MockHttpServletResponse missing = mvc.perform(post(s.newTask()).with(s.as()).param("_csrf", csrf)
                .param(SubmitOnce.PARAMETER, once).param("title", "")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(200);
        MockHttpServletResponse saved = mvc.perform(post(s.newTask()).with(s.as()).param("_csrf", csrf)
                .param(SubmitOnce.PARAMETER, once).param("title", "Fixed task").param("ownerName", "Sam")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(tasks(s.project(), "Fixed task")).isEqualTo(1);
    }

    /**
     * Underneath the token: a page without one (an old tab) sent ten times at once in one session.
     * Each request saves the session's one-time message; that save used to hit a duplicate key and
     * answer 500 although the task was stored.
     */
    @Test
    void parallelSavesOfOneSessionNeverAnswer500() throws Exception {
        Setup s = setup();
        Document form = Jsoup.parse(mvc.perform(get(s.newTask()).with(s.as())).andReturn().getResponse().getContentAsString());
        String csrf = form.select("input[name=_csrf]").first().val();

        List<MockHttpServletResponse> answers = inParallel(10, () -> post(s.newTask()).with(s.as()).param("_csrf", csrf)
                .param("title", "Old page task").param("ownerName", "Sam"));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(302);
        assertThat(tasks(s.project(), "Old page task")).isEqualTo(10);
    }

    private long tasks(UUID project, String title) {
        return jdbc.sql("select count(*) from tracker_task where project_id = :p and title = :t")
                .param("p", project).param("t", title).query(Long.class).single();
    }

    private interface Request {
        MockHttpServletRequestBuilder build();
    }

    private List<MockHttpServletResponse> inParallel(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return mvc.perform(request.build()).andReturn().getResponse();
                }));
            }
            go.countDown();
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
