package org.coproduction.impact.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.Speaker;
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

/**
 * The organisation search against real PostgreSQL full-text search: what it finds (by stem, across
 * kinds, each with its project and page), that another organisation's things never appear, what an
 * empty or fruitless search shows, and that members and viewers may not search.
 */
@IntegrationTest
class SearchIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    RecordService records;

    @Autowired
    FormService forms;

    /** A made-up word of letters only, found in this test's data and nowhere else. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (char c : TestData.suffix().toCharArray()) {
            w.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return w.toString();
    }

    record Setup(TestData.Org org, UUID project, UUID outcome, String word) {}

    Setup organisationWithThings(String label, String word) {
        TestData.Org org = data.organisationWithEveryRole(label);
        Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
        UUID project = projects.create(admin, new ProjectService.ProjectDetails(label + " lunch club", "Hot meals and company " + word,
                null, null, null, org.admin().id(), false, List.of()));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(admin, project, pathways.pathway(admin, project).version(),
                new PathwayService.OutcomeDraft(label + " people feel welcome " + word, Term.SHORT, true, List.of(), null))).itemId();
        records.add(admin, project, ItemDraft.voice(RecordKind.COMMENT, label + " notes from the day", LocalDate.now(), null,
                "We liked the weekly meetings about transport " + word, Speaker.ANONYMOUS, null, null, List.of(), List.of(), List.of()));
        forms.create(admin, project, label + " after the session " + word, null, false, null, List.of());
        return new Setup(org, project, outcome, word);
    }

    @Test
    void aFacilitatorFindsTheirOrganisationsThingsByStemAndNeverAnotherOrganisations() throws Exception {
        String word = word();
        Setup a = organisationWithThings("Alder", word);
        Setup b = organisationWithThings("Birch", word);

        Document all = search(word, a.org().person(Role.FACILITATOR));
        String main = all.select("main").text();
        assertThat(main).contains("Alder lunch club", "Alder people feel welcome", "Alder notes from the day", "Alder after the session")
                .doesNotContain("Birch");
        assertThat(all.select("main a[href=/projects/" + a.project() + "]")).hasSize(1);
        assertThat(all.select("main a[href=/projects/" + a.project() + "/pathway/outcomes/" + a.outcome() + "]")).hasSize(1);
        assertThat(all.select("main a[href*=" + b.project() + "]")).isEmpty();
        assertThat(all.select("main .govuk-tag").eachText()).contains("Project", "Outcome", "Voice", "Form");
        assertThat(main).contains("Project: Alder lunch club").contains("4 results");

        // Stemming: the words say "meetings"; searching "meeting" finds them.
        Document stem = search("meeting " + word, a.org().person(Role.FACILITATOR));
        assertThat(stem.select("main li").text()).contains("Alder notes from the day").doesNotContain("Birch");
        assertThat(stem.select("main li")).hasSize(1);

        // The other organisation's admin sees only their own.
        Document other = search(word, b.org().admin());
        assertThat(other.select("main").text()).contains("Birch lunch club").doesNotContain("Alder");
    }

    @Test
    void anEmptySearchShowsTheBoxAndAFruitlessOneSaysSo() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Cedar");
        Document empty = page(get("/search"), org.admin());
        assertThat(empty.select("input[type=search][name=q]")).hasSize(1);
        assertThat(empty.select("label[for=q]").text()).isNotBlank();
        assertThat(empty.select("#found")).isEmpty();

        Document none = search(word(), org.person(Role.FACILITATOR));
        assertThat(none.select("#found").text()).startsWith("Nothing found for");
        assertThat(none.select("main li")).isEmpty();
    }

    @Test
    void membersAndViewersMayNotSearch() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Damson");
        for (Role role : List.of(Role.MEMBER, Role.VIEWER)) {
            mvc.perform(get("/search?q=lunch").with(data.as(org.person(role)))).andExpect(status().isForbidden());
        }
    }

    Document search(String q, TestData.Person who) throws Exception {
        return page(get("/search").param("q", q), who);
    }

    Document page(MockHttpServletRequestBuilder request, TestData.Person who) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(data.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
