package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.PathwayJson;
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

/**
 * Issue 15, huge and deeply nested JSON. The service reads JSON sent by a user in one place: the
 * pathway import ({@code /projects/{id}/pathway/import}, a .json file); the API is read-only (GET)
 * and the pages' scripts send forms, not JSON. Each hostile document is refused with the page's
 * plain error, never a 500 or a stack overflow, and nothing is stored. Bodies over the multipart
 * limit (12 MB) are {@link OversizedBodyIntegrationTest}'s.
 */
@IntegrationTest
class HostileJsonIntegrationTest {

    private static final int DEEP = 10_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    JdbcClient jdbc;

    static Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("10,000 nested arrays", "[".repeat(DEEP) + "]".repeat(DEEP));
        documents.put("10,000 nested objects", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP));
        documents.put("10,000 nested arrays inside a pathway field",
                "{\"format\":\"coproduction-impact/pathway\",\"outcomes\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
        documents.put("10,000 nested objects, never closed", "{\"a\":".repeat(DEEP));
        documents.put("a number with 900,000 digits", "{\"format\":" + "9".repeat(900_000) + "}");
        documents.put("a string of 900,000 characters", "{\"format\":\"" + "a".repeat(900_000) + "\"}");
        documents.put("100,000 empty objects in an array", "{\"outcomes\":[" + "{},".repeat(100_000) + "{}]}");
        return documents;
    }

    @Test
    void deeplyNestedAndOddlyLargeJsonIsRefusedInPlainWordsAndStoresNothing() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Hostile JSON");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Hostile JSON " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        Map<String, Long> before = OrganisationRows.count(jdbc, org.id());

        for (Map.Entry<String, String> document : documents().entrySet()) {
            // The reader itself: a refusal, not an exception (a StackOverflowError would escape it).
            assertThat(PathwayJson.read(document.getValue()).ok()).as(document.getKey()).isFalse();

            MockHttpServletResponse answer = send(f, project, document.getValue().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.getStatus()).as(document.getKey()).isEqualTo(200);
            Document page = Jsoup.parse(answer.getContentAsString());
            assertThat(page.select(".govuk-error-summary a[href=#file]").text()).as(document.getKey()).contains("cannot be imported");
            assertThat(page.select(".govuk-inset-text li").text()).as(document.getKey()).contains("not a pathway from Co-production Impact");
            assertThat(page.text()).as(document.getKey() + ": no class names or source positions")
                    .doesNotContain("Exception").doesNotContain("tools.jackson").doesNotContain("line: ");
        }

        // Many megabytes (under the 12 MB request limit): refused by size before it is read.
        byte[] large = ("{\"format\":\"" + "a".repeat(8 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(send(f, project, large).getContentAsString());
        assertThat(page.select(".govuk-error-summary a[href=#file]").text()).contains("smaller than 1 MB");

        assertThat(OrganisationRows.count(jdbc, org.id())).as("nothing stored").isEqualTo(before);
    }

    private MockHttpServletResponse send(TestData.Person person, UUID project, byte[] json) throws Exception {
        return mvc.perform(multipart("/projects/" + project + "/pathway/import")
                        .file(new MockMultipartFile("file", "pathway.json", "application/json", json))
                        .with(data.as(person)).with(csrf()))
                .andReturn().getResponse();
    }
}
