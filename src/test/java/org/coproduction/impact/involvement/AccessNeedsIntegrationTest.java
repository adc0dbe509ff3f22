package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Access needs against the real database: a member sets their own, the project's facilitator sets
 * them with a member (and it says who did), only the member, the project's facilitator and ADMINs
 * read them (every other role 403, another organisation 404), every read by someone else is
 * audited, and an activity's page counts them in words with names only for those allowed.
 */
@IntegrationTest
class AccessNeedsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    RecordService records;

    TestData.Org org;
    TestData.Person facilitator;
    TestData.Person member;
    TestData.Person second;
    Tenant asFacilitator;
    UUID project;

    @BeforeEach
    void aProjectWithTwoMembers() {
        org = data.organisationWithEveryRole("Access needs");
        facilitator = org.person(Role.FACILITATOR);
        member = org.person(Role.MEMBER);
        second = data.person(org.id(), Role.MEMBER, "second-" + TestData.suffix());
        asFacilitator = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(asFacilitator, new ProjectService.ProjectDetails("Walking group " + TestData.suffix(), null, null, null, null,
                facilitator.id(), true, List.of(member.id(), second.id())));
    }

    private int reads() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = :action")
                .param("org", org.id().value()).param("action", AccessNeedsService.READ).query(Integer.class).single();
    }

    private Document page(String url, TestData.Person who) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(data.as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void setOwn(TestData.Person who, String... needs) throws Exception {
        mvc.perform(post("/access-needs").with(data.as(who)).with(csrf()).param("needs", needs).param("times", "Not on Fridays"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aMemberSetsTheirOwnSeesThemAgainAndCanTakeThemAway() throws Exception {
        int before = reads();
        setOwn(member, "step-free", "supporter", "nonsense");

        assertThat(jdbc.sql("select step_free and supporter and not large_print and set_by = user_id from access_needs where user_id = :u")
                .param("u", member.id()).query(Boolean.class).single()).isTrue();
        Document own = page("/access-needs", member);
        assertThat(own.select("input[name=needs][checked]").eachAttr("value")).containsExactly("step-free", "supporter");
        assertThat(own.select("textarea[name=times]").text()).isEqualTo("Not on Fridays");
        assertThat(own.select("#set-by").text()).startsWith("You last changed these on");
        assertThat(reads()).as("reading your own is not someone else's read").isEqualTo(before);
        // Another member of the organisation sees their own (empty) page.
        assertThat(page("/access-needs", second).select("input[checked]")).isEmpty();

        mvc.perform(post("/access-needs/remove").with(data.as(member)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from access_needs where user_id = :u").param("u", member.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void tooLongIsShownBesideTheFieldAndNothingIsSaved() throws Exception {
        Document doc = Jsoup.parse(mvc.perform(post("/access-needs").with(data.as(member)).with(csrf()).param("needs", "breaks")
                .param("times", "x".repeat(501))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(doc.select("#times-error").text()).contains("Times you cannot make must be 500 characters or fewer");
        assertThat(doc.select("input[name=needs][checked]").eachAttr("value")).containsExactly("breaks");
        assertThat(jdbc.sql("select count(*) from access_needs where user_id = :u").param("u", member.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void theFacilitatorSetsThemWithAMemberAndEveryReadIsAudited() throws Exception {
        mvc.perform(post("/projects/" + project + "/access-needs/" + second.id()).with(data.as(facilitator)).with(csrf())
                        .param("needs", "large-print", "hearing-loop").param("anythingElse", "A quiet room"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select set_by from access_needs where user_id = :u").param("u", second.id()).query(UUID.class).single())
                .isEqualTo(facilitator.id());
        setOwn(member, "step-free");
        int before = reads();

        Document list = page("/projects/" + project + "/access-needs", facilitator);
        assertThat(list.select("#people").text()).contains(second.name(), "Large print", "A hearing loop", "Anything else: A quiet room",
                member.name(), "Step-free access");
        assertThat(reads()).isEqualTo(before + 2);

        Document theirs = page("/projects/" + project + "/access-needs/" + second.id(), facilitator);
        assertThat(theirs.select("#set-by").text()).startsWith("Set with " + facilitator.name());
        assertThat(theirs.select("input[name=needs][checked]").eachAttr("value")).containsExactly("large-print", "hearing-loop");
        assertThat(reads()).isEqualTo(before + 3);

        page("/projects/" + project + "/access-needs", org.admin());
        assertThat(reads()).isEqualTo(before + 5);
    }

    @Test
    void onlyTheMemberTheirFacilitatorAndAdminsReadThem() throws Exception {
        setOwn(member, "step-free");
        String list = "/projects/" + project + "/access-needs";
        String theirs = list + "/" + member.id();
        // A facilitator of the organisation who does not run this project.
        TestData.Person otherFacilitator = data.person(org.id(), Role.FACILITATOR, "other-facilitator-" + TestData.suffix());
        for (TestData.Person who : List.of(org.person(Role.MEMBER), org.person(Role.VIEWER), otherFacilitator)) {
            mvc.perform(get(list).with(data.as(who))).andExpect(status().isForbidden());
            mvc.perform(get(theirs).with(data.as(who))).andExpect(status().isForbidden());
            mvc.perform(post(theirs).with(data.as(who)).with(csrf()).param("needs", "breaks")).andExpect(status().isForbidden());
        }
        TestData.Org other = data.organisationWithEveryRole("Elsewhere");
        mvc.perform(get(list).with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(get(theirs).with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(post(theirs).with(data.as(other.admin())).with(csrf()).param("needs", "breaks")).andExpect(status().isNotFound());
        // Someone who is not in the project cannot be looked up through it.
        mvc.perform(get(list + "/" + otherFacilitator.id()).with(data.as(facilitator))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select step_free and not breaks from access_needs where user_id = :u").param("u", member.id())
                .query(Boolean.class).single()).isTrue();
        // Their own page shows only their own, whoever asks.
        assertThat(page("/access-needs", other.admin()).select("input[checked]")).isEmpty();
        page(theirs, org.admin());
    }

    @Test
    void anActivityCountsWhatThePeopleWhoCameNeedWithNamesOnlyForThoseAllowed() throws Exception {
        setOwn(member, "step-free", "large-print");
        setOwn(second, "step-free");
        UUID meeting = ((RecordEdit.Saved) records.add(asFacilitator, project, ItemDraft.activity("Planning meeting", LocalDate.now(),
                ActivityKind.MEETING, null, null, List.of(member.id(), second.id()), 3, null, null, List.of(), List.of(), List.of()))).id();
        String url = "/projects/" + project + "/recorded/items/" + meeting;
        int before = reads();

        Document asTheirFacilitator = page(url, facilitator);
        assertThat(asTheirFacilitator.select("#access-needs li").eachText()).containsExactly(
                "1 person needs large print (" + member.name() + ")",
                "2 people need step-free access (" + member.name() + ", " + second.name() + ")",
                "2 people have times they cannot make (" + member.name() + ", " + second.name() + ")");
        assertThat(reads()).isEqualTo(before + 2);

        TestData.Person otherFacilitator = data.person(org.id(), Role.FACILITATOR, "planner-" + TestData.suffix());
        Document asAnotherFacilitator = page(url, otherFacilitator);
        assertThat(asAnotherFacilitator.select("#access-needs li").eachText()).containsExactly("1 person needs large print",
                "2 people need step-free access", "2 people have times they cannot make");
        assertThat(asAnotherFacilitator.select("#access-needs").text()).doesNotContain(member.name(), second.name());
        assertThat(reads()).as("counts alone name no one").isEqualTo(before + 2);

        // Planning the next activity: the project's people, counted.
        Document planning = page("/projects/" + project + "/recorded/activities/new", otherFacilitator);
        assertThat(planning.select("#access-needs li").eachText()).contains("2 people need step-free access");
    }
}
