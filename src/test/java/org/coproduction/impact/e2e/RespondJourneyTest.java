package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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

/** People answering a form through its link: on a phone with the keyboard only, and on a kiosk tablet passed round a room. */
@BrowserJourney
class RespondJourneyTest extends Journey {

    private static final Pattern EASY_READ_ON = Pattern.compile("(^|\\s)app-easy-read(\\s|$)");

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    record Made(TestData.Org org, UUID formId, String token) {}

    private static Question fun() {
        return new Question("fun", QuestionType.RATING, "How much did you enjoy the session?", null, "Was it fun?", "star", true,
                List.of("Not at all", "A bit", "A lot"), ScaleStyle.FACES, null, null, null, null);
    }

    private static Question change() {
        return new Question("change", QuestionType.LONG_TEXT, "What would you change about the session?", null, "What should we change?",
                "change", false, List.of(), ScaleStyle.WORDS, null, null, null, null);
    }

    private Made openForm(String label, List<Question> questions) {
        TestData.Org org = data.organisationWithEveryRole(label);
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        UUID id = forms.create(t, project, "Cooking session feedback", "Tell us how the cooking session went.", false, null, questions);
        forms.setStatus(t, id, FormStatus.OPEN);
        return new Made(org, id, forms.form(t, id).token());
    }

    private Locator button(Visitor v, String name) {
        return v.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator field(Visitor v, String label) {
        return v.page().getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private List<String> answers(UUID formId) {
        return jdbc.sql("select answers::text || ' ' || source from form_response where form_id = :f order by submitted_at")
                .param("f", formId).query(String.class).list();
    }

    @Test
    void aPersonAnswersOnAPhoneWithTheKeyboardOnlyInEasyRead() {
        Made made = openForm("Maple", List.of(
                fun(),
                new Question("feel", QuestionType.BEFORE_AFTER, "How confident did you feel about cooking before the session?", null,
                        "Before: did you feel sure about cooking?", "face-happy", true, List.of("Not sure", "Quite sure", "Very sure"),
                        ScaleStyle.WORDS, "How confident do you feel about cooking now?", "Now: do you feel sure about cooking?", null, null),
                new Question("again", QuestionType.YES_NO, "Would you come to another session?", null, "Will you come again?", "calendar",
                        true, List.of(), ScaleStyle.WORDS, null, null, null, null),
                new Question("when", QuestionType.DATE, "When did you go to the session?", null, "What day did you go?", "calendar", true,
                        List.of(), ScaleStyle.WORDS, null, null, null, null),
                new Question("about", QuestionType.ABOUT_YOU, "About you", null, null, "people", false, List.of(), ScaleStyle.WORDS, null,
                        null, null, null)));
        Visitor person = phoneKeyboardUser();
        Page page = person.page();

        person.open("/r/" + made.token());
        assertThat(person.heading()).hasText("Cooking session feedback");
        assertThat(page.getByText("There are 5 questions. It takes a few minutes.")).isVisible();

        person.tabTo(button(person, "Easy read")).pressToLoad("Enter");
        assertThat(page.locator("body")).hasClass(EASY_READ_ON);
        assertThat(page.getByText("There are 5 questions. It is quick.")).isVisible();

        person.tabTo(button(person, "Start now")).pressToLoad("Enter");
        assertThat(page.getByText("Question 1 of 5")).isVisible();
        assertThat(person.heading()).hasText("Was it fun?");
        assertThat(page.locator("progress")).hasAttribute("value", "1");
        // Each face has its word: the word is the radio's name.
        assertThat(field(person, "A lot")).isVisible();
        assertThat(page.locator(".app-faces__face")).hasCount(3);

        // Continue without an answer: the GOV.UK error, linked to the question.
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");
        assertThat(page.locator(".govuk-error-summary")).containsText("Answer this question");
        assertThat(page).hasTitle(Pattern.compile("^Error: "));

        person.tabTo(field(person, "Not at all")).press("ArrowDown").press("ArrowDown");
        assertThat(field(person, "A lot")).isChecked();
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");

        // Before and after on one page: two questions, each its own group.
        assertThat(page.getByText("Question 2 of 5")).isVisible();
        assertThat(page.locator("fieldset legend")).hasText(new String[] {"Before: did you feel sure about cooking?",
                "Now: do you feel sure about cooking?"});
        person.tabTo(page.locator("#q-feel-before")).press("Space");
        person.tabTo(page.locator("#q-feel-after")).press("ArrowDown").press("ArrowDown");
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");

        assertThat(person.heading()).hasText("Will you come again?");
        person.tabTo(field(person, "Yes")).press("Space");
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");

        assertThat(person.heading()).hasText("What day did you go?");
        person.tabTo(field(person, "Day")).type("12").press("Tab").type("3").press("Tab").type("2026");
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");

        // About you: every part optional, and one button skips it all. Nine parts, in the 2021 Census
        // categories (issue 12): age, sex, gender identity, sexual orientation, disability, carer,
        // ethnic group, religion, care and support drawn on.
        assertThat(person.heading()).hasText("About you");
        assertThat(page.locator("fieldset")).hasCount(9);
        person.tabTo(button(person, "Skip this")).pressToLoad("Enter");

        assertThat(person.heading()).hasText("Check your answers");
        Locator summary = page.locator(".govuk-summary-list");
        assertThat(summary).containsText("A lot");
        assertThat(summary).containsText("Not sure");
        assertThat(summary).containsText("Very sure");
        assertThat(summary).containsText("12 March 2026");
        assertThat(summary).containsText("Not answered");

        // Change an answer from the check page, and come straight back to it.
        person.tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Will you come again?"))).pressToLoad("Enter");
        person.tabTo(field(person, "Yes")).press("ArrowDown");
        assertThat(field(person, "No")).isChecked();
        person.tabTo(button(person, "Continue")).pressToLoad("Enter");
        assertThat(person.heading()).hasText("Check your answers");

        person.tabTo(button(person, "Send answers")).pressToLoad("Enter");
        assertThat(page.locator(".govuk-panel")).containsText("Thank you");
        assertThat(page.locator(".govuk-panel")).containsText("Your answers are saved.");

        List<String> saved = answers(made.formId());
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst()).contains("\"fun\": [\"3\"]", "\"feel.before\": [\"1\"]", "\"feel.after\": [\"3\"]",
                "\"again\": [\"no\"]", "\"when\": [\"2026-03-12\"]", "ONLINE").doesNotContain("about.");
        // No session was made for the person answering (sessions live in the database).
        assertThat(person.context().cookies()).noneMatch(c -> c.name.equals("SESSION"));
        assertThat(person.context().cookies()).anySatisfy(c -> {
            assertThat(c.name).isEqualTo("form_draft");
            assertThat(c.httpOnly).isTrue();
            assertThat(c.path).isEqualTo("/r/" + made.token());
        });

        // The CSRF token lives in a cookie on these pages, kept as long as a draft: no time limit while answering.
        assertThat(person.context().cookies()).anySatisfy(c -> {
            assertThat(c.name).isEqualTo("respondent_csrf");
            assertThat(c.httpOnly).isTrue();
            assertThat(c.expires).isGreaterThan(System.currentTimeMillis() / 1000.0 + 6 * 24 * 3600);
        });

        // Going back to a page of the form after sending: not an empty form, and nothing sent twice.
        person.open("/r/" + made.token() + "/check");
        assertThat(person.heading()).hasText("You have already sent your answers");
        person.open("/r/" + made.token() + "/q/2");
        assertThat(person.heading()).hasText("You have already sent your answers");
        assertThat(answers(made.formId())).hasSize(1);
    }

    @Test
    void aKioskTabletIsPassedRoundTwoPeopleAndThePinLeavesIt() {
        Made made = openForm("Rowan", List.of(fun(), change()));
        Visitor tablet = visitor();
        Page page = tablet.page();

        tablet.signIn(made.org().person(Role.FACILITATOR).username(), TestData.PASSWORD);
        tablet.open("/forms/" + made.formId() + "/kiosk");
        assertThat(tablet.heading()).hasText("Use this device as a kiosk");
        tablet.fill("Choose a PIN", "48").clickButton("Start kiosk mode");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a PIN of 4 to 8 numbers");
        tablet.fill("Choose a PIN", "4821").clickButton("Start kiosk mode");

        // Kiosk mode: the form, with no way out to the rest of the site, and the facilitator signed out.
        assertThat(tablet.heading()).hasText("Cooking session feedback");
        assertThat(page.locator("a[href='/'], a[href='/accessibility'], a[href='/projects']")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leave kiosk mode"))).isVisible();
        APIResponse projectsPage = tablet.context().request().get("http://localhost:" + port + "/projects");
        assertThat(projectsPage.url()).contains("/sign-in");

        // The first person.
        tablet.clickButton("Start now").choose("A bit").clickButton("Continue");
        tablet.fill("What would you change about the session?", "More time to eat together").clickButton("Continue");
        assertThat(page.locator(".govuk-summary-list")).containsText("More time to eat together");
        tablet.clickButton("Send answers");
        assertThat(page.locator(".govuk-panel")).containsText("Your answers are saved.");

        // The second person: a fresh form, nothing of the first person's answers anywhere.
        tablet.clickButton("Next person");
        assertThat(page.getByText("Question 1 of 2")).isVisible();
        assertThat(page.locator("input[type=radio]:checked")).hasCount(0);
        tablet.choose("A lot").clickButton("Continue");
        assertThat(field(tablet, "What would you change about the session?")).hasValue("");
        assertThat(page.getByText("More time to eat together")).hasCount(0);
        tablet.open("/r/" + made.token() + "/check");
        assertThat(page.locator(".govuk-summary-list")).not().containsText("More time to eat together");
        assertThat(page.locator(".govuk-summary-list")).containsText("A lot");
        tablet.clickButton("Send answers").clickButton("Next person");

        List<String> saved = answers(made.formId());
        assertThat(saved).hasSize(2);
        assertThat(saved).allMatch(a -> a.endsWith("KIOSK"));
        assertThat(saved.get(0)).contains("More time to eat together");
        assertThat(saved.get(1)).doesNotContain("More time");

        // Leaving kiosk mode needs the PIN.
        tablet.clickLink("Leave kiosk mode");
        tablet.fill("PIN", "1234").clickButton("Leave kiosk mode");
        assertThat(page.locator(".govuk-error-summary")).containsText("The PIN is not right. Try again.");
        tablet.fill("PIN", "4821").clickButton("Leave kiosk mode");
        assertThat(tablet.heading()).hasText("Sign in");
        assertThat(tablet.context().cookies()).noneMatch(c -> c.name.equals("form_kiosk"));

        // The form's link is an ordinary one again on this device.
        tablet.open("/r/" + made.token());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leave kiosk mode"))).hasCount(0);
        assertThat(page.locator("a[href='/accessibility']")).hasCount(1);
    }
}
