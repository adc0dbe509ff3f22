package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class ForgottenPasswordJourneyTest extends Journey {

    private static final String SUBJECT = "Reset your Co-production Impact password";

    @Test
    void resetsAForgottenPasswordWithTheLinkAnAdminPassesOnFromTheirPhone() {
        TestData.Org org = data.organisationWithEveryRole("Brookfield");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor person = visitor();

        person.open("/sign-in").clickLink("I have forgotten my password");
        assertThat(person.heading()).hasText("Reset your password");
        person.fill("Email address or username", member.email()).clickButton("Send me a link");
        assertThat(person.heading()).hasText("Check your email");

        // No mail server in tests: the email is kept for the ADMINs of the person's organisation.
        assertThat(jdbc.sql("select count(*) from outbound_email where recipient = :to and subject = :subject and not sent and organisation_id = :org")
                        .param("to", member.email())
                        .param("subject", SUBJECT)
                        .param("org", org.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Visitor admin = phoneUser();
        admin.signIn(org.admin().username(), TestData.PASSWORD);
        String link = linkInEmail(admin, member.email(), SUBJECT);
        assertThat(link).startsWith(BASE_URL + "/reset-password/");

        person.openLink(link);
        assertThat(person.heading()).hasText("Choose a new password");
        String newPassword = "purple kettles march slowly " + TestData.suffix();
        person.fill("New password", newPassword).fill("Type the new password again", newPassword + "x")
                .clickButton("Save new password");
        assertThat(person.page()).hasTitle(Pattern.compile("^Error: "));
        assertThat(person.page().locator("#confirm-error")).hasText("Error: The two passwords are not the same");

        person.fill("New password", newPassword).fill("Type the new password again", newPassword)
                .clickButton("Save new password");
        assertThat(person.heading()).hasText("Sign in");
        assertThat(person.page().locator(".govuk-notification-banner"))
                .containsText("Your password has been changed. Sign in with your new password.");

        person.signIn(member.username(), TestData.PASSWORD);
        assertThat(person.page().locator(".govuk-error-summary")).containsText("Enter a correct email address or username and password");

        person.signIn(member.email(), newPassword);
        assertThat(person.heading()).hasText("Home");
        assertThat(person.headerOrganisation()).hasText(org.name());

        // The link works once.
        person.openLink(link);
        assertThat(person.heading()).hasText("This link does not work any more");
    }
}
