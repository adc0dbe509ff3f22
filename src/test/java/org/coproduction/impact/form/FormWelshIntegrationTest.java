package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.Addresses.anyAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.document.AccessiblePdf;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A form in English and Welsh: respondents choose the language, responses record it, and answers count together (issue #13). */
@IntegrationTest
class FormWelshIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    FormResults results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessiblePdf pdf;

    static Question bilingual() {
        return new Question("enjoy", QuestionType.SINGLE_CHOICE, "Did you enjoy the walk?", "Choose one", null, null, true,
                List.of("Yes", "A bit", "No"), ScaleStyle.WORDS, null, null, null, null)
                .withWelsh("Wnaethoch chi fwynhau’r daith gerdded?", "Dewiswch un", null, List.of("Do", "Ychydig", "Naddo"));
    }

    /** A facilitator of a new organisation, and a project of theirs. */
    record Walks(TestData.Person facilitator, Tenant tenant, UUID project) {}

    private Walks walks(String organisation) {
        TestData.Org org = data.organisationWithEveryRole(organisation);
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Walks " + TestData.suffix(), null, null, null, null, f.id(),
                false, List.of()));
        return new Walks(f, t, project);
    }

    record Setup(Tenant facilitator, TestData.Person person, UUID formId, String token) {
        String base() {
            return "/r/" + token;
        }
    }

    private Setup openForm() {
        Walks w = walks("Welsh");
        TestData.Person f = w.facilitator();
        Tenant t = w.tenant();
        UUID project = w.project();
        UUID id = forms.create(t, project, "After the walk", "Tell us how it went.", false, null, List.of(bilingual()));
        Form form = forms.form(t, id);
        assertThat(forms.saveSettings(t, id, form.version(), "After the walk", "Tell us how it went.", false, null,
                ConsentUse.INTERNAL_LEARNING, "Ar ôl y daith ŵ ŷ", "Dywedwch wrthym sut aeth hi.")).isInstanceOf(FormEdit.Saved.class);
        forms.setStatus(t, id, FormStatus.OPEN);
        return new Setup(t, f, id, forms.form(t, id).token());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, List<Cookie> cookies) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.toArray(Cookie[]::new));
        }
        return mvc.perform(request.with(anyAddress())).andReturn().getResponse();
    }

    /** Answers the form's one question with choice 2, in the language chosen (null: not chosen), and sends it. */
    private String answer(Setup s, @Nullable String language, String expectedQuestion) throws Exception {
        List<Cookie> cookies = new ArrayList<>();
        if (language != null) {
            MockHttpServletResponse chosen = send(get(s.base() + "/language/" + language).param("back", s.base()), cookies);
            // The service's own words follow the form's language: the way back to the form goes through the language switch.
            assertThat(chosen.getRedirectedUrl()).isEqualTo("/language?to=" + language + "&back="
                    + java.net.URLEncoder.encode(s.base(), java.nio.charset.StandardCharsets.UTF_8));
            Cookie c = chosen.getCookie("form_language");
            assertThat(c).isNotNull();
            assertThat(c.getPath()).isEqualTo(s.base());
            cookies.add(c);
        }
        String start = send(get(s.base()), cookies).getContentAsString();
        assertThat(start).contains("English", "Cymraeg");
        Cookie draft = send(post(s.base() + "/start").with(csrf()), cookies).getCookie("form_draft");
        assertThat(draft).isNotNull();
        cookies.add(draft);
        String page = send(get(s.base() + "/q/1"), cookies).getContentAsString();
        assertThat(page).contains(expectedQuestion);
        assertThat(send(post(s.base() + "/q/1").with(csrf()).param("enjoy", "2"), cookies).getRedirectedUrl()).isEqualTo(s.base() + "/check");
        assertThat(send(post(s.base() + "/submit").with(csrf()), cookies).getRedirectedUrl()).isEqualTo(s.base() + "/done");
        return start;
    }

    @Test
    void aRespondentChoosesCymraegSeesTheWelshWordsAndTheResponseRecordsIt() throws Exception {
        Setup s = openForm();

        String english = answer(s, null, "Did you enjoy the walk?");
        assertThat(english).contains("After the walk").doesNotContain("Ar ôl y daith");
        String welsh = answer(s, "cy", "Wnaethoch chi fwynhau’r daith gerdded?");
        assertThat(welsh).contains("Ar ôl y daith ŵ ŷ", "Dywedwch wrthym sut aeth hi.", "lang=\"cy\"");

        List<String> languages = jdbc.sql("select language from form_response where form_id = :f order by submitted_at")
                .param("f", s.formId()).query(String.class).list();
        assertThat(languages).containsExactly("en", "cy");
        UUID welshResponse = jdbc.sql("select id from form_response where form_id = :f and language = 'cy'").param("f", s.formId())
                .query(UUID.class).single();
        assertThat(results.response(s.facilitator(), s.formId(), welshResponse).language()).isEqualTo("cy");
        String responsePage = mvc.perform(get("/forms/" + s.formId() + "/responses/" + welshResponse).with(data.as(s.person())))
                .andReturn().getResponse().getContentAsString();
        assertThat(responsePage).contains("Language answered in", "Cymraeg");

        // Answers are kept by position: the English "A bit" and the Welsh "Ychydig" are the same choice, counted as 2.
        Analysis analysis = results.analysis(s.facilitator(), s.formId());
        Analysis.Tally tally = analysis.questions().getFirst().tallies().getFirst();
        assertThat(tally.counts()).filteredOn(c -> c.label().equals("A bit")).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(2));
        assertThat(tally.answered()).isEqualTo(2);
    }

    @Test
    void aWelshReaderInEasyReadSeesWelshEasyReadWordsThenTheWelshQuestionThenEnglishMarkedAsEnglish() throws Exception {
        Walks w = walks("Welsh easy read");
        Tenant t = w.tenant();
        Question both = new Question("walk", QuestionType.YES_NO, "Did you enjoy the walk?", null, "Was the walk good?", "map", false,
                List.of(), ScaleStyle.WORDS, null, null, null, null)
                .withWelsh("Wnaethoch chi fwynhau’r daith gerdded?", null, null, List.of())
                .withWelshEasyRead("Oedd y daith yn dda?", null);
        Question welshQuestionOnly = new Question("food", QuestionType.SHORT_TEXT, "What did you think of the food?", null,
                "Was the food good?", null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)
                .withWelsh("Beth oeddech chi’n ei feddwl o’r bwyd?", null, null, List.of());
        Question englishOnly = new Question("again", QuestionType.SHORT_TEXT, "Would you come on another walk?", null, "Come again?", null,
                false, List.of(), ScaleStyle.WORDS, null, null, null, null);
        UUID id = forms.create(t, w.project(), "After the walk", null, false, null, List.of(both, welshQuestionOnly, englishOnly));
        forms.setStatus(t, id, FormStatus.OPEN);
        String base = "/r/" + forms.form(t, id).token();

        List<Cookie> cookies = new ArrayList<>();
        cookies.add(send(get(base + "/language/cy").param("back", base), cookies).getCookie("form_language"));
        cookies.add(new Cookie("language", "cy"));
        cookies.add(new Cookie("easy_read", "1"));
        cookies.add(send(post(base + "/start").with(csrf()), cookies).getCookie("form_draft"));

        Document first = Jsoup.parse(send(get(base + "/q/1"), cookies).getContentAsString());
        assertThat(first.select("html").attr("lang")).startsWith("cy");
        assertThat(first.select("legend").text()).contains("Oedd y daith yn dda?").doesNotContain("Was the walk good?");
        assertThat(first.select("legend").attr("lang")).isEmpty();

        // No Welsh easy-read words: the person who chose Cymraeg reads the question in Welsh, not English easy read.
        Document second = Jsoup.parse(send(get(base + "/q/2"), cookies).getContentAsString());
        assertThat(second.select("label[for=q-food]").text()).isEqualTo("Beth oeddech chi’n ei feddwl o’r bwyd?");
        assertThat(second.select("label[for=q-food]").attr("lang")).isEmpty();

        // Nothing in Welsh: the English easy-read words, marked as English on the Welsh page.
        Document third = Jsoup.parse(send(get(base + "/q/3"), cookies).getContentAsString());
        assertThat(third.select("label[for=q-again]").text()).isEqualTo("Come again?");
        assertThat(third.select("label[for=q-again]").attr("lang")).isEqualTo("en");
    }

    @Test
    void thePaperCopyPrintedFromAWelshPageHasTheFormsWelshWordsAndMarksItsEnglishOnes() throws Exception {
        Walks w = walks("Welsh paper");
        TestData.Person f = w.facilitator();
        Tenant t = w.tenant();
        UUID project = w.project();
        Question englishOnly = new Question("else", QuestionType.SHORT_TEXT, "Anything else to tell us?", null, "Anything else?", null,
                false, List.of(), ScaleStyle.WORDS, null, null, null, null);
        UUID id = forms.create(t, project, "After the walk", null, false, null, List.of(bilingual(), englishOnly));
        assertThat(forms.saveSettings(t, id, forms.form(t, id).version(), "After the walk", null, false, null, ConsentUse.INTERNAL_LEARNING,
                "Ar ôl y daith", null)).isInstanceOf(FormEdit.Saved.class);

        byte[] welsh = mvc.perform(get("/forms/" + id + "/paper/form.pdf").header("Accept-Language", "cy").with(data.as(f)))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(welsh)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("cy-GB");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Ar ôl y daith", "fwynhau", "Dewiswch un", "Ychydig", "Naddo", "Anything else to tell us?");
            assertThat(text).doesNotContain("Did you enjoy the walk?");
        }
        byte[] english = mvc.perform(get("/forms/" + id + "/paper/form.pdf").header("Accept-Language", "en-GB").with(data.as(f)))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Did you enjoy the walk?").doesNotContain("Naddo");
        }

        // So does the page for typing in what came back on paper: its words match the copy's.
        Document entry = Jsoup.parse(mvc.perform(get("/forms/" + id + "/paper/enter").header("Accept-Language", "cy").with(data.as(f)))
                .andReturn().getResponse().getContentAsString());
        assertThat(entry.select("legend").first().text()).isEqualTo("Wnaethoch chi fwynhau’r daith gerdded?");
        assertThat(entry.select("legend").first().attr("lang")).isEmpty();
        assertThat(entry.select("label.govuk-radios__label").eachText()).containsExactly("Do", "Ychydig", "Naddo");
        assertThat(entry.select("label.govuk-radios__label[lang]")).isEmpty();
        assertThat(entry.select("label[for=else]").text()).isEqualTo("Anything else to tell us?");
        assertThat(entry.select("label[for=else]").attr("lang")).isEqualTo("en");
        Document englishEntry = Jsoup.parse(mvc.perform(get("/forms/" + id + "/paper/enter").header("Accept-Language", "en-GB")
                .with(data.as(f))).andReturn().getResponse().getContentAsString());
        assertThat(englishEntry.select("legend").first().text()).isEqualTo("Did you enjoy the walk?");
        assertThat(englishEntry.select("[lang=cy], [lang=en]")).isEmpty();

        // The poster's title follows the page too.
        Document poster = Jsoup.parse(mvc.perform(get("/forms/" + id + "/poster").header("Accept-Language", "cy").with(data.as(f)))
                .andReturn().getResponse().getContentAsString());
        assertThat(poster.select(".app-poster h1").text()).isEqualTo("Ar ôl y daith");
        assertThat(poster.select(".app-poster h1 span").attr("lang")).isEmpty();

        // Each of the form's words is marked with its language where it differs from the page's.
        Form form = forms.form(t, id);
        LocaleContextHolder.setLocale(Locale.of("cy", "GB"));
        try {
            Document html = Jsoup.parse(pdf.html("form/responses-paper-print.jte", Map.of("printed", form, "easyRead", true,
                    "organisation", "Org")));
            assertThat(html.select("h2").eachText()).containsExactly("Wnaethoch chi fwynhau’r daith gerdded?", "Anything else?");
            assertThat(html.select("h2").eachAttr("lang")).containsExactly("en");
            assertThat(html.select("h2[lang=en]").text()).isEqualTo("Anything else?");
            assertThat(html.select(".app-paper-option span[lang]")).isEmpty();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void anUnknownLanguageIsIgnoredAndTheWayBackStaysOnTheForm() throws Exception {
        Setup s = openForm();
        MockHttpServletResponse odd = send(get(s.base() + "/language/fr").param("back", "https://elsewhere.example/"), List.of());
        assertThat(odd.getRedirectedUrl()).isEqualTo(s.base());
        assertThat(odd.getCookie("form_language")).isNull();
    }

    @Test
    void aFormWithoutWelshOffersNoChoice() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("English only");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID id = forms.create(t, null, "Plain form", null, false, null, List.of(new Question("q", QuestionType.SHORT_TEXT, "Your name?", null,
                null, null, false, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, id, FormStatus.OPEN);
        String page = send(get("/r/" + forms.form(t, id).token()), List.of()).getContentAsString();
        // No choice of the form's own language (the service's English | Cymraeg switch in the header is on every page).
        assertThat(page).doesNotContain("app-form-language").doesNotContain("/language/cy");
    }

    @Test
    void theDefaultLanguageFollowsThePageAndOnlyWhereTheFormHasWelsh() {
        Form welsh = new Form(UUID.randomUUID(), null, "T", null, "tok", "code", FormStatus.OPEN, null, false, false, 1, List.of(bilingual()),
                1, null, java.time.OffsetDateTime.now(), false, ConsentUse.INTERNAL_LEARNING, null, null);
        assertThat(FormLanguage.of(welsh, null, Locale.of("cy"))).isEqualTo("cy");
        assertThat(FormLanguage.of(welsh, null, Locale.UK)).isEqualTo("en");
        assertThat(FormLanguage.of(welsh, "en", Locale.of("cy"))).isEqualTo("en");
        assertThat(FormLanguage.of(welsh, "xx", Locale.UK)).isEqualTo("en");
        Form english = new Form(UUID.randomUUID(), null, "T", null, "tok", "code", FormStatus.OPEN, null, false, false, 1,
                List.of(new Question("q", QuestionType.SHORT_TEXT, "Q", null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null,
                        null)),
                1, null, java.time.OffsetDateTime.now(), false, ConsentUse.INTERNAL_LEARNING, null, null);
        assertThat(FormLanguage.of(english, "cy", Locale.of("cy"))).isEqualTo("en");
        // Welsh choices shown in place of the English ones, same count and key.
        Question shown = bilingual().in("cy");
        assertThat(shown.options()).containsExactly("Do", "Ychydig", "Naddo");
        assertThat(shown.key()).isEqualTo("enjoy");
    }

    @Test
    void onAKioskTheNextPersonStartsInThePagesLanguageNotTheLastPersonsChoice() throws Exception {
        Setup s = openForm();
        Cookie kiosk = mvc.perform(post("/forms/" + s.formId() + "/kiosk").with(data.as(s.person())).with(csrf()).param("pin", "4821"))
                .andReturn().getResponse().getCookie("form_kiosk");
        assertThat(kiosk).isNotNull();
        Cookie welsh = send(get(s.base() + "/language/cy").param("back", s.base()), List.of(kiosk)).getCookie("form_language");
        Cookie draft = send(post(s.base() + "/start").with(csrf()), List.of(kiosk, welsh)).getCookie("form_draft");
        assertThat(send(get(s.base() + "/q/1"), List.of(kiosk, welsh, draft)).getContentAsString())
                .contains("Wnaethoch chi fwynhau’r daith gerdded?");

        MockHttpServletResponse next = send(post(s.base() + "/next").with(csrf()), List.of(kiosk, welsh, draft));
        Cookie cleared = next.getCookie("form_language");
        assertThat(cleared).isNotNull();
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getPath()).isEqualTo(s.base());
    }
}
