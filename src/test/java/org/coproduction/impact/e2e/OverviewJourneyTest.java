package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin opens the organisation overview from the navigation, chooses a shorter period and only
 * running projects, reads the projects' figures and the months, and downloads the CSV; a facilitator
 * reads the same page on a phone.
 */
@BrowserJourney
class OverviewJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    ReviewService reviews;

    @Test
    void anAdminOpensTheOverviewFiltersByPeriodAndDownloadsTheCsv() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        TestData.Person a = org.admin();
        Tenant admin = new Tenant(new UserId(a.id()), org.id(), org.name(), Role.ADMIN);
        String running = "Day centre " + TestData.suffix();
        UUID project = projects.create(admin, new ProjectService.ProjectDetails(running, null, null, null, null, a.id(), false, List.of()));
        String ended = "Old lunch club " + TestData.suffix();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        projects.create(admin, new ProjectService.ProjectDetails(ended, null, today.minusYears(2), today.minusYears(1), null, a.id(), false,
                List.of()));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(admin, project, pathways.pathway(admin, project).version(),
                new PathwayService.OutcomeDraft("People feel welcome", Term.SHORT, true, List.of(), null))).itemId();
        UUID formId = forms.create(admin, project, "After the session", null, false, null, List.of(new Question("welcome",
                QuestionType.RATING, "How welcome do you feel?", null, null, null, false, List.of("No", "A bit", "Yes"), ScaleStyle.WORDS,
                null, null, outcome, null)));
        forms.setStatus(admin, formId, FormStatus.OPEN);
        PublicForm pf = respondents.locate(forms.form(admin, formId).token()).orElseThrow();
        for (String answer : List.of("2", "3")) {
            Draft draft = respondents.start(pf, Source.ONLINE, null);
            respondents.savePage(pf, draft, pf.form().questions(), Map.of("welcome", List.of(answer)));
            respondents.submit(pf, draft.token());
        }
        UUID round = ((ReviewResult.Saved) reviews.createRound(admin, project, "Review, autumn", today, List.of(outcome))).id();
        reviews.recordJudgement(admin, project, round, outcome, -1, Judgement.ACHIEVED, "Everyone said yes", null);
        reviews.closeRound(admin, project, round, reviews.round(admin, project, round).version());

        Visitor visitor = visitor();
        Page page = visitor.page();
        visitor.signIn(a.username(), TestData.PASSWORD).clickLink("Overview");
        assertThat(visitor.heading()).hasText("Organisation overview");
        assertThat(page.locator("main")).containsText(running);
        assertThat(page.locator("main")).containsText(ended);
        assertThat(page.locator("main")).containsText("Achieved: 1");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Form answers each month"))).isVisible();

        // The last three months, running projects only: the ended project leaves, the months table has three rows.
        page.getByLabel("Period", new Page.GetByLabelOptions().setExact(true)).selectOption("3");
        page.getByLabel("Projects", new Page.GetByLabelOptions().setExact(true)).selectOption("running");
        visitor.clickButton("Show");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("months=3&status=running"));
        assertThat(page.locator("main")).containsText(running);
        assertThat(page.locator("main")).not().containsText(ended);
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Activity and reach month by month"))
                .locator("tbody tr")).hasCount(3);

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download as a spreadsheet (CSV)").setExact(true)).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(running);
        assertThat(rows.get(1).get(5)).isEqualTo("Review, autumn");
        assertThat(rows.get(1).get(18)).isEqualTo("2");

        // A facilitator on a phone: the same page fits the screen (the tables scroll in their own boxes).
        Visitor phone = phoneUser();
        phone.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/overview?months=6&status=all");
        assertThat(phone.heading()).hasText("Organisation overview");
        assertThat(phone.page().locator("main")).containsText(running);
    }
}
