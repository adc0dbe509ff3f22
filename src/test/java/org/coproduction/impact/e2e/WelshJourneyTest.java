package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.ReviewReport;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The service in Welsh (axe on every page): someone answering a form on a phone, a member's
 * easy-read pages and a viewer reading a published report each switch to Cymraeg, get Welsh words
 * on pages tagged {@code lang="cy-GB"}, and keep Welsh as they move from page to page. The Welsh
 * words expected come from {@code messages_cy.properties}, so correcting a translation does not
 * break this test.
 */
@BrowserJourney
class WelshJourneyTest extends Journey {

    private static final Pattern EASY_READ_ON = Pattern.compile("(^|\\s)app-easy-read(\\s|$)");

    @Autowired
    MessageSource messages;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReportService reports;

    private String welsh(String key, Object... args) {
        String words = messages.getMessage(key, args, Languages.WELSH);
        assertThat(words).as("the Welsh for " + key).isNotEqualTo(messages.getMessage(key, args, Languages.ENGLISH));
        return words;
    }

    private static void choosesCymraeg(Visitor v) {
        Locator cymraeg = v.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cymraeg").setExact(true));
        assertThat(cymraeg).hasAttribute("hreflang", "cy-GB");
        assertThat(cymraeg).hasAttribute("lang", "cy-GB");
        v.click(cymraeg);
        assertInWelsh(v);
    }

    private static void assertInWelsh(Visitor v) {
        assertThat(v.page().locator("html")).hasAttribute("lang", "cy-GB");
        Locator current = v.page().locator(".app-language-switch a[aria-current=true]");
        assertThat(current).hasText("Cymraeg");
    }

    private Locator button(Visitor v, String name) {
        return v.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void someoneAnswersAFormInWelshOnAPhone() {
        TestData.Org org = data.organisationWithEveryRole("Derwen");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Canolfan " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID id = forms.create(t, project, "Cooking session feedback", "Tell us how the cooking session went.", false, null,
                List.of(new Question("again", QuestionType.YES_NO, "Would you come to another session?", null, "Will you come again?",
                        "calendar", true, List.of(), ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, id, FormStatus.OPEN);
        Visitor person = phoneUser();
        Page page = person.page();

        person.open("/r/" + forms.form(t, id).token());
        assertThat(page.locator("html")).hasAttribute("lang", "en-GB");
        choosesCymraeg(person);
        assertThat(person.context().cookies()).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo(Languages.COOKIE);
            assertThat(cookie.value).isEqualTo("cy");
        });
        // The form has no Welsh: its English words are marked English, for screen readers (WCAG 3.1.2).
        assertThat(page.locator("h1")).hasText("Cooking session feedback");
        assertThat(page.locator("h1")).hasAttribute("lang", "en");
        assertThat(page.locator(".app-respond__intro")).hasAttribute("lang", "en");

        person.click(button(person, welsh("respond.start.button")));
        assertInWelsh(person);
        assertThat(page.locator("h1")).hasAttribute("lang", "en");
        assertThat(page.locator("label[for=q-again]")).not().hasAttribute("lang", "en");
        page.locator("input[type=radio][value=yes]").check();
        person.click(button(person, welsh("respond.continue")));
        assertInWelsh(person);
        assertThat(person.heading()).hasText(welsh("respond.check.title"));
        person.click(button(person, welsh("respond.check.send.button")));
        assertInWelsh(person);
        assertThat(page.locator(".govuk-panel")).isVisible();
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", id).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aFacilitatorGivesEasyReadWordsInWelshAndSomeoneReadsThemOnAPhone() {
        TestData.Org org = data.organisationWithEveryRole("Onnen");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Gardd " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID id = forms.create(t, project, "Garden day", null, false, null,
                List.of(new Question("again", QuestionType.YES_NO, "Would you come to another garden day?", null, "Will you come again?",
                        "calendar", true, List.of(), ScaleStyle.WORDS, null, null, null, null)
                        .withWelsh("Fyddech chi’n dod i ddiwrnod garddio arall?", null, null, List.of())));

        Visitor facilitator = visitor();
        facilitator.signIn(f.username(), TestData.PASSWORD);
        facilitator.open("/forms/" + id + "/edit");
        facilitator.clickLink("Change 1. Would you come to another garden day?");
        facilitator.fill("Easy-read words in Welsh", "Fyddwch chi’n dod eto?").clickButton("Save");
        assertThat(facilitator.page().locator(".govuk-notification-banner--success")).containsText("Question saved.");
        forms.setStatus(t, id, FormStatus.OPEN);

        Visitor person = phoneUser();
        Page page = person.page();
        person.open("/r/" + forms.form(t, id).token());
        // The form is in both languages: its own choice of language switches the page too.
        person.click(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cymraeg").setExact(true)));
        assertThat(page.locator("html")).hasAttribute("lang", "cy-GB");
        person.click(page.locator(".app-easy-read-switch__button"));
        assertThat(page.locator("html")).hasAttribute("lang", "cy-GB");
        assertThat(page.locator("body")).hasClass(EASY_READ_ON);
        person.click(button(person, welsh("respond.start.button")));
        assertThat(page.locator("html")).hasAttribute("lang", "cy-GB");
        // The easy-read words in Welsh, with their picture, not marked as another language.
        assertThat(page.locator("legend")).containsText("Fyddwch chi’n dod eto?");
        assertThat(page.locator("legend")).not().hasAttribute("lang", "en");
        page.locator("input[type=radio][value=yes]").check();
        person.click(button(person, welsh("respond.continue")));
        assertThat(person.heading()).hasText(welsh("respond.check.title"));
        person.click(button(person, welsh("respond.check.send.button")));
        assertThat(page.locator(".govuk-panel")).isVisible();
        assertThat(jdbc.sql("select language from form_response where form_id = :f").param("f", id).query(String.class).single())
                .isEqualTo("cy");
    }

    @Test
    void aMemberUsesTheEasyReadPagesInWelsh() {
        TestData.Person member = data.organisationWithEveryRole("Afon").person(Role.MEMBER);
        Visitor person = visitor();
        Page page = person.page();

        person.signIn(member.username(), TestData.PASSWORD);
        choosesCymraeg(person);
        assertThat(jdbc.sql("select language from user_account where id = :id").param("id", member.id()).query(String.class).single())
                .isEqualTo("cy");

        person.click(button(person, welsh("layout.easy-read")));
        assertInWelsh(person);
        assertThat(page.locator("body")).hasClass(EASY_READ_ON);
        assertThat(page.getByText(welsh("easyread.home.your-role", welsh("role.member")))).isVisible();

        // Welsh stays on as the member moves about, and on their next visit from another device.
        person.click(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(welsh("nav.projects")).setExact(true)));
        assertInWelsh(person);
        assertThat(page.locator("body")).hasClass(EASY_READ_ON);

        Visitor elsewhere = visitor();
        elsewhere.signIn(member.username(), TestData.PASSWORD);
        assertInWelsh(elsewhere);
        assertThat(elsewhere.page().locator("body")).hasClass(EASY_READ_ON);
    }

    @Test
    void aViewerReadsAPublishedReportInWelsh() {
        TestData.Org org = data.organisationWithEveryRole("Celyn");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(m.id())));
        EditResult r = pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("People make friends", Term.SHORT, true, List.of(), null));
        UUID outcome = ((EditResult.Saved) r).itemId();
        UUID round = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, March 2027", ReviewService.today(),
                List.of(outcome))).id();
        reviews.giveView(new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER), project, round, outcome, OwnView.YES, null);
        reviews.recordJudgement(facilitator, project, round, outcome, -1, Judgement.PARTLY, "Friendships started in the Tuesday group.",
                "Mix the groups once a month.");
        reviews.closeRound(facilitator, project, round, reviews.round(facilitator, project, round).version());
        UUID id = ((ReportResult.Saved) reports.create(facilitator, project, round, ReportKind.IMPACT, "What changed in 2027")).id();
        ReviewReport report = reports.report(facilitator, project, id);
        reports.update(facilitator, project, id, report.version(), report.title(), report.audience(),
                new ReportWords("More people come each week.", null, null, null, "Open on Saturdays.", "People made friends.",
                        "We will open on Saturdays."), List.of(), "Beth newidiodd yn 2027",
                new ReportWords("Mae mwy o bobl yn dod bob wythnos.", null, null, null, null, null, null));
        reports.publish(facilitator, project, id, reports.report(facilitator, project, id).version());

        Visitor viewer = visitor();
        Page page = viewer.page();
        viewer.signIn(org.person(Role.VIEWER).username(), TestData.PASSWORD).open("/");
        choosesCymraeg(viewer);
        viewer.clickLink(welsh("report.nav"));
        assertInWelsh(viewer);
        assertThat(viewer.heading()).hasText(welsh("report.readable.title"));
        // The report's own words in Welsh where the facilitator gave them, the English where not.
        viewer.clickLink("Beth newidiodd yn 2027");
        assertInWelsh(viewer);
        assertThat(viewer.heading()).hasText("Beth newidiodd yn 2027");
        assertThat(page.locator("main")).containsText("Mae mwy o bobl yn dod bob wythnos.");
        assertThat(page.locator("main")).containsText("Open on Saturdays.");
        assertThat(page.locator("main p", new Page.LocatorOptions().setHasText("Open on Saturdays."))).hasAttribute("lang", "en");
        assertThat(page.locator("main p", new Page.LocatorOptions().setHasText("Mae mwy o bobl yn dod bob wythnos."))).not()
                .hasAttribute("lang", "en");
        assertThat(page.locator("main")).containsText(welsh("report.judgement.is", welsh(Judgement.PARTLY.messageKey())));
    }

    /**
     * An organisation that writes in Welsh says so, and a respondent whose browser is in English hears
     * the form's own words read as Welsh while the service's words around them stay English.
     */
    @Test
    void anAdminSaysTheOrganisationWritesInWelshAndTheFormsWordsAreReadAsWelsh() {
        TestData.Org org = data.organisationWithEveryRole("Bedwen");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID id = forms.create(t, null, "Diwrnod yn yr ardd", "Dywedwch wrthym sut aeth hi.", false, null,
                List.of(new Question("again", QuestionType.YES_NO, "Fyddech chi’n dod eto?", null, null, null, true, List.of(),
                        ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(t, id, FormStatus.OPEN);

        Visitor admin = visitor();
        admin.signIn(org.admin().username(), TestData.PASSWORD).open("/people");
        admin.clickLink("The language your organisation writes in");
        assertThat(admin.heading()).hasText("The language your organisation writes in");
        admin.clickButton("Save");
        // Nothing chosen is not possible from the page (English is chosen to begin with); a forged empty choice is tested elsewhere.
        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText("read as English");
        admin.choose("Welsh").clickButton("Save");
        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText("read as Welsh");
        assertThat(admin.page().getByLabel("Welsh", new Page.GetByLabelOptions().setExact(true))).isChecked();

        Visitor person = phoneUser();
        Page page = person.page();
        person.open("/r/" + forms.form(t, id).token());
        assertThat(page.locator("html")).hasAttribute("lang", "en-GB");
        assertThat(page.locator("h1")).hasText("Diwrnod yn yr ardd");
        assertThat(page.locator("h1")).hasAttribute("lang", "cy");
        assertThat(page.locator(".app-respond__intro")).hasAttribute("lang", "cy");
        person.clickButton("Start now");
        assertThat(page.locator("main [lang=cy]").filter(new Locator.FilterOptions().setHasText("Fyddech chi’n dod eto?")).first())
                .isVisible();
        assertThat(page.locator("main button.govuk-button").first().locator("xpath=ancestor-or-self::*[@lang='cy']")).hasCount(0);

        // The facilitator gives the form's words in English too: the builder's boxes for them say "In English".
        Visitor facilitator = visitor();
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/forms/" + id + "/edit/settings");
        assertThat(facilitator.page().locator("main h2").filter(new Locator.FilterOptions().setHasText("In English (optional)"))).isVisible();
        assertThat(facilitator.page().getByLabel("Title in English", new Page.GetByLabelOptions().setExact(true))).hasAttribute("lang", "en");
        facilitator.fill("Title in English", "A day in the garden").fill("Introduction in English", "Tell us how it went.")
                .clickButton("Save");
        facilitator.open("/forms/" + id + "/edit/questions/again");
        facilitator.fill("Question in English", "Would you come again?").clickButton("Save");

        // A new person with an English browser now reads the English, in the page's own language; Cymraeg gives the Welsh.
        Visitor reader = phoneUser();
        reader.open("/r/" + forms.form(t, id).token());
        assertThat(reader.page().locator("h1")).hasText("A day in the garden");
        assertThat(reader.page().locator("h1")).not().hasAttribute("lang", "cy");
        reader.clickButton("Start now");
        assertThat(reader.page().locator("main")).containsText("Would you come again?");
        reader.clickLink("Cymraeg");
        assertThat(reader.page().locator("main")).containsText("Fyddech chi’n dod eto?");
    }
}
