package org.coproduction.impact.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class EvidenceIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    EvidenceService evidence;

    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator) {}

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Evidence");
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Setup(org, new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR), data.as(f));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aNewOrganisationStartsWithScieSFiveTypesAndTheirWaysOfCollecting() throws Exception {
        Setup s = setup();

        Document list = page(get("/evidence").with(s.asFacilitator()));

        assertThat(list.select("#by-type ~ .app-table-scroll tbody th").eachText())
                .hasSize(5)
                .anySatisfy(t -> assertThat(t).startsWith("Quantitative"))
                .anySatisfy(t -> assertThat(t).startsWith("People’s voices"))
                .anySatisfy(t -> assertThat(t).startsWith("People’s ratings"))
                .anySatisfy(t -> assertThat(t).startsWith("Tasks completed"))
                .anySatisfy(t -> assertThat(t).startsWith("Evaluation and progress reports"));
        assertThat(list.select(".app-card h3").eachText())
                .contains("Feedback forms", "Surveys", "Group discussion", "Meeting minutes", "Action trackers", "Progress reviews and reports")
                .hasSize(DefaultWays.SEEDS.size());
        assertThat(evidence.ways(s.facilitator()))
                .filteredOn(w -> "surveys".equals(w.seedKey()))
                .singleElement()
                .satisfies(w -> assertThat(w.types()).containsExactly(
                        EvidenceType.QUANTITATIVE, EvidenceType.PEOPLES_VOICES, EvidenceType.PEOPLES_RATINGS));
        // Asking again does not seed it twice.
        assertThat(evidence.ways(s.facilitator())).hasSize(DefaultWays.SEEDS.size());
        assertThat(list.select(".govuk-warning-text").text()).contains("Nobody has recorded agreeing this list yet");
    }

    @Test
    void facilitatorsAddChangeRetireAndRestoreWaysAndEveryChangeIsKept() throws Exception {
        Setup s = setup();

        mvc.perform(post("/evidence/ways/new").with(s.asFacilitator()).with(csrf())
                        .param("name", "Picture feedback cards").param("types", "PEOPLES_RATINGS").param("types", "PEOPLES_VOICES")
                        .param("description", "Cards with pictures").param("version", "0"))
                .andExpect(redirectedUrl("/evidence"));
        WayOfCollecting cards = wayNamed(s, "Picture feedback cards");
        assertThat(cards.types()).containsExactly(EvidenceType.PEOPLES_VOICES, EvidenceType.PEOPLES_RATINGS);

        mvc.perform(post("/evidence/ways/" + cards.id() + "/edit").with(s.asFacilitator()).with(csrf())
                        .param("name", "Picture cards").param("types", "PEOPLES_RATINGS").param("version", String.valueOf(cards.version())))
                .andExpect(redirectedUrl("/evidence"));
        WayOfCollecting changed = evidence.way(s.facilitator(), cards.id());
        assertThat(changed.name()).isEqualTo("Picture cards");
        assertThat(changed.updatedByName()).isEqualTo(s.org().person(Role.FACILITATOR).name());

        mvc.perform(post("/evidence/ways/" + cards.id() + "/retire").with(s.asFacilitator()).with(csrf())
                        .param("version", String.valueOf(changed.version())))
                .andExpect(redirectedUrl("/evidence"));
        Document list = page(get("/evidence").with(s.asFacilitator()));
        assertThat(list.select(".app-card h3").eachText()).doesNotContain("Picture cards");
        assertThat(list.select("#retired ~ ul li").text()).contains("Picture cards");
        assertThat(evidence.currentWays(s.facilitator())).extracting(WayOfCollecting::name).doesNotContain("Picture cards");

        mvc.perform(post("/evidence/ways/" + cards.id() + "/restore").with(s.asFacilitator()).with(csrf())
                        .param("version", String.valueOf(evidence.way(s.facilitator(), cards.id()).version())))
                .andExpect(redirectedUrl("/evidence"));
        assertThat(evidence.way(s.facilitator(), cards.id()).retired()).isFalse();

        Document history = page(get("/evidence/history").with(data.as(s.org().person(Role.MEMBER))));
        assertThat(history.select("tbody tr td:nth-child(3)").eachText()).containsExactly(
                "Brought back the way Picture cards",
                "Retired the way Picture cards",
                "Changed the way Picture cards",
                "Added the way Picture feedback cards");
        assertThat(history.select("tbody tr td:nth-child(2)").eachText()).containsOnly(s.org().person(Role.FACILITATOR).name());
    }

    @Test
    void aStaleSaveChangesNothingAndShowsBothVersions() throws Exception {
        Setup s = setup();
        WayOfCollecting surveys = evidence.currentWayFromSeed(s.facilitator(), "surveys").orElseThrow();
        evidence.updateWay(s.facilitator(), surveys.id(), surveys.version(),
                new EvidenceService.WayDetails("Their surveys", null, null, List.of(EvidenceType.QUANTITATIVE)));

        Document page = page(post("/evidence/ways/" + surveys.id() + "/edit").with(s.asFacilitator()).with(csrf())
                .param("name", "My surveys").param("types", "PEOPLES_VOICES").param("version", String.valueOf(surveys.version())));

        assertThat(page.select(".govuk-error-summary").text()).contains("Someone else saved a change");
        assertThat(page.select(".govuk-inset-text").text()).contains("Their version").contains("Their surveys");
        assertThat(page.select("input#name").val()).isEqualTo("My surveys");
        assertThat(evidence.way(s.facilitator(), surveys.id()).name()).isEqualTo("Their surveys");
    }

    @Test
    void badInputIsExplainedBesideTheFieldAndChangesNothing() throws Exception {
        Setup s = setup();
        int before = evidence.ways(s.facilitator()).size();

        Document page = page(post("/evidence/ways/new").with(s.asFacilitator()).with(csrf())
                .param("name", "x".repeat(121)).param("types", "NOT_A_TYPE").param("examples", "y".repeat(1001)));

        assertThat(page.select("#name-error").text()).contains("120 characters or fewer");
        assertThat(page.select("#types-error").text()).contains("Select at least one type of evidence");
        assertThat(page.select("#examples-error").text()).contains("1,000 characters or fewer");
        assertThat(page.select(".govuk-error-summary a[href=#name]")).hasSize(1);
        assertThat(evidence.ways(s.facilitator())).hasSize(before);

        Document duplicate = page(post("/evidence/ways/new").with(s.asFacilitator()).with(csrf())
                .param("name", "feedback FORMS").param("types", "QUANTITATIVE"));
        assertThat(duplicate.select("#name-error").text()).contains("already has a way with this name");
        assertThat(evidence.ways(s.facilitator())).hasSize(before);
    }

    @Test
    void whoAgreedTheListAndWhenIsRecorded() throws Exception {
        Setup s = setup();

        Document bad = page(post("/evidence/agreed").with(s.asFacilitator()).with(csrf())
                .param("whoAgreed", "").param("agreedOnDay", "31").param("agreedOnMonth", "2").param("agreedOnYear", "2026").param("version", "0"));
        assertThat(bad.select("#whoAgreed-error").text()).contains("Enter who agreed the list");
        assertThat(bad.select("#agreedOn-error").text()).contains("real date");

        mvc.perform(post("/evidence/agreed").with(s.asFacilitator()).with(csrf())
                        .param("whoAgreed", "The steering group").param("agreedOnDay", "9").param("agreedOnMonth", "2")
                        .param("agreedOnYear", "2026").param("version", "0"))
                .andExpect(redirectedUrl("/evidence"));

        ListAgreement agreement = evidence.agreement(s.facilitator());
        assertThat(agreement.whoAgreed()).isEqualTo("The steering group");
        assertThat(agreement.agreedOn()).isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(page(get("/evidence").with(data.as(s.org().person(Role.MEMBER)))).text())
                .contains("Agreed by The steering group on 9 February 2026.");
    }

    @Test
    void aGapFoundInAReviewIsOneClickFromBecomingANewWay() throws Exception {
        Setup s = setup();
        String location = mvc.perform(post("/evidence/reviews/new").with(s.asFacilitator()).with(csrf())
                        .param("name", "Monthly feedback form").param("whatAndWhy", "What people thought of the month")
                        .param("accessible", "PARTLY").param("accessibleNotes", "Small print, no pictures")
                        .param("relevantAndEasy", "YES").param("gap", "Picture feedback cards").param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID review = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        Document list = page(get("/evidence").with(s.asFacilitator()));
        String addLink = list.select("#gaps ~ ul a").attr("href");
        assertThat(addLink).isEqualTo("/evidence/ways/new?review=" + review);

        Document form = page(get(addLink).with(s.asFacilitator()));
        assertThat(form.select("input#name").val()).isEqualTo("Picture feedback cards");
        assertThat(form.select("input[name=review]").val()).isEqualTo(review.toString());
        assertThat(form.select(".govuk-inset-text").text()).contains("Monthly feedback form");

        mvc.perform(post("/evidence/ways/new").with(s.asFacilitator()).with(csrf())
                        .param("name", "Picture feedback cards").param("types", "PEOPLES_RATINGS").param("review", review.toString()))
                .andExpect(redirectedUrl("/evidence"));

        assertThat(evidence.review(s.facilitator(), review).gapWayId()).isEqualTo(wayNamed(s, "Picture feedback cards").id());
        assertThat(page(get("/evidence").with(s.asFacilitator())).select("#gaps")).isEmpty();
        Document shown = page(get("/evidence/reviews/" + review).with(data.as(s.org().person(Role.MEMBER))));
        assertThat(shown.text()).contains("Partly. Small print, no pictures").contains("now in your list as Picture feedback cards");
    }

    @Test
    void membersViewButDoNotChangeAndViewersSeeNothing() throws Exception {
        Setup s = setup();
        var member = data.as(s.org().person(Role.MEMBER));
        var viewer = data.as(s.org().person(Role.VIEWER));

        Document list = page(get("/evidence").with(member));
        assertThat(list.select("a[href=/evidence/ways/new]")).isEmpty();
        assertThat(list.select("a[href$=/edit]")).isEmpty();
        mvc.perform(get("/evidence/reviews").with(member)).andExpect(status().isOk());
        mvc.perform(get("/evidence/ways/new").with(member)).andExpect(status().isForbidden());
        mvc.perform(post("/evidence/agreed").with(member).with(csrf()).param("whoAgreed", "Me")).andExpect(status().isForbidden());

        mvc.perform(get("/evidence").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/evidence/reviews").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/evidence/history").with(viewer)).andExpect(status().isForbidden());
    }

    @Test
    void anotherOrganisationSWayIsNotFound() throws Exception {
        Setup a = setup();
        Setup b = setup();
        WayOfCollecting theirs = evidence.currentWayFromSeed(a.facilitator(), "surveys").orElseThrow();

        mvc.perform(get("/evidence/ways/" + theirs.id() + "/edit").with(b.asFacilitator())).andExpect(status().isNotFound());
        mvc.perform(post("/evidence/ways/" + theirs.id() + "/retire").with(b.asFacilitator()).with(csrf())
                .param("version", String.valueOf(theirs.version()))).andExpect(status().isNotFound());
        assertThat(evidence.way(a.facilitator(), theirs.id()).retired()).isFalse();
    }

    private WayOfCollecting wayNamed(Setup s, String name) {
        return evidence.ways(s.facilitator()).stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
