package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class WhoTookPartJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Test
    void anAdminImportsTheCensusFiguresForTheAreaAndReadsWhoTookPartBesideThem() {
        TestData.Org org = data.organisationWithEveryRole("Census");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                facilitator.id(), true, List.of()));
        Question about = new Question("about", QuestionType.ABOUT_YOU, "About you", null, null, "people", false, List.of(), ScaleStyle.WORDS,
                null, null, null, null);
        UUID formId = forms.create(tenant, project, "After the open day", null, false, null, List.of(about));
        forms.setStatus(tenant, formId, FormStatus.OPEN);
        PublicForm form = respondents.locate(forms.form(tenant, formId).token()).orElseThrow();
        // 12 people answered: 6 aged 50-64, 5 aged 65-79, 1 aged 18-24.
        for (String age : List.of("50-64", "50-64", "50-64", "50-64", "50-64", "50-64", "65-79", "65-79", "65-79", "65-79", "65-79", "18-24")) {
            Draft draft = respondents.start(form, Source.ONLINE, null);
            respondents.savePage(form, draft, form.form().questions(), Map.of("about.age", List.of(age)));
            respondents.submit(form, draft.token());
        }
        byte[] csv = ("part,group,people\n"
                + "age,under-18,22310\nage,18-24,9120\nage,25-34,13870\nage,35-49,19240\nage,50-64,19830\nage,65-79,12460\nage,80-plus,5170\n"
                + "age,over-90,400\n").getBytes(StandardCharsets.UTF_8);

        Visitor admin = visitor();
        Page page = admin.page();
        admin.signIn(org.admin().username(), TestData.PASSWORD);
        admin.clickLink("Who took part");
        assertThat(admin.heading()).hasText("Who took part");
        assertThat(page.locator("#area")).containsText("There is no local population profile yet");

        admin.clickLink("Import the census figures for your area");
        assertThat(admin.heading()).hasText("Census figures for your area");
        admin.clickButton("Upload and check the file");
        // Nothing filled in: each problem beside its field, and in the summary.
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the name of the area");
        assertThat(page.locator("#file-error")).containsText("Choose a CSV file");

        admin.fill("Name of the area", "Brookfield");
        page.getByLabel("CSV file").setInputFiles(new FilePayload("brookfield.csv", "text/csv", csv));
        admin.clickButton("Upload and check the file");

        assertThat(admin.heading()).hasText("Check the figures before you import them");
        assertThat(page.locator("main")).containsText("Nothing has been saved yet.");
        assertThat(page.locator("#accepted")).hasText("7 figures will be imported");
        assertThat(page.locator("#rejected")).hasText("1 row will not be imported");
        Locator rejected = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rows that will not be imported, and why"))
                .locator("tbody tr");
        assertThat(rejected.locator("td")).hasText(new String[] {"9", "“over-90” is not a group of this part"});
        assertThat(jdbc.sql("select count(*) from local_population where organisation_id = :o").param("o", org.id().value())
                .query(Integer.class).single()).isZero();

        admin.clickButton("Import 7 figures");
        assertThat(admin.heading()).hasText("Who took part");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("7 figures for Brookfield imported");
        assertThat(page.locator("#people")).hasText("12 people told us about themselves.");
        // In words, group by group: the one person aged 18-24 is "fewer than 5", never 1, as are the
        // groups nobody came from. Shares: 6 of 12 = 50% against 19,830 of 102,000 = 19%, and so on.
        assertThat(page.locator("#findings li")).hasText(new String[] {
                "Fewer than 5 people under 18 took part, though they are 22% of the area.",
                "Fewer than 5 young people aged 18 to 24 took part, though they are 9% of the area.",
                "Fewer than 5 people aged 25 to 34 took part, though they are 14% of the area.",
                "Fewer than 5 people aged 35 to 49 took part, though they are 19% of the area.",
                "More people aged 50 to 64 took part than live in the area: 50% of those who said, 19% of the area.",
                "More people aged 65 to 79 took part than live in the area: 42% of those who said, 12% of the area.",
                "Fewer than 5 people aged 80 or over took part, though they are 5% of the area."});
        // The chart has its title and description, and the table says the same.
        assertThat(page.locator("#chart-age svg title")).hasText("Age: who took part beside the area");
        assertThat(page.locator("#chart-age svg desc")).containsText("The table below gives the same figures.");
        Locator rows = page.locator("#table-age tbody tr");
        assertThat(rows.nth(1).locator("th, td")).hasText(new String[] {"18 to 24", "fewer than 5", "", "9%"});
        assertThat(rows.nth(4).locator("th, td")).hasText(new String[] {"50 to 64", "6", "50%", "19%"});

        // The project's own page says the same for its forms.
        admin.open("/projects/" + project);
        admin.clickLink("Who took part, compared with the area");
        assertThat(page.locator("#people")).hasText("12 people told us about themselves.");
    }

    @Test
    void aMemberAnswersTheAboutYouQuestionsOnAPhoneInEasyRead() {
        TestData.Org org = data.organisationWithEveryRole("About you");
        TestData.Person member = org.person(Role.MEMBER);
        jdbc.sql("update user_account set easy_read = true where id = :id").param("id", member.id()).update();

        Visitor phone = phoneUser();
        Page page = phone.page();
        phone.signIn(member.username(), TestData.PASSWORD);
        phone.clickLink("About you: optional questions");
        assertThat(phone.heading()).hasText("About you");
        assertThat(page.locator("main")).containsText("You do not have to answer. You can leave any question.");
        assertThat(page.locator(".app-easy-read-point .app-icon").first()).isVisible();

        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Your age")).getByLabel("65 to 79").check();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Your religion")).getByLabel("I prefer not to say").check();
        phone.clickButton("Save my answers");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your answers were saved");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Your age")).getByLabel("65 to 79")).isChecked();
        assertThat(jdbc.sql("select part || '=' || value from about_you_answer where user_id = :u order by part")
                .param("u", member.id()).query(String.class).list())
                .containsExactly("age=65-79", "religion=prefer-not-to-say");

        phone.clickButton("Take back all my answers");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your answers were taken back");
        assertThat(jdbc.sql("select count(*) from about_you_answer where user_id = :u").param("u", member.id()).query(Integer.class).single())
                .isZero();
    }
}
