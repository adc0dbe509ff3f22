package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A project's name and summary can be given in Welsh too: people using the service in Cymraeg see
 * them, everyone else sees the organisation's own words, and a Welsh name left blank falls back.
 */
@IntegrationTest
class ProjectInWelshIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    private static final Cookie WELSH = new Cookie(Languages.COOKIE, "cy");

    private Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Chooses a language with the switch, as the person would; it is kept on their account. */
    private void choose(TestData.Person person, String code) throws Exception {
        mvc.perform(get("/language").param("to", code).with(data.as(person))).andExpect(status().isFound());
    }

    private UUID newProject(TestData.Person facilitator, String name, String nameCy, String summaryCy) throws Exception {
        mvc.perform(post("/projects/new").with(data.as(facilitator)).with(csrf())
                        .param("name", name).param("summary", "Walks for carers every week")
                        .param("nameCy", nameCy).param("summaryCy", summaryCy)
                        .param("facilitatorId", facilitator.id().toString()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from project where organisation_id = :org and name = :name")
                .param("org", facilitator.organisation().value()).param("name", name).query(UUID.class).single();
    }

    @Test
    void aProjectGivenInBothLanguagesIsShownInTheLanguageOfThePage() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Welsh project");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        String name = "Carers' walks " + TestData.suffix();
        UUID project = newProject(facilitator, name, "Teithiau cerdded gofalwyr", "Teithiau cerdded i ofalwyr bob wythnos");

        Document english = page(mvc.perform(get("/projects/" + project).with(data.as(facilitator)).header("Accept-Language", "en-GB"))
                .andExpect(status().isOk()));
        assertThat(english.selectFirst("h1").text()).contains(name);
        assertThat(english.text()).contains("Walks for carers every week").doesNotContain("Teithiau cerdded");

        choose(facilitator, "cy");
        Document welsh = page(mvc.perform(get("/projects/" + project).with(data.as(facilitator)).cookie(WELSH))
                .andExpect(status().isOk()));
        assertThat(welsh.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(welsh.selectFirst("h1").text()).contains("Teithiau cerdded gofalwyr").doesNotContain(name);
        assertThat(welsh.text()).contains("Teithiau cerdded i ofalwyr bob wythnos");
        // Welsh words on a Welsh page carry no language of their own (WCAG 3.1.2: only other languages are marked).
        assertThat(welsh.selectFirst("h1").hasAttr("lang")).isFalse();
        assertThat(welsh.select("main [lang=en]")).isEmpty();

        // The list of projects in Welsh uses the Welsh name too.
        Document list = page(mvc.perform(get("/projects").with(data.as(facilitator)).cookie(WELSH)).andExpect(status().isOk()));
        assertThat(list.text()).contains("Teithiau cerdded gofalwyr");

        // The edit form shows both languages as written, whatever the page's language, so saving keeps both.
        Document edit = page(mvc.perform(get("/projects/" + project + "/edit").with(data.as(facilitator)).cookie(WELSH))
                .andExpect(status().isOk()));
        assertThat(edit.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(edit.selectFirst("input[name=nameCy]").val()).isEqualTo("Teithiau cerdded gofalwyr");
        assertThat(edit.selectFirst("input[name=nameCy]").attr("lang")).isEqualTo("cy");
        assertThat(edit.selectFirst("textarea[name=summaryCy]").text()).isEqualTo("Teithiau cerdded i ofalwyr bob wythnos");
    }

    @Test
    void aBlankWelshNameFallsBackToTheOrganisationsOwnWords() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Welsh fallback");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        String name = "Lunch club " + TestData.suffix();
        UUID project = newProject(facilitator, name, "  ", "");

        assertThat(jdbc.sql("select name_cy is null and summary_cy is null from project where id = :id").param("id", project)
                .query(Boolean.class).single()).isTrue();
        choose(facilitator, "cy");
        Document welsh = page(mvc.perform(get("/projects/" + project).with(data.as(facilitator)).cookie(WELSH))
                .andExpect(status().isOk()));
        assertThat(welsh.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(welsh.selectFirst("h1").text()).contains(name);
        assertThat(welsh.text()).contains("Walks for carers every week");
        // The English shown in place of the missing Welsh is marked English, so a screen reader reads it as English.
        assertThat(welsh.selectFirst("h1").attr("lang")).isEqualTo("en");
        assertThat(welsh.selectFirst("dd:containsOwn(Walks for carers every week)").attr("lang")).isEqualTo("en");
        Document list = page(mvc.perform(get("/projects").with(data.as(facilitator)).cookie(WELSH)).andExpect(status().isOk()));
        assertThat(list.selectFirst("a:containsOwn(" + name + ")").attr("lang")).isEqualTo("en");
        assertThat(list.selectFirst("p:containsOwn(Walks for carers every week)").attr("lang")).isEqualTo("en");
        // A page with the project's name as its caption marks it too.
        Document pathway = page(mvc.perform(get("/projects/" + project + "/pathway").with(data.as(facilitator)).cookie(WELSH))
                .andExpect(status().isOk()));
        assertThat(pathway.selectFirst(".govuk-caption-l span:containsOwn(" + name + ")").attr("lang")).isEqualTo("en");
    }

    @Test
    void aWelshNameTooLongIsRefusedNextToTheFieldAndChangesNothing() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Welsh too long");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        String name = "Gardening " + TestData.suffix();
        Document page = page(mvc.perform(post("/projects/new").with(data.as(facilitator)).with(csrf())
                        .param("name", name).param("nameCy", "ŵ".repeat(201))
                        .param("facilitatorId", facilitator.id().toString()).param("version", "0"))
                .andExpect(status().isOk()));
        assertThat(page.selectFirst("#nameCy-error").text()).contains("Name in Welsh must be 200 characters or fewer");
        assertThat(page.selectFirst(".govuk-error-summary a[href=#nameCy]")).isNotNull();
        assertThat(jdbc.sql("select count(*) from project where organisation_id = :org and name = :name")
                .param("org", org.id().value()).param("name", name).query(Integer.class).single()).isZero();
        assertThat(List.of(page.selectFirst("input[name=nameCy]").val())).containsExactly("ŵ".repeat(201));
    }
}
