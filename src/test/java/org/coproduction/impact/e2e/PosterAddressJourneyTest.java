package org.coproduction.impact.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
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
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service run as on a laptop, with no address configured and on a port nobody chose: the
 * poster's link and the form's link carry that port, and following the link opens the form. (Not
 * {@link BrowserJourney}, which sets a made-up address for emailed links.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.base-url=")
@ExtendWith(TestsOwnData.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestData.class, TestEvidence.class})
@Tag("journey")
class PosterAddressJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Test
    void thePosterLinkCarriesTheAddressTheServiceRunsOn() {
        TestData.Org org = data.organisationWithEveryRole("Aspen");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Carers' café " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID formId = forms.create(tenant, project, "Tell us about the café", null, false, null, List.of(
                new Question("said", QuestionType.LONG_TEXT, "What would you change?", null, null, null, false, List.of(), ScaleStyle.WORDS,
                        null, null, null, null)));
        forms.setStatus(tenant, formId, FormStatus.OPEN);
        String token = forms.form(tenant, formId).token();
        assertThat(port).isNotEqualTo(8080);

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/forms/" + formId);
        String link = page.locator("#public-link a").getAttribute("href");
        assertThat(link).isEqualTo("http://localhost:" + port + "/r/" + token);

        facilitator.open("/forms/" + formId + "/poster");
        assertThat(page.locator("#poster-link")).hasText("localhost:" + port + "/r/" + token);

        // Someone types in the poster's link: it opens the form.
        Visitor respondent = phoneUser();
        respondent.open("/r/" + token);
        assertThat(respondent.heading()).hasText("Tell us about the café");
        assertThat(respondent.page().url()).startsWith(link);
    }
}
