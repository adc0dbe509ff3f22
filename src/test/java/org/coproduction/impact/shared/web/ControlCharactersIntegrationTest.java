package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 17, case 5: control characters other than tab and new line never reach what is stored. */
@IntegrationTest
class ControlCharactersIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void controlCharactersAreTakenOutOfANameAsItArrives() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Controls");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Controls " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));

        mvc.perform(post("/projects/" + project + "/tasks/new").with(data.as(f)).with(csrf())
                .param("title", "Ring\u0007 the\u0000 hall\u001b[31m now\u0085").param("ownerName", "Sam"));

        assertThat(jdbc.sql("select title from tracker_task where project_id = :p").param("p", project).query(String.class).list())
                .containsExactly("Ring the hall[31m now");
    }

    @Test
    void tabsAndNewLinesStay() {
        assertThat(ControlCharacters.clean("a\tb\r\nc")).isEqualTo("a\tb\r\nc");
        assertThat(ControlCharacters.clean("\u0000\u001f\u007f\u009fok")).isEqualTo("ok");
        assertThat(ControlCharacters.clean("Zoë ✓ 😀")).isEqualTo("Zoë ✓ 😀");
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacterAndNullStaysNull() {
        assertThat(ControlCharacters.clean("half \uD800 a character")).isEqualTo("half \uFFFD a character");
        assertThat(ControlCharacters.clean("\uDC00\uD83D")).isEqualTo("\uFFFD\uFFFD");
        assertThat(ControlCharacters.clean(null)).isNull();
    }

    @Test
    void aNulInTheSignInFormIsTakenOutBeforeSpringSecurityReadsIt() throws Exception {
        // The malicious input suite found this: the filter ran after Spring Security, so the sign-in
        // form's username reached PostgreSQL with its NUL, which refuses it: a 500.
        int status = mvc.perform(post("/sign-in").with(csrf()).param("username", "nobody\u0000here").param("password", "wrong\u0000"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isLessThan(500);
    }
}
