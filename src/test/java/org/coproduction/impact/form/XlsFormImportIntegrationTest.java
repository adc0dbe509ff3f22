package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Bringing in XLSForm files through the pages (issue #13): preview first, confirmed once, refused files change nothing, other organisations see nothing. */
@IntegrationTest
class XlsFormImportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    JdbcClient jdbc;

    record Setup(TestData.Org org, Tenant facilitator, UUID project) {}

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("XLSForm");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Surveys " + TestData.suffix(), null, null, null, null, f.id(),
                false, List.of()));
        return new Setup(org, t, project);
    }

    static byte[] sample() throws Exception {
        try (var in = XlsFormImportIntegrationTest.class.getResourceAsStream("/xlsform/after-the-walk.xlsx")) {
            return in.readAllBytes();
        }
    }

    private MockHttpServletResponse upload(Setup s, String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/projects/" + s.project() + "/forms/import")
                        .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
                        .with(csrf()).with(data.as(s.org().person(Role.FACILITATOR))))
                .andReturn().getResponse();
    }

    private int formsOf(Setup s) {
        return jdbc.sql("select count(*) from form where organisation_id = :org").param("org", s.org().id().value()).query(Integer.class).single();
    }

    private int importsOf(Setup s) {
        return jdbc.sql("select count(*) from form_import where organisation_id = :org").param("org", s.org().id().value())
                .query(Integer.class).single();
    }

    @Test
    void aPreviewShowsWhatWillBeMadeAndWhatWillNotAndMakesNothingUntilConfirmedOnce() throws Exception {
        Setup s = setup();
        MockHttpServletResponse uploaded = upload(s, "after-the-walk.xlsx", sample());
        assertThat(uploaded.getRedirectedUrl()).startsWith("/forms/imports/");
        String preview = uploaded.getRedirectedUrl();
        assertThat(formsOf(s)).isZero();

        Document page = Jsoup.parse(mvc.perform(get(preview).with(data.as(s.org().person(Role.FACILITATOR)))).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#preview-title").text()).isEqualTo("After the walk");
        assertThat(page.select("#questions").text()).isEqualTo("4 questions will be made");
        assertThat(page.text()).contains("Wnaethoch chi fwynhau’r daith gerdded?", "Ychydig");
        assertThat(page.select("#not-taken").text()).contains("things in the file will not be brought in");
        assertThat(page.text()).contains("skip logic (relevant)", "The question type “geopoint” has nothing like it here.",
                "calculation");
        assertThat(formsOf(s)).isZero();

        // Confirming twice (a double click, the back button) makes one form.
        var asF = data.as(s.org().person(Role.FACILITATOR));
        MockHttpServletResponse first = mvc.perform(post(preview + "/confirm").with(csrf()).with(asF)).andReturn().getResponse();
        MockHttpServletResponse second = mvc.perform(post(preview + "/confirm").with(csrf()).with(asF)).andReturn().getResponse();
        assertThat(first.getRedirectedUrl()).startsWith("/forms/");
        assertThat(second.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
        assertThat(formsOf(s)).isEqualTo(1);

        UUID formId = UUID.fromString(first.getRedirectedUrl().substring("/forms/".length()));
        Form made = forms.form(s.facilitator(), formId);
        assertThat(made.projectId()).isEqualTo(s.project());
        assertThat(made.title()).isEqualTo("After the walk");
        assertThat(made.titleCy()).isEqualTo("Ar ôl y daith");
        assertThat(made.questions()).extracting(Question::type).containsExactly(QuestionType.SINGLE_CHOICE, QuestionType.RATING,
                QuestionType.NUMBER, QuestionType.LONG_TEXT);
        assertThat(made.questions().getFirst().textCy()).isEqualTo("Wnaethoch chi fwynhau’r daith gerdded?");
        assertThat(made.questions().getFirst().optionsCy()).containsExactly("Do", "Ychydig", "Naddo");

        // The preview now says it was brought in, and links to the form.
        String after = mvc.perform(get(preview).with(asF)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("This file was brought in already", "/forms/" + formId);
    }

    @Test
    void aRefusedFileChangesNothingAndSaysWhyBesideTheField() throws Exception {
        Setup s = setup();
        int formsBefore = formsOf(s);
        for (var bad : List.of(
                new Object[] {"answers.csv", "type,name,label\ntext,a,A\n".getBytes(StandardCharsets.UTF_8), "must be an Excel workbook"},
                new Object[] {"empty.xlsx", new byte[0], "The selected file is empty"},
                new Object[] {"no-survey.xlsx", XlsFormTest.workbook("questions", new String[][] {{"type"}, {"text"}}), "sheet called survey"},
                new Object[] {"blank.xlsx", XlsFormTest.workbook("survey", new String[][] {{"type", "name", "label"}}), "no questions"})) {
            MockHttpServletResponse r = upload(s, (String) bad[0], (byte[]) bad[1]);
            assertThat(r.getStatus()).as((String) bad[0]).isEqualTo(200);
            Document d = Jsoup.parse(r.getContentAsString());
            assertThat(d.select("#file-error").text()).as((String) bad[0]).contains((String) bad[2]);
            assertThat(d.select(".govuk-error-summary a[href=#file]")).hasSize(1);
        }
        assertThat(formsOf(s)).isEqualTo(formsBefore);
        assertThat(importsOf(s)).isZero();
    }

    @Test
    void anotherOrganisationSeesNothingOfAPreviewAndCannotConfirmIt() throws Exception {
        Setup a = setup();
        Setup b = setup();
        String preview = upload(a, "after-the-walk.xlsx", sample()).getRedirectedUrl();
        var bAdmin = data.as(b.org().admin());

        MockHttpServletResponse seen = mvc.perform(get(preview).with(bAdmin)).andReturn().getResponse();
        assertThat(seen.getStatus()).isEqualTo(404);
        assertThat(seen.getContentAsString()).doesNotContain("After the walk");
        MockHttpServletResponse confirmed = mvc.perform(post(preview + "/confirm").with(csrf()).with(bAdmin)).andReturn().getResponse();
        assertThat(confirmed.getStatus()).isEqualTo(404);
        assertThat(formsOf(a)).isZero();
        assertThat(formsOf(b)).isZero();

        // A member of A cannot either: bringing in forms is for those who build them.
        assertThat(mvc.perform(get(preview).with(data.as(a.org().person(Role.MEMBER)))).andReturn().getResponse().getStatus())
                .isIn(403, 404);
    }

    @Test
    void anyFormDownloadsAsAnXlsFormThatReadsBackAsTheSameQuestions() throws Exception {
        Setup s = setup();
        UUID id = forms.create(s.facilitator(), s.project(), "Download me", null, false, null, List.of(FormWelshIntegrationTest.bilingual()));
        MockHttpServletResponse file = mvc.perform(get("/forms/" + id + "/xlsform.xlsx").with(data.as(s.org().person(Role.FACILITATOR))))
                .andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).contains("spreadsheetml");
        assertThat(file.getHeader("Content-Disposition")).contains("download-me-xlsform.xlsx");
        XlsForm.Read back = XlsFormTest.read(file.getContentAsByteArray());
        Question q = back.questions().getFirst();
        Question was = FormWelshIntegrationTest.bilingual();
        assertThat(q.text()).isEqualTo(was.text());
        assertThat(q.textCy()).isEqualTo(was.textCy());
        assertThat(q.options()).isEqualTo(was.options());
        assertThat(q.optionsCy()).isEqualTo(was.optionsCy());
    }

    @Test
    void aFormDownloadedByOneOrganisationComesBackWholeInAnotherWithItsEasyReadWordsAndBeforeAndAfterPair() throws Exception {
        Setup from = setup();
        Setup to = setup();
        List<Question> asked = List.of(
                new Question("confidence", QuestionType.BEFORE_AFTER, "How confident did you feel before the course?", null, "Sure before?",
                        null, true, List.of("Not at all", "A bit", "Very"), ScaleStyle.FACES, "How confident do you feel now?", "Sure now?",
                        null, null).withWelsh("Pa mor hyderus oeddech chi cyn y cwrs?", null, "Pa mor hyderus ydych chi nawr?", List.of())
                        .withWelshEasyRead("Yn siŵr cyn?", "Yn siŵr nawr?"),
                new Question("fun", QuestionType.YES_NO, "Was the course fun?", null, "Fun?", null, false, List.of(), ScaleStyle.WORDS, null,
                        null, null, null));
        UUID id = forms.create(from.facilitator(), from.project(), "Course feedback", null, false, null, asked);
        byte[] file = mvc.perform(get("/forms/" + id + "/xlsform.xlsx").with(data.as(from.org().person(Role.FACILITATOR))))
                .andReturn().getResponse().getContentAsByteArray();

        String preview = upload(to, "course-feedback-xlsform.xlsx", file).getRedirectedUrl();
        var asF = data.as(to.org().person(Role.FACILITATOR));
        Document page = Jsoup.parse(mvc.perform(get(preview).with(asF)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#questions").text()).isEqualTo("2 questions will be made");
        assertThat(page.text()).contains("Then: How confident do you feel now?", "Easy read: Sure before? / Sure now?", "Yn siŵr nawr?");
        assertThat(page.select("#not-taken")).isEmpty();

        String made = mvc.perform(post(preview + "/confirm").with(csrf()).with(asF)).andReturn().getResponse().getRedirectedUrl();
        Form form = forms.form(to.facilitator(), UUID.fromString(made.substring("/forms/".length())));
        assertThat(form.questions()).extracting(Question::type).containsExactly(QuestionType.BEFORE_AFTER, QuestionType.YES_NO);
        Question pair = form.questions().getFirst();
        assertThat(pair.afterText()).isEqualTo("How confident do you feel now?");
        assertThat(pair.scale()).isEqualTo(ScaleStyle.FACES);
        assertThat(List.of(pair.easyReadText(), pair.easyReadAfterText(), pair.easyReadTextCy(), pair.easyReadAfterTextCy()))
                .containsExactly("Sure before?", "Sure now?", "Yn siŵr cyn?", "Yn siŵr nawr?");
        assertThat(form.questions().getLast().easyReadText()).isEqualTo("Fun?");
    }
}
