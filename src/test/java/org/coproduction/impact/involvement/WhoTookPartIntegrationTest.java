package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.coproduction.impact.form.AboutYouAnswers;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.form.SubmitResult;
import org.coproduction.impact.pathway.ProjectService;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who took part against the real database: the "about you" answers leave the response and are kept
 * apart, every read is audited, only ADMINs and FACILITATORs see the figures (never anyone's own
 * answers), another organisation sees none of it, and a person's answers are in their subject access.
 */
@IntegrationTest
class WhoTookPartIntegrationTest {

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

    @Autowired
    RespondentService respondents;

    TestData.Org org;
    TestData.Person facilitator;
    Tenant asFacilitator;
    UUID project;
    PublicForm form;

    @BeforeEach
    void aProjectWithAFormThatAsksAboutYou() {
        org = data.organisationWithEveryRole("Who took part");
        facilitator = org.person(Role.FACILITATOR);
        asFacilitator = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(asFacilitator, new ProjectService.ProjectDetails("Garden club " + TestData.suffix(), null, null, null, null,
                facilitator.id(), true, List.of(org.person(Role.MEMBER).id())));
        Question rating = new Question("liked", QuestionType.RATING, "How was it?", null, null, null, false, List.of("Poor", "Good"),
                ScaleStyle.WORDS, null, null, null, null);
        Question about = new Question("about", QuestionType.ABOUT_YOU, "About you", null, null, "people", false, List.of(), ScaleStyle.WORDS,
                null, null, null, null);
        UUID id = forms.create(asFacilitator, project, "After the session", null, false, null, List.of(rating, about));
        forms.setStatus(asFacilitator, id, FormStatus.OPEN);
        form = respondents.locate(forms.form(asFacilitator, id).token()).orElseThrow();
    }

    private UUID answer(String age, String ethnicity) {
        Draft draft = respondents.start(form, Source.ONLINE, null);
        respondents.savePage(form, draft, form.form().questions(),
                Map.of("liked", List.of("2"), "about.age", List.of(age), "about.ethnicity", List.of(ethnicity)));
        return ((SubmitResult.Saved) respondents.submit(form, draft.token())).responseId();
    }

    private int reads() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = :action")
                .param("org", org.id().value()).param("action", AboutYouAnswers.READ).query(Integer.class).single();
    }

    private Document page(String url, TestData.Person who) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(data.as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aboutYouAnswersLeaveTheResponseAndAreKeptApart() {
        UUID response = answer("25-34", "black");

        String answers = jdbc.sql("select answers::text from form_response where id = :id").param("id", response).query(String.class).single();
        assertThat(answers).contains("\"liked\"").doesNotContain("about.", "25-34", "black");
        assertThat(jdbc.sql("select part || '=' || value from about_you_answer where form_response_id = :id order by part")
                .param("id", response).query(String.class).list())
                .containsExactly("age=25-34", "ethnicity=black");
    }

    @Test
    void theFacilitatorSeesCountsWithSmallGroupsHiddenAndEveryReadIsAudited() throws Exception {
        for (int i = 0; i < 7; i++) {
            answer("25-34", "white");
        }
        answer("80-plus", "black");
        int before = reads();

        Document doc = page("/projects/" + project + "/who-took-part", facilitator);

        assertThat(reads()).isEqualTo(before + 1);
        assertThat(doc.select("#people").text()).isEqualTo("8 people told us about themselves.");
        // Age: 7 aged 25-34 shown; the one aged 80 or over is "fewer than 5", and the zeros beside it too.
        var age = doc.select("#table-age tbody tr");
        assertThat(age.get(2).select("td").first().text()).isEqualTo("7");
        assertThat(age.get(6).select("td").first().text()).isEqualTo("fewer than 5");
        // Nobody's own answers: no response id, no single 1 for a group anywhere in the tables.
        assertThat(doc.select("table td.govuk-table__cell--numeric").eachText()).doesNotContain("1");
        assertThat(doc.html()).doesNotContain(form.form().id().toString());

        // The whole organisation's page is audited too.
        page("/who-took-part", org.admin());
        assertThat(reads()).isEqualTo(before + 2);
    }

    @Test
    void onlyAdminsAndFacilitatorsSeeTheFigures() throws Exception {
        for (Role role : List.of(Role.MEMBER, Role.VIEWER)) {
            mvc.perform(get("/projects/" + project + "/who-took-part").with(data.as(org.person(role)))).andExpect(status().isForbidden());
            mvc.perform(get("/who-took-part").with(data.as(org.person(role)))).andExpect(status().isForbidden());
            mvc.perform(get("/who-took-part/local-profile").with(data.as(org.person(role)))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/who-took-part/local-profile").with(data.as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get("/projects/" + project + "/who-took-part").with(data.as(org.admin()))).andExpect(status().isOk());
    }

    @Test
    void anotherOrganisationSeesNoneOfIt() throws Exception {
        for (int i = 0; i < 6; i++) {
            answer("35-49", "asian");
        }
        TestData.Org other = data.organisationWithEveryRole("Elsewhere");

        mvc.perform(get("/projects/" + project + "/who-took-part").with(data.as(other.admin()))).andExpect(status().isNotFound());
        Document theirs = page("/who-took-part", other.admin());
        assertThat(theirs.select("#people").text()).isEqualTo("Fewer than 5 people have told us about themselves, so nothing can be shown yet.");
        assertThat(theirs.select("table")).isEmpty();
    }

    @Test
    void aMemberFillsInTheirProfileOnceSeesOnlyTheirOwnAndCanTakeItBack() throws Exception {
        TestData.Person member = org.person(Role.MEMBER);
        int before = reads();
        mvc.perform(post("/about-you").with(data.as(member)).with(csrf())
                        .param("age", "65-79").param("carer", "yes").param("religion", "prefer-not-to-say").param("sex", "nonsense"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select part || '=' || value from about_you_answer where user_id = :u order by part")
                .param("u", member.id()).query(String.class).list())
                .containsExactly("age=65-79", "carer=yes", "religion=prefer-not-to-say");

        Document own = page("/about-you", member);
        assertThat(own.select("input[name=age][checked]").attr("value")).isEqualTo("65-79");
        assertThat(reads()).isEqualTo(before + 1);
        // Another member of the same organisation sees their own (empty) page, not this one's.
        TestData.Person someoneElse = data.person(org.id(), Role.MEMBER, "other-" + TestData.suffix());
        assertThat(page("/about-you", someoneElse).select("input[checked]")).isEmpty();

        mvc.perform(post("/about-you/remove").with(data.as(member)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from about_you_answer where user_id = :u").param("u", member.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aMembersProfileCountsForTheProjectsTheyBelongTo() throws Exception {
        for (int i = 0; i < 5; i++) {
            answer("50-64", "mixed");
        }
        mvc.perform(post("/about-you").with(data.as(org.person(Role.MEMBER))).with(csrf()).param("age", "50-64"))
                .andExpect(status().is3xxRedirection());

        Document doc = page("/projects/" + project + "/who-took-part", facilitator);
        assertThat(doc.select("#people").text()).isEqualTo("6 people told us about themselves.");
        assertThat(doc.select("#table-age tbody tr").get(4).select("td").first().text()).isEqualTo("6");
    }

    @Test
    void anAdminImportsTheLocalProfileThroughAPreview() throws Exception {
        String csv = "part,group,people\nage,18-24,9120\nage,25-34,13870\nethnicity,purple,5\n";
        MockMultipartFile file = new MockMultipartFile("file", "area.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        Document preview = Jsoup.parse(mvc.perform(multipart("/who-took-part/local-profile").file(file).param("area", "Brookfield")
                        .with(data.as(org.admin())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(preview.select("#accepted").text()).isEqualTo("2 figures will be imported");
        assertThat(preview.select("#rejected").text()).isEqualTo("1 row will not be imported");
        assertThat(preview.text()).contains("“purple” is not a group of this part");
        assertThat(jdbc.sql("select count(*) from local_population where organisation_id = :org").param("org", org.id().value())
                .query(Integer.class).single()).isZero();

        mvc.perform(post("/who-took-part/local-profile/confirm").param("area", "Brookfield").param("source", "").param("csv", csv)
                        .with(data.as(org.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select choice || '=' || people from local_population where organisation_id = :org order by choice")
                .param("org", org.id().value()).query(String.class).list())
                .containsExactly("18-24=9120", "25-34=13870");

        // A missing area name is said next to the field, and nothing is read.
        Document problem = Jsoup.parse(mvc.perform(multipart("/who-took-part/local-profile").file(file).param("area", " ")
                        .with(data.as(org.admin())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(problem.select("#area-error").text()).contains("Enter the name of the area");
    }

    @Test
    void aPersonsAboutYouAnswersAreInTheirSubjectAccessDownload() throws Exception {
        TestData.Person member = org.person(Role.MEMBER);
        mvc.perform(post("/about-you").with(data.as(member)).with(csrf()).param("ethnicity", "mixed"))
                .andExpect(status().is3xxRedirection());

        MvcResult started = mvc.perform(get("/people/" + member.membershipId() + "/data/download").with(data.as(org.admin())))
                .andExpect(request().asyncStarted())
                .andReturn();
        byte[] zip = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        String json = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("data.json")) {
                    json = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("csv/about_you_answer.user_id.csv");
        assertThat(json).contains("\"part\"", "ethnicity", "mixed");
    }
}
