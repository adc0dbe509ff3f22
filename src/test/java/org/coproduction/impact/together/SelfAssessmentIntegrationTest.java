package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.tracker.Task;
import org.coproduction.impact.tracker.TrackerService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The self-assessment on the real database: the starter statements become the organisation's own,
 * members and staff answer separately, the results compare them with the change since last time,
 * a weak area becomes one task however often it is clicked, and only facilitators and admins of the
 * organisation read the results.
 */
@IntegrationTest
class SelfAssessmentIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    SelfAssessmentService assessments;

    @Autowired
    TrackerService tracker;

    private static Tenant tenant(TestData.Org org, Role role) {
        return new Tenant(new UserId(org.person(role).id()), org.id(), org.name(), role);
    }

    @Test
    void membersAndStaffAnswerSeparatelyAndTheResultsCompareThemWithTheChangeSinceLastTime() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Self-assessment");
        Tenant facilitator = tenant(org, Role.FACILITATOR);
        Tenant member = tenant(org, Role.MEMBER);
        UUID p = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                org.person(Role.FACILITATOR).id(), true, List.of(org.person(Role.MEMBER).id())));

        List<Statement> statements = assessments.statements(facilitator);
        assertThat(statements).hasSize(12);
        assertThat(statements).extracting(Statement::principle).containsOnly(Principle.values());
        // The organisation's own copy: asking again copies nothing more.
        assertThat(assessments.statements(member)).hasSize(12);
        Statement getThere = statements.stream().filter(s -> s.principle() == Principle.ACCESSIBILITY).findFirst().orElseThrow();

        UUID spring = ((TogetherResult.Saved) assessments.start(facilitator, p, "Spring")).id();
        assessments.answer(member, p, spring, Map.of(getThere.id(), 3), Map.of(), Rung.ENGAGEMENT, "");
        UUID autumn = ((TogetherResult.Saved) assessments.start(facilitator, p, "Autumn")).id();

        // The member answers through the page: "sometimes" on getting to meetings, with a comment and a step of the ladder.
        mvc.perform(post(SelfAssessmentService.base(p) + "/" + autumn + "/answer").with(data.as(org.person(Role.MEMBER))).with(csrf())
                .param("score-" + getThere.id(), "2").param("comment-" + getThere.id(), "The bus does not run after six.")
                .param("rung", "CONSULTATION").param("reasons", "We are asked, then staff decide."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(SelfAssessmentService.base(p) + "/" + autumn + "/answer").with(data.as(org.person(Role.FACILITATOR))).with(csrf())
                .param("score-" + getThere.id(), "4").param("rung", "CO_PRODUCTION")).andExpect(status().is3xxRedirection());
        // The member sees their own answers again, to change them.
        Document again = Jsoup.parse(mvc.perform(get(SelfAssessmentService.base(p) + "/" + autumn + "/answer").with(data.as(org.person(Role.MEMBER))))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.select("input[name=score-" + getThere.id() + "][checked]").attr("value")).isEqualTo("2");
        assertThat(again.text()).contains(getThere.easyRead());

        AssessmentResults results = assessments.results(facilitator, p, autumn);
        Comparison.PrincipleRow access = results.comparison().principle(Principle.ACCESSIBILITY);
        assertThat(access.members()).isEqualByComparingTo("2.0");
        assertThat(access.staff()).isEqualByComparingTo("4.0");
        assertThat(access.membersChange()).isEqualByComparingTo("-1.0");
        assertThat(access.weak()).isTrue();
        assertThat(results.previous().id()).isEqualTo(spring);
        assertThat(results.ladder().middle(Side.MEMBERS)).isEqualTo(Rung.CONSULTATION);
        assertThat(results.respondents(Side.MEMBERS)).isEqualTo(1);

        Document page = Jsoup.parse(mvc.perform(get(SelfAssessmentService.base(p) + "/" + autumn).with(data.as(org.person(Role.FACILITATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#in-words").text()).contains("Accessibility: members rate this lower than staff do (2.0 against 4.0 out of 4).");
        assertThat(page.select("#results-table").text()).contains("Members: −1.0");
        assertThat(page.select("svg title").text()).isEqualTo("Members’ and staff’s views by principle");
        assertThat(page.text()).contains("A member said: The bus does not run after six.", "Consultation: We are asked, then staff decide.");

        // The weak area becomes one task, however often the button is pressed.
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(SelfAssessmentService.base(p) + "/" + autumn + "/actions").with(data.as(org.person(Role.FACILITATOR))).with(csrf())
                    .param("principle", "ACCESSIBILITY")).andExpect(status().is3xxRedirection());
        }
        List<Task> tasks = tracker.tasks(facilitator, p);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.getFirst().title()).isEqualTo("Improve Accessibility (from the self-assessment “Autumn”)");
        assertThat(assessments.results(facilitator, p, autumn).actions()).containsEntry(Principle.ACCESSIBILITY, tasks.getFirst().id());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'ACTION_MADE'").param("id", autumn.toString())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'ANSWERED'").param("id", autumn.toString())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void onlyFacilitatorsAndAdminsOfTheOrganisationReadTheResultsAndChangeTheStatements() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Self-assessment access");
        Tenant facilitator = tenant(org, Role.FACILITATOR);
        UUID p = projects.create(facilitator, new ProjectService.ProjectDetails("Carers " + TestData.suffix(), null, null, null, null,
                org.person(Role.FACILITATOR).id(), true, List.of(org.person(Role.MEMBER).id())));
        UUID round = ((TogetherResult.Saved) assessments.start(facilitator, p, "Winter")).id();
        String results = SelfAssessmentService.base(p) + "/" + round;
        mvc.perform(get(results).with(data.as(org.person(Role.MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(get(results + "/answer").with(data.as(org.person(Role.VIEWER)))).andExpect(status().isForbidden());
        TestData.Org other = data.organisationWithEveryRole("Other self-assessment");
        mvc.perform(get(results).with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(get(results + "/answer").with(data.as(other.admin()))).andExpect(status().isNotFound());
        // Making an action, even with no principle chosen, is "not found" from another organisation.
        mvc.perform(post(results + "/actions").with(data.as(other.admin())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(results + "/actions").with(data.as(other.admin())).with(csrf()).param("principle", "EQUALITY"))
                .andExpect(status().isNotFound());

        // Another organisation's statements are its own: changing one of A's from B finds nothing.
        Statement first = assessments.statements(facilitator).getFirst();
        mvc.perform(post("/self-assessment/statements/" + first.id()).with(data.as(other.admin())).with(csrf()).param("words", "Taken over")
                .param("easyRead", "Taken over").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/self-assessment/statements/" + first.id()).with(data.as(org.person(Role.FACILITATOR))).with(csrf())
                .param("words", "Members’ views count as much as anyone’s.").param("easyRead", "My views count.")
                .param("version", String.valueOf(first.version()))).andExpect(status().is3xxRedirection());
        assertThat(assessments.statements(facilitator).getFirst().words()).isEqualTo("Members’ views count as much as anyone’s.");
        assertThat(assessments.statements(tenant(other, Role.FACILITATOR)).getFirst().words()).isEqualTo(first.words());
    }
}
