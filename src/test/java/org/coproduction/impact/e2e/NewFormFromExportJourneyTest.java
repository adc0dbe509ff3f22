package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator whose group answered a survey in Google Forms, with no form here yet, makes a new
 * form from the export: its questions become the form's, the rows that do not fit are listed, and
 * after confirming the new form has the responses counted (issue #13). Every page is scanned with axe.
 */
@BrowserJourney
class NewFormFromExportJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Test
    void aFacilitatorMakesANewFormFromAGoogleFormsExportAndSeesItsResponsesCounted() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("New form from export journey");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        String projectName = "Carers’ walks " + TestData.suffix();
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails(projectName, null, null, null, null, me.id(), false,
                List.of()));
        byte[] export;
        try (var in = getClass().getResourceAsStream("/imports/google-forms.csv")) {
            export = in.readAllBytes();
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(me.username(), TestData.PASSWORD);

        // The organisation's own forms offer it too; a file that is not an export is refused beside the field.
        int formsBefore = jdbc.sql("select count(*) from form where organisation_id = :o").param("o", org.id().value())
                .query(Integer.class).single();
        facilitator.open("/organisation/forms");
        facilitator.clickLink("Make a form from responses exported from Microsoft Forms, Google Forms or SurveyMonkey");
        assertThat(facilitator.heading()).hasText("Make a form from another tool’s responses");
        page.getByLabel("Export of responses").setInputFiles(new FilePayload("attendance.csv", "text/csv",
                "Date,Activity,Name\n14/03/2024,Coffee morning,Siân\n".getBytes(StandardCharsets.UTF_8)));
        facilitator.clickButton("Upload and make the form");
        assertThat(page.locator("#file-error"))
                .containsText("The file is not an export of responses from Microsoft Forms, Google Forms or SurveyMonkey");
        assertThat(jdbc.sql("select count(*) from form where organisation_id = :o").param("o", org.id().value()).query(Integer.class).single())
                .isEqualTo(formsBefore);

        // In the project: no file chosen is refused beside the field, then the export makes the form.
        facilitator.open("/projects/" + project + "/forms");
        facilitator.clickLink("Make a form from responses exported from Microsoft Forms, Google Forms or SurveyMonkey");
        assertThat(facilitator.heading()).hasText("Make a form from another tool’s responses");
        assertThat(page.locator(".govuk-caption-l")).hasText(projectName);
        facilitator.clickButton("Upload and make the form");
        assertThat(page.locator("#file-error")).containsText("Choose the export file to upload");

        page.getByLabel("Export of responses").setInputFiles(new FilePayload("Carers_survey.csv", "text/csv", export));
        facilitator.clickButton("Upload and make the form");
        assertThat(facilitator.heading()).hasText("Match the questions");
        // The new form's questions are the export's, each matched to its own column.
        assertThat(page.getByLabel("How much did you feel listened to?")).not().hasValue("");
        assertThat(page.getByLabel("Which sessions did you come to?")).not().hasValue("");
        assertThat(page.getByLabel("What changed for you?")).not().hasValue("");
        UUID form = jdbc.sql("select id from form where project_id = :p").param("p", project).query(UUID.class).single();
        assertThat(jdbc.sql("select status from form where id = :f").param("f", form).query(String.class).single()).isEqualTo("DRAFT");

        facilitator.clickButton("Read the file");
        for (int i = 0; i < 50 && page.locator("#check-progress").count() > 0; i++) {
            Thread.sleep(200);
            facilitator.clickLink("Check progress");
        }
        assertThat(facilitator.heading()).hasText("Check what will be added");
        assertThat(page.locator("#summary"))
                .hasText("5 rows read from the Google Forms export: 3 responses can be added and 2 rows are left out.");
        assertThat(page.locator("main")).containsText("Dw i’n teimlo’n rhan o’r grŵp");
        // Nothing is added until confirmed.
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", form).query(Integer.class).single()).isZero();

        facilitator.clickButton("Add 3 responses");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("3 responses added from the export");
        assertThat(page.locator("main")).containsText("Brought in from another tool");

        facilitator.clickLink("What the answers say");
        assertThat(page.locator("main")).containsText("Counted responses: 3.");
        assertThat(page.locator("main table").first()).containsText("Strongly agree");

        // The new form is among the project's forms, under the name of the file.
        facilitator.open("/projects/" + project + "/forms");
        assertThat(page.locator("main")).containsText("Carers survey");
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", form).query(Integer.class).single()).isEqualTo(3);
    }
}
