package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator whose group answered last spring's survey in Microsoft Forms brings that export
 * into the form: the questions are matched for them, the rows that do not fit are listed with the
 * reason, and after confirming the answers are counted in the analysis (issue #13).
 */
@BrowserJourney
class ImportResponsesJourneyTest extends Journey {

    static final List<String> AGREE = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    static Question question(String key, QuestionType type, String text, List<String> options) {
        return new Question(key, type, text, null, null, null, false, options, ScaleStyle.WORDS, null, null, null, null);
    }

    @Test
    void aFacilitatorImportsAMicrosoftFormsExportAndSeesItInTheAnalysis() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Response import journey");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Carers’ voice " + TestData.suffix(), null, null, null, null,
                me.id(), false, List.of()));
        UUID form = forms.create(tenant, project, "Spring survey", null, false, null, List.of(
                question("listened", QuestionType.RATING, "How much did you feel listened to?", AGREE),
                question("sessions", QuestionType.MULTIPLE_CHOICE, "Which sessions did you come to?", List.of("Planning", "Review")),
                question("changed", QuestionType.LONG_TEXT, "What changed for you?", List.of())));
        forms.setStatus(tenant, form, FormStatus.OPEN);
        byte[] file;
        try (var in = getClass().getResourceAsStream("/imports/microsoft-forms.xlsx")) {
            file = in.readAllBytes();
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(me.username(), TestData.PASSWORD);
        facilitator.open("/forms/" + form + "/responses");
        facilitator.clickLink("Bring in responses");
        assertThat(facilitator.heading()).hasText("Bring in responses from another tool");

        // No file chosen: the error beside the field.
        facilitator.clickButton("Upload and match the questions");
        assertThat(page.locator("#file-error")).containsText("Choose the export file to upload");

        page.getByLabel("Export of responses").setInputFiles(new FilePayload("Spring survey (1-5).xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
        facilitator.clickButton("Upload and match the questions");
        assertThat(facilitator.heading()).hasText("Match the questions");
        assertThat(page.locator("#tool")).hasText("This is an export from Microsoft Forms with 3 questions.");
        // Each question in the file is matched to the form's question with the same words.
        assertThat(page.getByLabel("Which sessions did you come to?")).hasValue("sessions");
        assertThat(page.getByLabel("What changed for you?")).hasValue("changed");

        facilitator.clickButton("Read the file");
        for (int i = 0; i < 50 && page.locator("#check-progress").count() > 0; i++) {
            Thread.sleep(200);
            facilitator.clickLink("Check progress");
        }
        assertThat(facilitator.heading()).hasText("Check what will be added");
        assertThat(page.locator("#summary"))
                .hasText("5 rows read from the Microsoft Forms export: 3 responses can be added and 2 rows are left out.");
        assertThat(page.locator("main")).containsText("“Knitting” for “Which sessions did you come to?” is not one of this form’s choices");
        assertThat(page.locator("main")).containsText("Dw i’n teimlo’n rhan o’r grŵp");
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", form).query(Integer.class).single()).isZero();

        facilitator.clickButton("Add 3 responses");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("3 responses added from the export");
        assertThat(page.locator("main")).containsText("Brought in from another tool");

        facilitator.clickLink("What the answers say");
        assertThat(page.locator("main")).containsText("Counted responses: 3.");
        assertThat(page.locator("main table").first()).containsText("Strongly agree");
    }

    @Test
    void aboutYouColumnsOfAnExportGoToTheFormsAboutYouBlock() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("About you import journey");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID form = forms.create(tenant, null, "Walks", null, false, null, List.of(
                question("listened", QuestionType.RATING, "How much did you feel listened to?", AGREE),
                question("about", QuestionType.ABOUT_YOU, "About you", List.of())));
        forms.setStatus(tenant, form, FormStatus.OPEN);
        byte[] export = """
                Timestamp,How much did you feel listened to?,Age,Gender
                2026/03/04 10:15:02 AM GMT,Agree,42,Woman
                2026/03/05 09:01:00 AM GMT,Agree,,Non-binary
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(me.username(), TestData.PASSWORD);
        facilitator.open("/forms/" + form + "/responses/import");
        page.getByLabel("Export of responses").setInputFiles(new FilePayload("walks.csv", "text/csv", export));
        facilitator.clickButton("Upload and match the questions");
        assertThat(facilitator.heading()).hasText("Match the questions");
        // The columns are matched to the parts of "About you" their words ask.
        assertThat(page.getByLabel("Age", new Page.GetByLabelOptions().setExact(true))).hasValue("about.age");
        assertThat(page.getByLabel("Gender", new Page.GetByLabelOptions().setExact(true))).hasValue("about.sex");

        facilitator.clickButton("Read the file");
        for (int i = 0; i < 50 && page.locator("#check-progress").count() > 0; i++) {
            Thread.sleep(200);
            facilitator.clickLink("Check progress");
        }
        assertThat(facilitator.heading()).hasText("Check what will be added");
        assertThat(page.locator("main")).containsText("35 to 49");
        assertThat(page.locator("main")).containsText("“Non-binary” for “Gender” is not one of this form’s choices");
        facilitator.clickButton("Add 1 response");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("1 response added from the export");
        assertThat(jdbc.sql("select value from about_you_answer a join form_response r on r.id = a.form_response_id "
                + "where r.form_id = :f and a.part = 'age'").param("f", form).query(String.class).single()).isEqualTo("35-49");
    }
}
