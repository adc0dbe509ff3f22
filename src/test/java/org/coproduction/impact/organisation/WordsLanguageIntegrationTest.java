package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.Addresses.anyAddress;
import static org.coproduction.impact.support.LanguageOfText.languageOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The language an organisation writes its own words in (issue #13, WCAG 3.1.2 language of parts).
 * An ADMIN chooses English or Welsh; every page then marks the organisation's words with that
 * language where the page is in the other one, and leaves them unmarked where it is the same.
 */
@IntegrationTest
class WordsLanguageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    FormService forms;

    /** An organisation with a project, an outcome on its pathway and an open form, all in the words given. */
    private record Place(TestData.Org org, UUID project, UUID outcome, UUID form, String token) {}

    private Place place(String name, String project, String outcome, String form) {
        TestData.Org org = data.organisationWithEveryRole(name);
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID p = projects.create(t, new ProjectService.ProjectDetails(project, null, null, null, null, f.id(), false, List.of()));
        UUID o = ((EditResult.Saved) pathways.addOutcome(t, p, pathways.pathway(t, p).version(),
                new PathwayService.OutcomeDraft(outcome, Term.SHORT, true, List.of(), null))).itemId();
        UUID id = forms.create(t, p, form, null, false, null, List.of(new Question("q", QuestionType.SHORT_TEXT,
                form + "?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, id, FormStatus.OPEN);
        return new Place(org, p, o, id, forms.form(t, id).token());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(anyAddress())).andReturn().getResponse();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = send(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String wordsLanguage(TestData.Org org) {
        return jdbc.sql("select words_language from organisation where id = :id").param("id", org.id().value()).query(String.class).single();
    }

    @Test
    void anOrganisationStartsInEnglishAndItsOutcomesAreMarkedEnglishOnAWelshPage() throws Exception {
        Place p = place("Writes in English", "Riverside walks", "People feel less alone", "After the walk");
        TestData.Person f = p.org().person(Role.FACILITATOR);
        assertThat(wordsLanguage(p.org())).isEqualTo("en");

        for (String url : List.of("/projects/" + p.project() + "/pathway", "/projects/" + p.project() + "/pathway/outcomes/" + p.outcome(),
                "/projects/" + p.project() + "/plan")) {
            Document welsh = page(get(url).header("Accept-Language", "cy").with(data.as(f)));
            assertThat(welsh.selectFirst("html").attr("lang")).as(url).isEqualTo("cy-GB");
            assertThat(languageOf(welsh, "People feel less alone")).as(url).isEqualTo("en");
            Document english = page(get(url).with(data.as(f)));
            assertThat(languageOf(english, "People feel less alone")).as(url).isEqualTo("en-GB");
            assertThat(english.select("main [lang]")).as(url).allMatch(e -> e.closest("svg") != null || !e.attr("lang").equals("en"));
        }
    }

    @Test
    void anAdminChoosesWelshAndTheOrganisationsWordsAreMarkedWelshOnEnglishPagesAndUnmarkedOnWelshOnes() throws Exception {
        Place p = place("Ysgrifennu yn Gymraeg", "Teithiau glan yr afon", "Mae pobl yn teimlo’n llai unig", "Ar ôl y daith");
        TestData.Person admin = p.org().admin();
        TestData.Person f = p.org().person(Role.FACILITATOR);

        Document settings = page(get("/settings/language").with(data.as(admin)));
        assertThat(settings.select("input[name=language][value=en]").hasAttr("checked")).isTrue();
        MockHttpServletResponse saved = send(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(admin)));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/settings/language");
        assertThat(wordsLanguage(p.org())).isEqualTo("cy");
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :o and action = 'WORDS_LANGUAGE_CHANGED' and summary = 'cy'")
                .param("o", p.org().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(page(get("/settings/language").with(data.as(admin))).select("input[name=language][value=cy]").hasAttr("checked")).isTrue();

        // The staff's pages in English: the project's name, the outcome and the form's title are read as Welsh.
        Document pathway = page(get("/projects/" + p.project() + "/pathway").with(data.as(f)));
        assertThat(pathway.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(languageOf(pathway, "Teithiau glan yr afon")).isEqualTo("cy");
        assertThat(languageOf(pathway, "Mae pobl yn teimlo’n llai unig")).isEqualTo("cy");
        Document outcome = page(get("/projects/" + p.project() + "/pathway/outcomes/" + p.outcome()).with(data.as(f)));
        assertThat(languageOf(outcome, "Mae pobl yn teimlo’n llai unig")).isEqualTo("cy");
        Document overview = page(get("/overview").with(data.as(f)));
        assertThat(languageOf(overview, "Teithiau glan yr afon")).isEqualTo("cy");
        // Search: each hit's title and its project's name.
        Document search = page(get("/search").param("q", "Teithiau").with(data.as(f)));
        assertThat(search.select("main h2 a").eachText()).contains("Teithiau glan yr afon");
        assertThat(search.selectFirst("main h2 a:containsOwn(Teithiau glan yr afon)").attr("lang")).isEqualTo("cy");
        Document searchOutcome = page(get("/search").param("q", "unig").with(data.as(f)));
        assertThat(searchOutcome.selectFirst("main li span:containsOwn(Teithiau glan yr afon)").attr("lang")).isEqualTo("cy");
        Document form = page(get("/forms/" + p.form()).with(data.as(f)));
        assertThat(languageOf(form, "Ar ôl y daith")).isEqualTo("cy");
        // The service's own words stay English.
        assertThat(form.selectFirst("main h2, main .govuk-button, main p").closest("[lang=cy]")).isNull();

        // The same pages in Welsh: nothing of the organisation's is marked, and nothing is marked English.
        Document welsh = page(get("/projects/" + p.project() + "/pathway").header("Accept-Language", "cy").with(data.as(f)));
        assertThat(welsh.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(languageOf(welsh, "Mae pobl yn teimlo’n llai unig")).isEqualTo("cy-GB");
        assertThat(languageOf(welsh, "Teithiau glan yr afon")).isEqualTo("cy-GB");
        assertThat(welsh.select("main [lang=en]")).isEmpty();

        // A respondent with an English browser: the form's own words are read as Welsh, the service's as English.
        Document start = page(get("/r/" + p.token()));
        assertThat(start.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(languageOf(start, "Ar ôl y daith")).isEqualTo("cy");
        Document startInWelsh = page(get("/r/" + p.token()).header("Accept-Language", "cy"));
        assertThat(languageOf(startInWelsh, "Ar ôl y daith")).isEqualTo("cy-GB");
        assertThat(startInWelsh.select("main [lang=en]")).allMatch(e -> e.closest(".app-form-language") != null);
    }

    @Test
    void noChoiceOrAnUnknownOneIsRefusedBesideTheFieldAndChangesNothing() throws Exception {
        Place p = place("Refused language", "Walks", "People walk", "Walk form");
        TestData.Person admin = p.org().admin();
        for (String value : new String[] {null, "fr", ""}) {
            MockHttpServletRequestBuilder request = post("/settings/language").with(csrf()).with(data.as(admin));
            if (value != null) {
                request.param("language", value);
            }
            MockHttpServletResponse response = send(request);
            assertThat(response.getStatus()).isEqualTo(200);
            Document refused = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(refused.select(".govuk-error-summary").text()).contains("Choose the language your organisation writes in");
            assertThat(refused.select("#language-error").text()).contains("Choose the language your organisation writes in");
            assertThat(refused.title()).startsWith("Error:");
        }
        assertThat(wordsLanguage(p.org())).isEqualTo("en");
    }

    @Test
    void onlyAnAdminMayChooseAndOnlyForTheirOwnOrganisation() throws Exception {
        Place p = place("Only admins", "Walks", "People walk", "Walk form");
        Place other = place("Another organisation", "Other walks", "Others walk", "Other form");
        for (Role role : List.of(Role.FACILITATOR, Role.MEMBER, Role.VIEWER)) {
            TestData.Person person = p.org().person(role);
            assertThat(send(get("/settings/language").with(data.as(person))).getStatus()).as(role.name()).isEqualTo(403);
            assertThat(send(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(person))).getStatus())
                    .as(role.name()).isEqualTo(403);
        }
        assertThat(send(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(p.org().admin()))).getStatus())
                .isEqualTo(302);
        assertThat(wordsLanguage(p.org())).isEqualTo("cy");
        assertThat(wordsLanguage(other.org())).isEqualTo("en");
    }
}
