package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lessons learned on the real database: found across the organisation by words (full text, so a
 * plural finds a singular) and by theme, a page at a time, never another organisation's; the
 * reflections behind a lesson shown only while shared for learning; the learning report's period.
 */
@IntegrationTest
class LessonIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    ReflectionService reflections;

    @Autowired
    LessonService lessons;

    private static Tenant tenant(TestData.Org org, Role role) {
        return new Tenant(new UserId(org.person(role).id()), org.id(), org.name(), role);
    }

    private UUID project(TestData.Org org, String name) {
        return projects.create(tenant(org, Role.FACILITATOR), new ProjectService.ProjectDetails(name + " " + TestData.suffix(), null, null, null,
                null, org.person(Role.FACILITATOR).id(), true, List.of(org.person(Role.MEMBER).id())));
    }

    private UUID lesson(TestData.Org org, UUID project, String lesson, String change, String themes, UUID... reflectionIds) {
        return ((TogetherResult.Saved) lessons.add(tenant(org, Role.FACILITATOR), project, new LessonDraft(lesson, "", change, false,
                ReflectionService.splitThemes(themes), Set.of(reflectionIds)))).id();
    }

    @Test
    void lessonsAreFoundAcrossTheOrganisationByWordsAndThemeButNeverFromAnotherOrganisation() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Lessons");
        UUID dayCentre = project(org, "Day centre");
        UUID carers = project(org, "Carers group");
        lesson(org, dayCentre, "Online meetings work better with a phone-in number", "Add a phone-in number", "meeting online");
        lesson(org, carers, "Carers could not come in the daytime", "Meet in the evening", "timing");
        TestData.Org other = data.organisationWithEveryRole("Other lessons");
        lesson(other, project(other, "Elsewhere"), "Meeting online suits the other organisation too", "", "meeting online");

        var facilitator = data.as(org.person(Role.FACILITATOR));
        Document byWords = Jsoup.parse(mvc.perform(get("/lessons").param("q", "meetings online").with(facilitator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(byWords.select(".app-lesson")).hasSize(1);
        assertThat(byWords.select(".app-lesson").text()).contains("Online meetings work better", "Day centre");
        assertThat(byWords.text()).doesNotContain("other organisation");

        Document byTheme = Jsoup.parse(mvc.perform(get("/lessons").param("theme", "timing").with(facilitator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(byTheme.select(".app-lesson").text()).contains("Carers could not come").doesNotContain("phone-in");
        // A theme's first letters find it too.
        assertThat(lessons.search(tenant(org, Role.ADMIN), "meeting onl", "", 1).lessons()).hasSize(1);
        assertThat(lessons.search(tenant(org, Role.ADMIN), "", "", 1).total()).isEqualTo(2);

        mvc.perform(get("/lessons").with(data.as(org.person(Role.MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(get(LessonService.base(dayCentre)).with(data.as(other.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void theSearchIsPagedAndEachPageKeepsTheWords() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Many lessons");
        UUID p = project(org, "Busy project");
        for (int i = 1; i <= LessonSearch.PAGE_SIZE + 3; i++) {
            lesson(org, p, "Transport lesson " + i, "", "transport");
        }
        LessonSearch second = lessons.search(tenant(org, Role.FACILITATOR), "transport", "", 2);
        assertThat(second.total()).isEqualTo(LessonSearch.PAGE_SIZE + 3);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.lessons()).hasSize(3);
        // Asking past the end shows the last page.
        assertThat(lessons.search(tenant(org, Role.FACILITATOR), "transport", "", 99).page()).isEqualTo(2);
        Document page = Jsoup.parse(mvc.perform(get("/lessons").param("q", "transport").with(data.as(org.person(Role.FACILITATOR))))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-pagination a[rel=next]").attr("href")).isEqualTo("/lessons?q=transport&page=2");
    }

    @Test
    void aLessonShowsTheReflectionsBehindItOnlyWhileTheyAreSharedAndTheLearningReportReadsThePeriod() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Learning");
        UUID p = project(org, "Day centre");
        Tenant member = tenant(org, Role.MEMBER);
        UUID shared = ((TogetherResult.Saved) reflections.add(member, p, new ReflectionDraft(null, Face.BAD, "", "Nobody rang the carers.", "", Set.of(),
                List.of(), EnumSet.of(ConsentUse.INTERNAL_LEARNING)))).id();
        UUID notShared = ((TogetherResult.Saved) reflections.add(member, p, new ReflectionDraft(null, Face.GOOD, "Private thought.", "", "", Set.of(),
                List.of(), Set.of()))).id();

        // Only a shared reflection may be chosen as evidence for a lesson.
        assertThat(lessons.add(tenant(org, Role.FACILITATOR), p, new LessonDraft("Ring carers before meetings", "", "", false, List.of(),
                Set.of(notShared)))).isInstanceOf(TogetherResult.Refused.class);
        UUID lesson = lesson(org, p, "Ring carers before meetings", "A reminder call the day before", "carers", shared);

        var facilitator = data.as(org.person(Role.FACILITATOR));
        String page = mvc.perform(get(LessonService.base(p)).with(facilitator)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nobody rang the carers.").doesNotContain("Private thought.");

        Learning learning = lessons.learning(tenant(org, Role.FACILITATOR), p, ReflectionService.today().minusDays(1), ReflectionService.today());
        assertThat(learning.lessons()).extracting(Lesson::id).containsExactly(lesson);
        assertThat(learning.reflections()).extracting(Reflection::id).containsExactly(shared);
        assertThat(lessons.learning(tenant(org, Role.FACILITATOR), p, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)).lessons()).isEmpty();

        // The writer withdraws: the lesson stays, the reflection behind it is no longer shown or reported.
        Reflection r = reflections.own(member, p, shared);
        reflections.changeUses(member, p, shared, r.version(), Set.of());
        page = mvc.perform(get(LessonService.base(p)).with(facilitator)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ring carers before meetings").doesNotContain("Nobody rang the carers.").contains("1 reflection is not shown");
        assertThat(lessons.learning(tenant(org, Role.FACILITATOR), p, ReflectionService.today().minusDays(1), ReflectionService.today()).reflections())
                .isEmpty();

        // Marking the change made, through the page, is audited.
        Lesson before = lessons.lesson(tenant(org, Role.FACILITATOR), p, lesson);
        mvc.perform(post(LessonService.base(p) + "/" + lesson + "/edit").with(facilitator).with(csrf()).param("lesson", before.lesson())
                .param("change", "A reminder call the day before").param("changeMade", "yes").param("themes", "carers")
                .param("version", String.valueOf(before.version()))).andExpect(status().is3xxRedirection());
        assertThat(lessons.lesson(tenant(org, Role.FACILITATOR), p, lesson).changeMade()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and summary = 'change made'").param("id", lesson.toString())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
