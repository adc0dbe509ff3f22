package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class InvitationIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPrintedInvitationShowsACodeAndQrCodeThatLetAPersonWithoutEmailJoin() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Printed");
        String print = mvc.perform(post("/invitations/new").with(data.as(org.admin())).with(csrf())
                        .param("name", "Chris Green")
                        .param("kind", "PRINTED")
                        .param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Document sheet = page(mvc.perform(get(print).with(data.as(org.admin()))).andReturn().getResponse().getContentAsString());
        String code = sheet.select("#invitation-code").text();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(sheet.select("svg.app-qr title").text()).contains(org.name());

        String token = mvc.perform(post("/join").with(csrf()).param("code", code.toLowerCase().replace("-", " ")))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl().replace("/invite/", "");
        String username = "chris-" + TestData.suffix();
        mvc.perform(post("/invite/" + token).with(csrf())
                        .param("name", "Chris Green")
                        .param("username", username)
                        .param("email", "")
                        .param("password", "green apples on a tuesday")
                        .param("confirm", "green apples on a tuesday"))
                .andExpect(redirectedUrl("/sign-in?joined"));

        mvc.perform(formLogin("/sign-in").user(username).password("green apples on a tuesday")).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("""
                        select m.role from membership m join user_account u on u.id = m.user_id
                        where u.username = :u and m.organisation_id = :org and u.email is null
                        """)
                        .param("u", username)
                        .param("org", org.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("MEMBER");
        // Used once: the same link cannot add a second account.
        String reused = mvc.perform(get("/invite/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(page(reused).select("h1").text()).isEqualTo("This invitation does not work any more");
    }

    /** Issue 17, case 2: one printed sheet, twelve people sending the join form at the same moment. */
    @Test
    void twelveParallelTriesOfOneInvitationMakeExactlyOneAccount() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Parallel invite");
        String print = mvc.perform(post("/invitations/new").with(data.as(org.admin())).with(csrf())
                        .param("name", "Sam Race").param("kind", "PRINTED").param("role", "MEMBER"))
                .andReturn().getResponse().getRedirectedUrl();
        String token = jdbc.sql("select token from invitation where id = :id")
                .param("id", UUID.fromString(print.replaceAll(".*/invitations/([0-9a-f-]{36}).*", "$1")))
                .query(String.class).single();
        String prefix = "race-" + TestData.suffix() + "-";

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> tries = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 12; i++) {
                String username = prefix + i;
                tries.add(pool.submit(() -> {
                    go.await();
                    return mvc.perform(post("/invite/" + token).with(csrf())
                                    .param("name", "Sam Race").param("username", username).param("email", "")
                                    .param("password", "green apples on a tuesday").param("confirm", "green apples on a tuesday"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> t : tries) {
                statuses.add(t.get());
            }
            assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(11);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from user_account where username like :p")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("""
                        select count(*) from membership m join user_account u on u.id = m.user_id
                        where u.username like :p and m.organisation_id = :org
                        """)
                .param("p", prefix + "%").param("org", org.id().value()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anEmailInvitationIsSentWithItsLinkAndCanBeWithdrawn() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Email");
        String email = "new-" + TestData.suffix() + "@example.test";
        mvc.perform(post("/invitations/new").with(data.as(org.admin())).with(csrf())
                        .param("name", "Dee New")
                        .param("kind", "EMAIL")
                        .param("email", email)
                        .param("role", "FACILITATOR"))
                .andExpect(redirectedUrl("/people"));
        String body = jdbc.sql("select body from outbound_email where recipient = :r and organisation_id = :org")
                .param("r", email)
                .param("org", org.id().value())
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*/invite/([A-Za-z0-9_-]+).*", "$1");
        UUID id = jdbc.sql("select id from invitation where token = :t").param("t", token).query(UUID.class).single();

        mvc.perform(post("/invitations/" + id + "/withdraw").with(data.as(org.admin())).with(csrf()))
                .andExpect(redirectedUrl("/people"));

        String gone = mvc.perform(get("/invite/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(page(gone).select("h1").text()).isEqualTo("This invitation does not work any more");
        mvc.perform(post("/invite/" + token).with(csrf())
                        .param("name", "Dee New")
                        .param("username", "dee-" + TestData.suffix())
                        .param("password", "green apples on a tuesday")
                        .param("confirm", "green apples on a tuesday"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from membership where organisation_id = :org").param("org", org.id().value())
                        .query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void anEmailInvitationNeedsAnEmailAddress() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Email");
        String html = mvc.perform(post("/invitations/new").with(data.as(org.admin())).with(csrf())
                        .param("name", "No Address")
                        .param("kind", "EMAIL")
                        .param("role", "MEMBER"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page(html).select(".govuk-error-summary a[href=#email]").text()).contains("Enter their email address");
        assertThat(jdbc.sql("select count(*) from invitation where organisation_id = :org").param("org", org.id().value())
                        .query(Long.class).single())
                .isZero();
    }

    @Test
    void aSignedInPersonJoinsASecondOrganisationAndCanSwitchToIt() throws Exception {
        TestData.Org first = data.organisationWithEveryRole("First");
        TestData.Org second = data.organisationWithEveryRole("Second");
        TestData.Person facilitator = first.person(Role.FACILITATOR);
        mvc.perform(post("/invitations/new").with(data.as(second.admin())).with(csrf())
                .param("name", facilitator.name())
                .param("kind", "PRINTED")
                .param("role", "VIEWER"));
        String token = jdbc.sql("select token from invitation where organisation_id = :org")
                .param("org", second.id().value())
                .query(String.class)
                .single();

        mvc.perform(post("/invite/" + token + "/accept").with(data.as(facilitator)).with(csrf()))
                .andExpect(redirectedUrl("/?joined"));

        String home = mvc.perform(get("/").with(data.as(facilitator))).andReturn().getResponse().getContentAsString();
        assertThat(page(home).select(".app-header__org strong").text()).isEqualTo(second.name());
        mvc.perform(post("/organisations/switch").with(data.as(facilitator)).with(csrf())
                        .param("organisation", first.id().toString()))
                .andExpect(redirectedUrl("/"));
        String back = mvc.perform(get("/").with(data.as(facilitator))).andReturn().getResponse().getContentAsString();
        assertThat(page(back).select(".app-header__org strong").text()).isEqualTo(first.name());
    }

    @Test
    void nobodyCanSwitchIntoAnOrganisationTheyDoNotBelongTo() throws Exception {
        TestData.Org mine = data.organisationWithEveryRole("Mine");
        TestData.Org theirs = data.organisationWithEveryRole("Theirs");

        String html = mvc.perform(post("/organisations/switch").with(data.as(mine.admin())).with(csrf())
                        .param("organisation", theirs.id().toString()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page(html).select("#organisation-error").text()).contains("Select an organisation");
        String home = mvc.perform(get("/").with(data.as(mine.admin()))).andReturn().getResponse().getContentAsString();
        assertThat(page(home).select(".app-header__org strong").text()).isEqualTo(mine.name());
    }

    @Test
    void wrongCodesAreCountedAndThenRefused() throws Exception {
        String address = "192.0.2." + (int) (Math.random() * 200 + 1);
        String last = "";
        for (int i = 0; i < 51; i++) {
            last = mvc.perform(post("/join").with(csrf()).param("code", "ZZZZ-ZZZ" + (i % 8 + 2)).with(request -> {
                        request.setRemoteAddr(address);
                        return request;
                    }))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(page(last).select("#code-error").text()).contains("Too many tries");
    }

    @Test
    void creatingAnOrganisationMakesTheCreatorItsAdmin() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Existing").person(Role.MEMBER);
        String name = "Riverside Carers " + TestData.suffix();

        mvc.perform(post("/organisations/new").with(data.as(member)).with(csrf()).param("name", name))
                .andExpect(redirectedUrl("/?created"));

        assertThat(jdbc.sql("""
                        select m.role from membership m join organisation o on o.id = m.organisation_id
                        where o.name = :name and m.user_id = :user
                        """)
                        .param("name", name)
                        .param("user", member.id())
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");
        mvc.perform(get("/people").with(data.as(member))).andExpect(status().isOk());
    }

    @Test
    void anEmptyOrganisationNameIsRefusedBesideTheField() throws Exception {
        TestData.Person member = data.organisationWithEveryRole("Existing").person(Role.MEMBER);
        String html = mvc.perform(post("/organisations/new").with(data.as(member)).with(csrf()).param("name", "  "))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page(html).select("#name-error").text()).contains("Enter the name of your organisation");
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}
