package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.Addresses.anyAddress;
import static org.coproduction.impact.support.LanguageOfText.languageOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An organisation that writes in Welsh gives its words in English as its second language (issue #13):
 * its boxes say "In English", people using the service in English read the English words, people in
 * Welsh the Welsh ones, and a respondent's answers record the language they chose.
 */
@IntegrationTest
class WelshFirstIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    private record Welsh(TestData.Org org, TestData.Person facilitator, Tenant tenant) {}

    /** A new organisation whose ADMIN has said it writes in Welsh. */
    private Welsh writesInWelsh(String name) throws Exception {
        TestData.Org org = data.organisationWithEveryRole(name);
        assertThat(send(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(org.admin())), List.of()).getStatus())
                .isEqualTo(302);
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Welsh(org, f, new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, List<Cookie> cookies) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.toArray(Cookie[]::new));
        }
        return mvc.perform(request.with(anyAddress())).andReturn().getResponse();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = send(request, List.of());
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aProjectsEnglishNameIsItsSecondOneShownInEnglishAndItsWelshNameInWelsh() throws Exception {
        Welsh w = writesInWelsh("Cyngor y Cymoedd");
        UUID p = projects.create(w.tenant(), new ProjectService.ProjectDetails("Teithiau glan yr afon", "Cerdded gyda’n gilydd", null, null, null,
                w.facilitator().id(), false, List.of(), "Riverside walks", "Walking together"));

        Document english = page(get("/projects/" + p).with(data.as(w.facilitator())));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(english.selectFirst("h1").text()).contains("Riverside walks");
        assertThat(languageOf(english, "Riverside walks")).as("English words on an English page need no mark").isEqualTo("en-GB");
        assertThat(english.text()).doesNotContain("Teithiau glan yr afon");

        Document welsh = page(get("/projects/" + p).header("Accept-Language", "cy").with(data.as(w.facilitator())));
        assertThat(welsh.selectFirst("h1").text()).contains("Teithiau glan yr afon");
        assertThat(languageOf(welsh, "Teithiau glan yr afon")).isEqualTo("cy-GB");
        assertThat(welsh.text()).doesNotContain("Riverside walks");

        // The project form asks for the English beside the Welsh, and marks those boxes English.
        Document edit = page(get("/projects/" + p + "/edit").with(data.as(w.facilitator())));
        assertThat(edit.select("main h2").eachText()).contains("In English (optional)").doesNotContain("In Welsh (optional)");
        assertThat(edit.select("label[for=nameCy]").text()).isEqualTo("Project name in English");
        assertThat(edit.selectFirst("#nameCy").attr("lang")).isEqualTo("en");
        Document editInWelsh = page(get("/projects/" + p + "/edit").header("Accept-Language", "cy").with(data.as(w.facilitator())));
        assertThat(editInWelsh.select("main h2").eachText()).contains("Yn Saesneg (dewisol)");
        assertThat(editInWelsh.select("label[for=nameCy]").text()).isEqualTo("Enw’r prosiect yn Saesneg");

        // An organisation writing in English still has "In Welsh" boxes.
        TestData.Org english2 = data.organisationWithEveryRole("Riverside Council");
        TestData.Person f2 = english2.person(Role.FACILITATOR);
        UUID p2 = projects.create(new Tenant(new UserId(f2.id()), english2.id(), english2.name(), Role.FACILITATOR),
                new ProjectService.ProjectDetails("Walks", null, null, null, null, f2.id(), false, List.of()));
        Document edit2 = page(get("/projects/" + p2 + "/edit").with(data.as(f2)));
        assertThat(edit2.select("main h2").eachText()).contains("In Welsh (optional)");
        assertThat(edit2.select("label[for=nameCy]").text()).isEqualTo("Project name in Welsh");
        assertThat(edit2.selectFirst("#nameCy").attr("lang")).isEqualTo("cy");
    }

    private String openForm(Welsh w, Question question) {
        UUID project = projects.create(w.tenant(), new ProjectService.ProjectDetails("Teithiau " + TestData.suffix(), null, null, null, null,
                w.facilitator().id(), false, List.of()));
        UUID id = forms.create(w.tenant(), project, "Ar ôl y daith", null, false, null, List.of(question));
        forms.setStatus(w.tenant(), id, FormStatus.OPEN);
        return forms.form(w.tenant(), id).token();
    }

    /** Answers the form's one question with choice 1, in the language chosen (null: none), and returns the question page. */
    private Document answer(String token, @Nullable String language, @Nullable String browser) throws Exception {
        String base = "/r/" + token;
        List<Cookie> cookies = new ArrayList<>();
        if (language != null) {
            cookies.add(send(get(base + "/language/" + language).param("back", base), cookies).getCookie("form_language"));
        }
        MockHttpServletRequestBuilder start = post(base + "/start").with(csrf());
        if (browser != null) {
            start.header("Accept-Language", browser);
        }
        cookies.add(send(start, cookies).getCookie("form_draft"));
        MockHttpServletRequestBuilder q = get(base + "/q/1");
        if (browser != null) {
            q.header("Accept-Language", browser);
        }
        Document page = Jsoup.parse(send(q, cookies).getContentAsString(StandardCharsets.UTF_8));
        assertThat(send(post(base + "/q/1").with(csrf()).param("enjoy", "1"), cookies).getRedirectedUrl()).isEqualTo(base + "/check");
        MockHttpServletRequestBuilder submit = post(base + "/submit").with(csrf());
        if (browser != null) {
            submit.header("Accept-Language", browser);
        }
        assertThat(send(submit, cookies).getRedirectedUrl()).isEqualTo(base + "/done");
        return page;
    }

    private List<String> languagesAnswered(String token) {
        return jdbc.sql("select r.language from form_response r join form f on f.id = r.form_id where f.token = :t order by r.submitted_at")
                .param("t", token).query(String.class).list();
    }

    @Test
    void aRespondentReadsTheFormsEnglishInEnglishAndItsWelshInWelshAndTheAnswerRecordsWhich() throws Exception {
        Welsh w = writesInWelsh("Gofal y Fro");
        String token = openForm(w, new Question("enjoy", QuestionType.SINGLE_CHOICE, "Wnaethoch chi fwynhau’r daith?", null, null, null, true,
                List.of("Do", "Naddo"), ScaleStyle.WORDS, null, null, null, null)
                .withWelsh("Did you enjoy the walk?", null, null, List.of("Yes", "No")));

        Document english = answer(token, null, null);
        assertThat(english.select("main").text()).contains("Did you enjoy the walk?", "Yes", "No").doesNotContain("Wnaethoch");
        assertThat(languageOf(english, "Did you enjoy the walk?")).isEqualTo("en-GB");
        assertThat(english.select(".app-form-language").text()).contains("English", "Cymraeg");

        Document welsh = answer(token, "cy", null);
        assertThat(welsh.select("main").text()).contains("Wnaethoch chi fwynhau’r daith?", "Do", "Naddo");
        // The service's own words stay English here (the switch's way back through /language is not followed), so the Welsh is marked.
        assertThat(languageOf(welsh, "Wnaethoch chi fwynhau’r daith?")).isEqualTo("cy");

        assertThat(languagesAnswered(token)).containsExactly("en", "cy");
    }

    @Test
    void aFormGivenOnlyInWelshIsShownInWelshMarkedSoToAnEnglishBrowserAndTheAnswerIsRecordedAsWelsh() throws Exception {
        Welsh w = writesInWelsh("Dim ond Cymraeg");
        String token = openForm(w, new Question("enjoy", QuestionType.SINGLE_CHOICE, "Wnaethoch chi fwynhau’r daith?", null, null, null, true,
                List.of("Do", "Naddo"), ScaleStyle.WORDS, null, null, null, null));

        Document page = answer(token, null, "en-GB");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(languageOf(page, "Wnaethoch chi fwynhau’r daith?")).isEqualTo("cy");
        assertThat(page.select(".app-form-language")).as("nothing to choose between").isEmpty();
        assertThat(languagesAnswered(token)).containsExactly("cy");
    }

    @Test
    void changingTheLanguageSwapsTheWordsGivenInBothSoEachStaysInItsOwnLanguage() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Switching to Welsh");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID both = projects.create(t, new ProjectService.ProjectDetails("Riverside walks", "Walking together", null, null, null, f.id(), false,
                List.of(), "Teithiau glan yr afon", null));
        UUID englishOnly = projects.create(t, new ProjectService.ProjectDetails("Book club", null, null, null, null, f.id(), false, List.of()));
        UUID form = forms.create(t, both, "After the walk", null, false, null, List.of(
                new Question("enjoy", QuestionType.SINGLE_CHOICE, "Did you enjoy the walk?", "Choose one", null, null, true, List.of("Yes", "No"),
                        ScaleStyle.WORDS, null, null, null, null).withWelsh("Wnaethoch chi fwynhau’r daith?", null, null, List.of("Do", "Naddo")),
                new Question("more", QuestionType.LONG_TEXT, "Tell us more", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null,
                        null, null)));
        var before = forms.form(t, form);
        forms.saveSettings(t, form, before.version(), "After the walk", null, false, null, before.answersUse(), "Ar ôl y daith", null);
        int formVersion = forms.form(t, form).version();

        assertThat(send(post("/settings/language").param("language", "cy").with(csrf()).with(data.as(org.admin())), List.of()).getStatus())
                .isEqualTo(302);

        var project = projects.project(t, both).words();
        assertThat(project.name()).isEqualTo("Teithiau glan yr afon");
        assertThat(project.nameCy()).isEqualTo("Riverside walks");
        assertThat(project.summary()).as("given in English only: it stays the main words").isEqualTo("Walking together");
        assertThat(project.summaryCy()).isNull();
        assertThat(projects.project(t, englishOnly).words()).isEqualTo(new org.coproduction.impact.pathway.Project.Words("Book club", null, null, null));
        var swapped = forms.form(t, form);
        assertThat(swapped.title()).isEqualTo("Ar ôl y daith");
        assertThat(swapped.titleCy()).isEqualTo("After the walk");
        assertThat(swapped.version()).as("a builder page opened before is refused as changed").isGreaterThan(formVersion);
        Question enjoy = swapped.questions().getFirst();
        assertThat(enjoy.key()).isEqualTo("enjoy");
        assertThat(enjoy.text()).isEqualTo("Wnaethoch chi fwynhau’r daith?");
        assertThat(enjoy.hint()).isEqualTo("Choose one");
        assertThat(enjoy.hintCy()).isNull();
        assertThat(enjoy.options()).containsExactly("Do", "Naddo");
        assertThat(enjoy.textCy()).isEqualTo("Did you enjoy the walk?");
        assertThat(enjoy.optionsCy()).containsExactly("Yes", "No");
        assertThat(swapped.questions().get(1).text()).isEqualTo("Tell us more");

        // People using the service in English still read the English.
        Document english = page(get("/projects/" + both).with(data.as(f)));
        assertThat(english.selectFirst("h1").text()).contains("Riverside walks");
        assertThat(languageOf(english, "Riverside walks")).isEqualTo("en-GB");

        // Back to English: everything is where it began.
        assertThat(send(post("/settings/language").param("language", "en").with(csrf()).with(data.as(org.admin())), List.of()).getStatus())
                .isEqualTo(302);
        assertThat(projects.project(t, both).words().name()).isEqualTo("Riverside walks");
        assertThat(forms.form(t, form).questions().getFirst().text()).isEqualTo("Did you enjoy the walk?");
        assertThat(forms.form(t, form).title()).isEqualTo("After the walk");
        // Saving the same language again swaps nothing.
        send(post("/settings/language").param("language", "en").with(csrf()).with(data.as(org.admin())), List.of());
        assertThat(projects.project(t, both).words().name()).isEqualTo("Riverside walks");
    }

    @Test
    void aPaperCopyEnteredForAWelshWritingOrganisationIsRecordedInTheLanguageTheEntryPageShowed() throws Exception {
        Welsh w = writesInWelsh("Papur yn Gymraeg");
        UUID project = projects.create(w.tenant(), new ProjectService.ProjectDetails("Prosiect papur", null, null, null, null,
                w.facilitator().id(), false, List.of()));
        UUID id = forms.create(w.tenant(), project, "Ar ôl y daith", null, false, null, List.of(new Question("said", QuestionType.LONG_TEXT,
                "Beth fyddech chi’n ei newid?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(w.tenant(), id, FormStatus.OPEN);
        for (String said : List.of("Mwy o gerddoriaeth", "Llai o sŵn")) {
            Document entry = page(get("/forms/" + id + "/paper/enter").with(data.as(w.facilitator())));
            assertThat(languageOf(entry, "Beth fyddech chi’n ei newid?")).isEqualTo("cy");
            assertThat(send(post("/forms/" + id + "/paper/enter").with(data.as(w.facilitator())).with(csrf())
                    .param("submission", entry.selectFirst("input[name=submission]").val()).param("said", said), List.of()).getRedirectedUrl())
                    .isEqualTo("/forms/" + id + "/paper/enter");
        }
        assertThat(jdbc.sql("select language from form_response where form_id = :f").param("f", id).query(String.class).list())
                .as("the form has no English: it was shown, and written on paper, in Welsh").containsExactly("cy", "cy");
        UUID response = jdbc.sql("select id from form_response where form_id = :f limit 1").param("f", id).query(UUID.class).single();
        Document shown = page(get("/forms/" + id + "/responses/" + response).with(data.as(w.facilitator())));
        assertThat(shown.select("dd[lang=cy]").eachText()).anyMatch(t -> t.equals("Mwy o gerddoriaeth") || t.equals("Llai o sŵn"));
    }

    @Test
    void theFormBuilderAsksForTheEnglishBesideTheWelsh() throws Exception {
        Welsh w = writesInWelsh("Adeiladu yn Gymraeg");
        UUID project = projects.create(w.tenant(), new ProjectService.ProjectDetails("Prosiect", null, null, null, null, w.facilitator().id(),
                false, List.of()));
        UUID id = forms.create(w.tenant(), project, "Ar ôl y daith", null, false, null, List.of(new Question("enjoy", QuestionType.SHORT_TEXT,
                "Beth oedd orau?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));

        Document settings = page(get("/forms/" + id + "/edit/settings").with(data.as(w.facilitator())));
        assertThat(settings.select("main h2").eachText()).contains("In English (optional)");
        assertThat(settings.select("label[for=titleCy]").text()).isEqualTo("Title in English");
        assertThat(settings.text()).contains("Give the title and introduction in English too");
        Document question = page(get("/forms/" + id + "/edit/questions/enjoy").with(data.as(w.facilitator())));
        assertThat(question.select("label[for=textCy]").text()).isEqualTo("Question in English");
        assertThat(question.text()).contains("People who choose English see these words. Anything left blank is shown in Welsh.");
        assertThat(question.text()).doesNotContain("in Welsh (optional)", "Question in Welsh");
    }
}
