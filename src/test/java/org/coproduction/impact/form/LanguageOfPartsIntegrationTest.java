package org.coproduction.impact.form;

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
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Language of parts (WCAG 3.1.2, issue #13): on a page in Welsh, the organisation's words that have
 * no Welsh version are shown in English and marked {@code lang="en"}, so a screen reader reads them
 * as English; the Welsh words are not marked.
 */
@IntegrationTest
class LanguageOfPartsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FormService forms;

    @Autowired
    ProjectService projects;

    @Autowired
    RespondentService respondents;

    private static final Cookie WELSH = new Cookie(Languages.COOKIE, "cy");

    /** A form whose title and first question are in Welsh too, its introduction and other questions in English only. */
    private String partlyWelshForm() {
        Tenant t = facilitator("Partly Welsh");
        Question english = new Question("often", QuestionType.SINGLE_CHOICE, "How often do you come?", "Think about this year",
                null, null, false, List.of("Every week", "Sometimes"), ScaleStyle.WORDS, null, null, null, null);
        Question typed = new Question("name", QuestionType.SHORT_TEXT, "What should we call you?", "A first name is fine", null, null,
                false, List.of(), ScaleStyle.WORDS, null, null, null, null);
        UUID id = forms.create(t, null, "After the walk", "Tell us how it went.", false, null,
                List.of(FormWelshIntegrationTest.bilingual(), english, typed));
        Form form = forms.form(t, id);
        assertThat(forms.saveSettings(t, id, form.version(), "After the walk", "Tell us how it went.", false, null,
                ConsentUse.INTERNAL_LEARNING, "Ar ôl y daith", null)).isInstanceOf(FormEdit.Saved.class);
        forms.setStatus(t, id, FormStatus.OPEN);
        return "/r/" + forms.form(t, id).token();
    }

    private Tenant facilitator(String name) {
        TestData.Org org = data.organisationWithEveryRole(name);
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, List<Cookie> cookies) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.toArray(Cookie[]::new));
        }
        return mvc.perform(request.with(anyAddress())).andReturn().getResponse();
    }

    private Document page(String url, List<Cookie> cookies) throws Exception {
        MockHttpServletResponse response = send(get(url), cookies);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * The elements of the page's content marked {@code lang}; the form's own English | Cymraeg links,
     * which name each language in itself, are left out.
     */
    private static List<Element> marked(Document page, String lang) {
        return page.select("main [lang=" + lang + "]").stream().filter(e -> e.closest(".app-form-language") == null).toList();
    }

    @Test
    void onAWelshPageTheFormsEnglishOnlyWordsAreMarkedEnglishAndItsWelshWordsAreNot() throws Exception {
        String base = partlyWelshForm();
        List<Cookie> cookies = new ArrayList<>(List.of(WELSH));

        Document start = page(base, cookies);
        assertThat(start.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(start.selectFirst("h1").text()).isEqualTo("Ar ôl y daith");
        assertThat(start.selectFirst("h1").hasAttr("lang")).isFalse();
        assertThat(languageOf(start, "Ar ôl y daith")).isEqualTo("cy-GB");
        assertThat(languageOf(start, "Tell us how it went.")).isEqualTo("en");

        Cookie draft = send(post(base + "/start").with(csrf()), cookies).getCookie("form_draft");
        assertThat(draft).isNotNull();
        cookies.add(draft);

        // The question given in Welsh: nothing marked English.
        Document first = page(base + "/q/1", cookies);
        assertThat(languageOf(first, "Wnaethoch chi fwynhau’r daith gerdded?")).isEqualTo("cy-GB");
        assertThat(languageOf(first, "Dewiswch un")).isEqualTo("cy-GB");
        assertThat(languageOf(first, "Ychydig")).isEqualTo("cy-GB");
        assertThat(marked(first, "en")).isEmpty();

        // A question with no Welsh: its words, hint and choices are English; the service's words stay Welsh.
        Document second = page(base + "/q/2", cookies);
        assertThat(languageOf(second, "How often do you come?")).isEqualTo("en");
        assertThat(languageOf(second, "Think about this year")).isEqualTo("en");
        assertThat(languageOf(second, "Every week")).isEqualTo("en");
        assertThat(languageOf(second, "Sometimes")).isEqualTo("en");
        assertThat(second.select("main button").first().attr("lang")).isEmpty();
        assertThat(second.select("main form").first().hasAttr("lang")).isFalse();

        // A typed answer's question, laid out by the shared input component.
        Document third = page(base + "/q/3", cookies);
        assertThat(languageOf(third, "What should we call you?")).isEqualTo("en");
        assertThat(languageOf(third, "A first name is fine")).isEqualTo("en");

        // Check your answers: the English question and its English choice are marked, the Welsh ones not.
        assertThat(send(post(base + "/q/1").with(csrf()).param("enjoy", "2"), cookies).getStatus()).isEqualTo(302);
        assertThat(send(post(base + "/q/2").with(csrf()).param("often", "1"), cookies).getStatus()).isEqualTo(302);
        Document check = page(base + "/check", cookies);
        assertThat(languageOf(check, "How often do you come?")).isEqualTo("en");
        assertThat(languageOf(check, "Every week")).isEqualTo("en");
        assertThat(languageOf(check, "Wnaethoch chi fwynhau’r daith gerdded?")).isEqualTo("cy-GB");
        assertThat(languageOf(check, "Ychydig")).isEqualTo("cy-GB");
    }

    /** The staff's pages in Welsh: a form's title and a project's name, the organisation's own English words, are marked English. */
    @Test
    void onTheStaffsWelshPagesTheFormsTitleAndTheProjectsNameAreMarkedEnglish() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Staff in Welsh");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Riverside walks", null, null, null, null, f.id(), false, List.of()));
        UUID id = forms.create(t, project, "After the walk", null, false, null, List.of(new Question("often", QuestionType.SINGLE_CHOICE,
                "How often do you come?", null, null, null, false, List.of("Every week", "Sometimes"), ScaleStyle.WORDS, null, null, null, null)));
        // Chosen with the switch, as the person would: it is kept on their account.
        mvc.perform(get("/language").param("to", "cy").with(data.as(f)));
        for (String url : List.of("/forms/" + id, "/forms/" + id + "/responses", "/forms/" + id + "/analysis", "/forms/" + id + "/edit/settings", "/forms/" + id + "/versions")) {
            Document page = Jsoup.parse(mvc.perform(get(url).with(data.as(f)).cookie(WELSH)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("html").attr("lang")).as(url).isEqualTo("cy-GB");
            assertThat(languageOf(page, "After the walk")).as(url).isEqualTo("en");
        }
        Document history = Jsoup.parse(mvc.perform(get("/projects/" + project + "/plan/history").with(data.as(f)).cookie(WELSH))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(languageOf(history, "Riverside walks")).isEqualTo("en");
        // In English, nothing needs marking.
        mvc.perform(get("/language").param("to", "en").with(data.as(f)));
        Document english = Jsoup.parse(mvc.perform(get("/forms/" + id + "/analysis").with(data.as(f))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.select("main [lang=en]")).isEmpty();
    }

    @Test
    void onAnEnglishPageNothingIsMarked() throws Exception {
        String base = partlyWelshForm();
        List<Cookie> cookies = new ArrayList<>();
        Document start = page(base, cookies);
        assertThat(start.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(marked(start, "en")).isEmpty();
        cookies.add(send(post(base + "/start").with(csrf()), cookies).getCookie("form_draft"));
        Document second = page(base + "/q/2", cookies);
        assertThat(languageOf(second, "How often do you come?")).isEqualTo("en-GB");
        assertThat(marked(second, "en")).isEmpty();
        assertThat(marked(second, "cy")).isEmpty();
    }

    @Test
    void aFormWithNoWelshAtAllShownOnAWelshPageIsMarkedEnglish() throws Exception {
        Tenant t = facilitator("English form");
        UUID id = forms.create(t, null, "Plain form", "Only in English.", false, null, List.of(new Question("q", QuestionType.SHORT_TEXT,
                "Your name?", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, id, FormStatus.OPEN);
        String base = "/r/" + forms.form(t, id).token();
        List<Cookie> cookies = new ArrayList<>(List.of(WELSH));
        Document start = page(base, cookies);
        assertThat(start.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(languageOf(start, "Plain form")).isEqualTo("en");
        assertThat(languageOf(start, "Only in English.")).isEqualTo("en");
        cookies.add(send(post(base + "/start").with(csrf()), cookies).getCookie("form_draft"));
        assertThat(languageOf(page(base + "/q/1", cookies), "Your name?")).isEqualTo("en");
    }

    /** Sends one response whose only answer is {@code words}, in {@code language}, as a respondent online would. */
    private UUID answered(Tenant staff, String token, String words, String language) {
        PublicForm form = respondents.locate(token).orElseThrow();
        Draft draft = respondents.start(form, Source.ONLINE, null);
        assertThat(respondents.savePage(form, draft, form.form().questions(), java.util.Map.of("said", List.of(words)))).isEmpty();
        respondents.submit(form, draft.token(), language);
        return respondents.responses(staff, form.form().id(), null, null, null).stream()
                .filter(r -> r.answers().get("said").equals(List.of(words))).findFirst().orElseThrow().id();
    }

    /**
     * Words a person typed are in the language they chose for the form (the best we know of them):
     * on the staff's pages a Welsh answer on an English page is marked Welsh, an English answer on a
     * Welsh page English, so a screen reader says each as it was written.
     */
    @Test
    void aTypedAnswerIsMarkedWithTheLanguageThePersonAnsweredIn() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Typed answers");
        TestData.Person person = org.person(Role.FACILITATOR);
        Tenant facilitatorOf = new Tenant(new UserId(person.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID id = forms.create(facilitatorOf, null, "What people said", null, false, null, List.of(new Question("said", QuestionType.LONG_TEXT,
                "What did you think?", null, null, null, true, List.of(), ScaleStyle.WORDS, null, null, null, null)
                .withWelsh("Beth oeddech chi’n ei feddwl?", null, null, List.of())));
        forms.setStatus(facilitatorOf, id, FormStatus.OPEN);
        String token = forms.form(facilitatorOf, id).token();
        UUID welsh = answered(facilitatorOf, token, "Roedd y daith yn hyfryd", "cy");
        answered(facilitatorOf, token, "The walk was lovely", "en");
        var staff = data.as(person);

        for (String url : List.of("/forms/" + id + "/analysis", "/forms/" + id + "/analysis/said/answers")) {
            Document english = Jsoup.parse(mvc.perform(get(url).with(staff)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(languageOf(english, "Roedd y daith yn hyfryd")).as(url).isEqualTo("cy");
            assertThat(languageOf(english, "The walk was lovely")).as(url).isEqualTo("en-GB");
            Document cymraeg = Jsoup.parse(mvc.perform(get(url).header("Accept-Language", "cy").with(staff)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(languageOf(cymraeg, "Roedd y daith yn hyfryd")).as(url).isEqualTo("cy-GB");
            assertThat(languageOf(cymraeg, "The walk was lovely")).as(url).isEqualTo("en");
        }

        // One response: the question is the organisation's English words, the answer the person's Welsh.
        Document response = Jsoup.parse(mvc.perform(get("/forms/" + id + "/responses/" + welsh).header("Accept-Language", "cy").with(staff))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(languageOf(response, "What did you think?")).isEqualTo("en");
        assertThat(languageOf(response, "Roedd y daith yn hyfryd")).isEqualTo("cy-GB");
        Document inEnglish = Jsoup.parse(mvc.perform(get("/forms/" + id + "/responses/" + welsh).with(staff))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(languageOf(inEnglish, "What did you think?")).isEqualTo("en-GB");
        assertThat(languageOf(inEnglish, "Roedd y daith yn hyfryd")).isEqualTo("cy");
    }
}
