package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on pages in Chromium, each scanned with axe: an ADMIN sets it up (with the GOV.UK
 * error pattern on the way) against a real OpenID Connect provider's discovery document, a member
 * of staff chooses "Sign in with your work account" and is shown their organisation's sign-in,
 * and an ADMIN approves someone waiting. The trip through the provider itself is covered by
 * {@code SsoSignInIntegrationTest}: the provider's own pages are not ours to scan.
 */
@BrowserJourney
class SingleSignOnJourneyTest extends Journey {

    private static TestOidcProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = TestOidcProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAdminSetsUpSingleSignOnAndStaffChooseToSignInWithTheirWorkAccount() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        String domain = "rowan-" + TestData.suffix() + ".test";
        Visitor admin = visitor();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People").clickLink("Single sign-on settings");
        assertThat(admin.heading()).hasText("Single sign-on");
        assertThat(admin.page().locator(".govuk-inset-text")).containsText("/login/oauth2/code/" + org.id().value());

        admin.clickButton("Save single sign-on");
        assertThat(admin.page()).hasTitle(Pattern.compile("^Error: "));
        assertThat(admin.page().locator(".govuk-error-summary")).containsText("Enter the issuer URL of your provider");
        assertThat(admin.page().locator("#domains-error")).hasText("Error: Enter at least one email domain, like council.gov.uk");

        admin.fill("Issuer URL", provider.issuer())
                .fill("Client ID", "impact-rowan")
                .fill("Client secret", "a secret from the provider")
                .fill("Email domains that can sign in", domain)
                .choose("No, they must use their work account")
                .choose("No role until an admin approves them")
                .clickButton("Save single sign-on");

        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText("Single sign-on settings saved.");
        assertThat(admin.page().getByLabel("Client secret", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)))
                .hasValue("");
        assertThat(admin.page().content()).doesNotContain("a secret from the provider");
        assertThat(jdbc.sql("select passwords_for_staff from sso_settings where organisation_id = :org")
                .param("org", org.id().value()).query(Boolean.class).single()).isFalse();

        Visitor staff = phoneUser();
        staff.open("/sign-in").clickLink("Sign in with your work account");
        staff.clickButton("Continue");
        assertThat(staff.page().locator("#email-error")).hasText("Error: Enter your work email address");
        staff.fill("Your work email address", "sam@" + domain).clickButton("Continue");
        assertThat(staff.heading()).hasText("Sign in with your " + org.name() + " work account");
        assertThat(staff.page().getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Continue to your work sign-in")))
                .hasAttribute("href", "/oauth2/authorization/" + org.id().value());

        staff.open("/sign-in/work-account/waiting");
        assertThat(staff.heading()).hasText("Waiting for approval");
    }

    /**
     * Someone still signed in with a password whose work-account sign-in is then refused (another
     * organisation's provider will not vouch for their address) lands where the refusal sends them
     * (the provider's own pages are not ours: {@code SsoSignInIntegrationTest} makes that trip) and
     * sees home with the reason and that they are still signed in, scanned with axe.
     */
    @Test
    void someoneStillSignedInWhoseWorkAccountIsRefusedIsToldWhyAtHome() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        Visitor staff = visitor();
        staff.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD);

        staff.open("/sign-in/work-account?error=domain");

        assertThat(staff.page()).hasURL(Pattern.compile("/$"));
        assertThat(staff.page().locator(".govuk-notification-banner"))
                .containsText("Your work account is not at an email address your organisation allows");
        assertThat(staff.page().locator(".govuk-notification-banner")).containsText("You are still signed in to " + org.name());
    }

    @Test
    void anAdminApprovesSomeoneWaitingOnThePeoplePage() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        String email = "new.starter-" + TestData.suffix() + "@hazel.test";
        jdbc.sql("insert into sso_waiting (id, organisation_id, email, display_name) values (:id, :org, :email, 'Nia Starter')")
                .param("id", UUID.randomUUID()).param("org", org.id().value()).param("email", email).update();
        Visitor admin = phoneUser();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People");
        assertThat(admin.page().getByRole(com.microsoft.playwright.options.AriaRole.TABLE,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Waiting for approval")))
                .containsText(email);
        admin.clickLink("Choose a role for Nia Starter");
        assertThat(admin.heading()).hasText("What role should Nia Starter have?");
        admin.clickButton("Approve");
        assertThat(admin.page().locator("#role-error")).hasText("Error: Select a role");
        admin.choose("Member").clickButton("Approve");

        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText("Nia Starter is now Member.");
        assertThat(personRow(admin, "Nia Starter")).containsText("Member");
    }
}
