package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class SignInJourneyTest extends Journey {

    @Test
    void signsInFromTheStartPageAndSignsOut() {
        TestData.Org org = data.organisationWithEveryRole("Riverside");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor person = visitor();

        person.open("/");
        assertThat(person.heading()).hasText("Show the difference co-production makes");
        person.clickButton("Sign in");
        assertThat(person.heading()).hasText("Sign in");

        person.fill("Email address or username", member.username())
                .fill("Password", TestData.PASSWORD)
                .clickButton("Sign in");

        assertThat(person.heading()).hasText("Home");
        assertThat(person.headerOrganisation()).hasText(org.name());
        assertThat(person.page().locator(".app-header")).containsText("Signed in as " + member.name());
        assertThat(person.page().getByText("Your role here: Member.")).isVisible();

        person.signOut();

        assertThat(person.heading()).hasText("Sign in");
        assertThat(person.page().locator(".govuk-notification-banner")).containsText("You have signed out.");
        assertThat(person.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
        person.open("/people");
        assertThat(person.page()).hasURL(Pattern.compile("/sign-in$"));
    }

    @Test
    void aWrongPasswordShowsTheErrorSummaryAndTheInlineError() {
        TestData.Person member = data.organisationWithEveryRole("Riverside").person(Role.MEMBER);
        Visitor person = visitor();

        person.signIn(member.username(), "not the right password");

        String message = "Enter a correct email address or username and password";
        assertThat(person.page()).hasTitle(Pattern.compile("^Error: Sign in"));
        // The summary takes focus, so a screen reader announces the problem first.
        assertThat(person.page().locator(".govuk-error-summary")).isFocused();
        assertThat(person.page().locator(".govuk-error-summary")).containsText("There is a problem");
        assertThat(person.page().locator(".govuk-error-summary a[href='#username']")).hasText(message);
        assertThat(person.page().locator("#username-error")).hasText("Error: " + message);
        assertThat(person.page().getByLabel("Email address or username")).hasValue(member.username());
        assertThat(person.page().getByLabel("Email address or username")).hasAttribute("aria-describedby", Pattern.compile("username-error"));

        // The summary's link takes the person to the field to correct.
        person.page().locator(".govuk-error-summary a[href='#username']").click();
        assertThat(person.page().getByLabel("Email address or username")).isFocused();
        assertThat(person.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
    }

    @Test
    void signsInAndOutWithOnlyTheKeyboard() {
        TestData.Org org = data.organisationWithEveryRole("Riverside");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor person = keyboardUser();
        Page page = person.page();

        person.open("/");
        // The first Tab shows the skip link, which jumps past the header and the toolbar.
        person.press("Tab");
        Locator skipLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to main content"));
        assertThat(skipLink).isFocused();
        assertThat(skipLink).isInViewport();
        person.press("Enter");
        assertThat(page.locator("main")).isFocused();
        person.tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")))
                .pressToLoad("Enter");
        assertThat(person.heading()).hasText("Sign in");

        person.tabTo(page.getByLabel("Email address or username")).type(member.username())
                .tabTo(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).type(TestData.PASSWORD)
                .tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")))
                .pressToLoad("Space");

        assertThat(person.heading()).hasText("Home");
        assertThat(person.headerOrganisation()).hasText(org.name());

        person.tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
                .pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out.");
    }
}
