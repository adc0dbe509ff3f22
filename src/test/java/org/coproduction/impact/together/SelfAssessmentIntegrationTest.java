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
        assertThat(assessments.results(facilitator, p, autumn).actions())
                .containsEntry(Principle.ACCESSIBILITY, new AssessmentResults.Action(tasks.getFirst().id(), p));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'ACTION_MADE'").param("id", autumn.toString())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'ANSWERED'").param("id", autumn.toString())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theWholeOrganisationAssessesItselfEveryoneAnswersAndAWeakAreaGoesToAChosenProject() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Organisation self-assessment");
        Tenant admin = tenant(org, Role.ADMIN);
        Tenant facilitator = tenant(org, Role.FACILITATOR);
        UUID p = projects.create(facilitator, new ProjectService.ProjectDetails("Steering group " + TestData.suffix(), null, null, null, null,
                org.person(Role.FACILITATOR).id(), true, List.of()));
        String base = Place.ORGANISATION;

        // Only an ADMIN starts the organisation's own round; a facilitator's attempt changes nothing.
        mvc.perform(post(base).with(data.as(org.person(Role.FACILITATOR))).with(csrf()).param("title", "Not mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).with(data.as(org.person(Role.ADMIN))).with(csrf()).param("title", ""))
                .andExpect(status().isOk());
        mvc.perform(post(base).with(data.as(org.person(Role.ADMIN))).with(csrf()).param("title", "Our organisation, 2027"))
                .andExpect(status().is3xxRedirection());
        List<SelfAssessment> rounds = assessments.rounds(admin, null);
        assertThat(rounds).singleElement().satisfies(r -> assertThat(r.projectId()).isNull());
        UUID round = rounds.getFirst().id();
        // It is the organisation's, not a project's.
        assertThat(assessments.rounds(facilitator, p)).isEmpty();

        // A member who takes part in no project is asked on their home page, and answers; staff answer too.
        Statement equality = assessments.statements(admin).stream().filter(s -> s.principle() == Principle.EQUALITY).findFirst().orElseThrow();
        TestData.Person member = org.person(Role.MEMBER);
        Document home = Jsoup.parse(mvc.perform(get("/").with(data.as(member))).andReturn().getResponse().getContentAsString());
        assertThat(home.text()).contains("The organisation’s self-assessment “Our organisation, 2027” is waiting for your view.");
        assertThat(home.select("a[href=" + base + "/" + round + "/answer]")).hasSize(1);
        mvc.perform(post(base + "/" + round + "/answer").with(data.as(member)).with(csrf())
                .param("score-" + equality.id(), "1").param("comment-" + equality.id(), "Staff talk over us.")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + round + "/answer").with(data.as(org.person(Role.FACILITATOR))).with(csrf())
                .param("score-" + equality.id(), "4")).andExpect(status().is3xxRedirection());
        Document after = Jsoup.parse(mvc.perform(get("/").with(data.as(member))).andReturn().getResponse().getContentAsString());
        assertThat(after.text()).doesNotContain("is waiting for your view");

        // The results, members beside staff; a member and a viewer cannot read them.
        Document results = Jsoup.parse(mvc.perform(get(base + "/" + round).with(data.as(org.person(Role.ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(results.select(".govuk-caption-l").text()).isEqualTo(org.name());
        assertThat(results.text()).contains("A member said: Staff talk over us.");
        assertThat(assessments.results(admin, null, round).comparison().principle(Principle.EQUALITY).weak()).isTrue();
        mvc.perform(get(base + "/" + round).with(data.as(member))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/" + round).with(data.as(org.person(Role.VIEWER)))).andExpect(status().isForbidden());

        // The weak area becomes a task in the project the admin chooses; without one, nothing is made.
        mvc.perform(post(base + "/" + round + "/actions").with(data.as(org.person(Role.ADMIN))).with(csrf()).param("principle", "EQUALITY"))
                .andExpect(status().is3xxRedirection());
        assertThat(assessments.results(admin, null, round).actions()).isEmpty();
        assertThat(results.select("select[name=project] option").eachText()).contains(projects.project(admin, p).name());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(base + "/" + round + "/actions").with(data.as(org.person(Role.ADMIN))).with(csrf()).param("principle", "EQUALITY")
                    .param("project", p.toString())).andExpect(status().is3xxRedirection());
        }
        List<Task> tasks = tracker.tasks(facilitator, p);
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.title()).isEqualTo("Improve Equality (from the self-assessment “Our organisation, 2027”)"));
        assertThat(assessments.results(admin, null, round).actions().get(Principle.EQUALITY).href())
                .isEqualTo("/projects/" + p + "/tasks/" + tasks.getFirst().id());

        // Another organisation finds none of it, and cannot put its tasks into A's project.
        TestData.Org other = data.organisationWithEveryRole("Other organisation self-assessment");
        mvc.perform(get(base + "/" + round).with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/" + round + "/answer").with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + round + "/answer").with(data.as(other.admin())).with(csrf()).param("score-" + equality.id(), "4"))
                .andExpect(status().isNotFound());
        UUID theirs = ((TogetherResult.Saved) assessments.start(tenant(other, Role.ADMIN), null, "Theirs")).id();
        assessments.answer(tenant(other, Role.MEMBER), null, theirs, Map.of(assessments.statements(tenant(other, Role.ADMIN)).getFirst().id(), 1),
                Map.of(), null, "");
        mvc.perform(post(base + "/" + theirs + "/actions").with(data.as(other.admin())).with(csrf()).param("principle",
                assessments.statements(tenant(other, Role.ADMIN)).getFirst().principle().name()).param("project", p.toString()))
                .andExpect(status().isNotFound());
        assertThat(tracker.tasks(facilitator, p)).hasSize(1);
        assertThat(assessments.rounds(admin, null)).extracting(SelfAssessment::id).containsExactly(round);
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
