package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An export's "Age", "Gender" and "Ethnic group" columns go to the form's "about you" block: matched
 * by their words, read into its choices, and kept apart from the other answers once added (issue #13).
 */
@IntegrationTest
class AboutYouImportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FormService forms;

    @Autowired
    JdbcClient jdbc;

    static final String EXPORT = """
            Timestamp,How much did you feel listened to?,Age,Gender,What is your ethnic group?,Your favourite walk
            2026/03/04 10:15:02 AM GMT,Agree,42,Woman,White,The canal
            2026/03/04 11:20:45 AM GMT,Strongly agree,18 to 24,Prefer not to say,,The park
            2026/03/05 09:01:00 AM GMT,Agree,,Non-binary,,The hills
            """;

    @Test
    void aboutYouColumnsAreMatchedByTheirWordsReadIntoTheChoicesAndKeptApart() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("About you import");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID formId = forms.create(tenant, null, "Walks", null, false, null, List.of(
                ResponseImportIntegrationTest.question("listened", QuestionType.RATING, "How much did you feel listened to?",
                        ResponseImportIntegrationTest.AGREE),
                ResponseImportIntegrationTest.question("about", QuestionType.ABOUT_YOU, "About you", List.of())));
        forms.setStatus(tenant, formId, FormStatus.OPEN);

        String url = mvc.perform(multipart("/forms/" + formId + "/responses/import")
                        .file(new MockMultipartFile("file", "walks.csv", "text/csv", EXPORT.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(data.as(me)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/forms/" + formId + "/responses/imports/");
        Document matching = Jsoup.parse(mvc.perform(get(url).with(data.as(me))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        // Each "about you" part is offered; the columns are matched by their words; a column that asks none is left out.
        assertThat(matching.select("#column-2 option").eachText()).contains("About you: Your age", "About you: Your sex",
                "About you: Your ethnic group");
        assertThat(matching.select("select").stream().map(s -> {
            var chosen = s.selectFirst("option[selected]");
            return chosen == null ? "" : chosen.attr("value");
        }).toList()).containsExactly("listened", "about.age", "about.sex", "about.ethnicity", "");

        var match = post(url + "/match").with(csrf()).with(data.as(me));
        for (var select : matching.select("select")) {
            var chosen = select.selectFirst("option[selected]");
            match = match.param(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
        }
        assertThat(mvc.perform(match).andReturn().getResponse().getRedirectedUrl()).isEqualTo(url);
        Document preview = null;
        for (int i = 0; i < 100; i++) {
            preview = Jsoup.parse(mvc.perform(get(url).with(data.as(me))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            if (preview.getElementById("check-progress") == null) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(preview.select("#summary").text())
                .isEqualTo("3 rows read from the Google Forms export: 2 responses can be added and 1 row is left out.");
        // An answer that is not one of the part's choices is refused with the reason, as for any question.
        assertThat(preview.text()).contains("“Non-binary” for “Gender” is not one of this form’s choices");
        // The check page names the parts and shows the answers in the service's words.
        assertThat(preview.text()).contains("About you: Your age", "35 to 49", "Female", "White", "18 to 24", "I prefer not to say");

        mvc.perform(post(url + "/confirm").with(csrf()).with(data.as(me)));
        List<UUID> added = jdbc.sql("select id from form_response where form_id = :f order by submitted_at").param("f", formId)
                .query(UUID.class).list();
        assertThat(added).hasSize(2);
        // Kept apart, as when the form is answered here: none left among the other answers.
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f and answers::text like '%about.%'").param("f", formId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select answers::text from form_response where id = :id").param("id", added.getFirst()).query(String.class).single())
                .contains("listened");
        assertThat(answers(added.get(0))).isEqualTo(Map.of("age", "35-49", "sex", "female", "ethnicity", "white"));
        assertThat(answers(added.get(1))).isEqualTo(Map.of("age", "18-24", "sex", "prefer-not-to-say"));
    }

    private Map<String, String> answers(UUID response) {
        Map<String, String> parts = new java.util.HashMap<>();
        jdbc.sql("select part, value from about_you_answer where form_response_id = :r").param("r", response)
                .query((rs, n) -> parts.put(rs.getString(1), rs.getString(2))).list();
        return parts;
    }
}
