package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@TestPropertySource(properties = "app.operator.usernames=operator-of-OperatorIntegrationTest")
class OperatorIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOperatorPausesAnOrganisationAndItsPeopleAreToldPlainly() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Paused");
        TestData.Person operator = operator();

        String list = mvc.perform(get("/operator/organisations").with(data.as(operator)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(list).select("tbody th").eachText()).contains(org.name());

        mvc.perform(post("/operator/organisations/" + org.id() + "/suspension").with(data.as(operator)).with(csrf())
                        .param("suspended", "true"))
                .andExpect(status().is3xxRedirection());

        String paused = mvc.perform(get("/people").with(data.as(org.admin())))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(paused).select("h1").text()).isEqualTo("This organisation is paused");

        mvc.perform(post("/operator/organisations/" + org.id() + "/suspension").with(data.as(operator)).with(csrf())
                        .param("suspended", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/people").with(data.as(org.admin()))).andExpect(status().isOk());
    }

    /** Issue 15: the operator's cross-organisation pages are audited, each request, and others' refused visits leave no such line. */
    @Test
    void everyOperatorPageIsWrittenInTheAuditLogWithWhoAndWhat() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Audited");
        TestData.Person operator = operator();
        long before = operatorLines(operator.id());

        mvc.perform(get("/operator/organisations").with(data.as(operator))).andExpect(status().isOk());
        mvc.perform(post("/operator/organisations/" + org.id() + "/suspension").with(data.as(operator)).with(csrf())
                .param("suspended", "false")).andExpect(status().is3xxRedirection());

        assertThat(operatorLines(operator.id())).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                        select summary from audit_event where action = 'OPERATOR_PAGE' and actor_user_id = :who
                        order by id desc limit 2
                        """).param("who", operator.id()).query(String.class).list())
                .containsExactly("POST /operator/organisations/" + org.id() + "/suspension", "GET /operator/organisations");
        mvc.perform(get("/operator/organisations").with(data.as(org.admin()))).andExpect(status().isForbidden());
        assertThat(operatorLines(org.admin().id())).isZero();
    }

    private long operatorLines(java.util.UUID who) {
        return jdbc.sql("select count(*) from audit_event where action = 'OPERATOR_PAGE' and actor_user_id = :who").param("who", who)
                .query(Long.class).single();
    }

    @Test
    void nobodyElseCanSeeOrPauseOrganisations() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Safe");

        mvc.perform(get("/operator/organisations").with(data.as(org.admin()))).andExpect(status().isForbidden());
        mvc.perform(post("/operator/organisations/" + org.id() + "/suspension").with(data.as(org.admin())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/people").with(data.as(org.admin()))).andExpect(status().isOk());
    }

    private TestData.Person operator() {
        // The operator is named in configuration; here a person of a throwaway organisation gets that name.
        return data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER, "operator-of-OperatorIntegrationTest");
    }
}
