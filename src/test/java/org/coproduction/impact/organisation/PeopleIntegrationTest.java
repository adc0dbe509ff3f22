package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class PeopleIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminSeesEveryoneInTheirOrganisationOnly() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");
        TestData.Org b = data.organisationWithEveryRole("Beta");

        String html = mvc.perform(get("/people").with(data.as(a.admin())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("tbody th[scope=row]").eachText())
                .anySatisfy(name -> assertThat(name).contains(a.person(Role.MEMBER).name()))
                .noneSatisfy(name -> assertThat(name).contains(b.person(Role.MEMBER).name()));
    }

    @Test
    void changesARoleAndRecordsItInTheAuditLog() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");
        TestData.Person member = a.person(Role.MEMBER);

        mvc.perform(post("/people/" + member.membershipId() + "/role")
                        .with(data.as(a.admin()))
                        .with(csrf())
                        .param("role", "FACILITATOR")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/people"));

        assertThat(roleOf(member)).isEqualTo("FACILITATOR");
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'ROLE_CHANGED'")
                        .param("org", a.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesAStaleRoleChangeAndKeepsTheOtherEdit() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");
        TestData.Person member = a.person(Role.MEMBER);
        jdbc.sql("update membership set role = 'VIEWER', version = version + 1 where id = :id")
                .param("id", member.membershipId())
                .update();

        String html = mvc.perform(post("/people/" + member.membershipId() + "/role")
                        .with(data.as(a.admin()))
                        .with(csrf())
                        .param("role", "FACILITATOR")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(html).select(".govuk-error-summary a[href=#role]").text()).contains("Someone else changed");
        assertThat(roleOf(member)).isEqualTo("VIEWER");
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemoted() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");
        TestData.Person admin = a.admin();

        mvc.perform(post("/people/" + admin.membershipId() + "/remove").with(data.as(admin)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/people/" + admin.membershipId() + "/role")
                        .with(data.as(admin))
                        .with(csrf())
                        .param("role", "MEMBER")
                        .param("version", "0"))
                .andExpect(status().isOk());

        assertThat(roleOf(admin)).isEqualTo("ADMIN");
    }

    @Test
    void anotherOrganisationsPersonIsNotFound() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");
        TestData.Org b = data.organisationWithEveryRole("Beta");

        mvc.perform(get("/people/" + a.person(Role.MEMBER).membershipId() + "/role").with(data.as(b.admin())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + a.person(Role.MEMBER).membershipId() + "/remove")
                        .with(data.as(b.admin()))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(roleOf(a.person(Role.MEMBER))).isEqualTo("MEMBER");
    }

    @Test
    void membersCannotManagePeople() throws Exception {
        TestData.Org a = data.organisationWithEveryRole("Alpha");

        mvc.perform(get("/people").with(data.as(a.person(Role.MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(get("/people").with(data.as(a.person(Role.FACILITATOR)))).andExpect(status().isForbidden());
        mvc.perform(get("/people")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
    }

    private String roleOf(TestData.Person person) {
        return jdbc.sql("select role from membership where id = :id")
                .param("id", person.membershipId())
                .query(String.class)
                .single();
    }
}
