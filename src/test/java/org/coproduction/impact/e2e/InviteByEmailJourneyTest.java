package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class InviteByEmailJourneyTest extends Journey {

    @Test
    void anAdminInvitesSomeoneByEmailWhoMakesAnAccountAndSignsIn() {
        TestData.Org org = data.organisationWithEveryRole("Riverside");
        String suffix = TestData.suffix();
        String name = "Sam Newcomer " + suffix;
        String email = "sam-" + suffix + "@example.test";
        Visitor admin = visitor();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People").clickLink("Invite someone");
        assertThat(admin.heading()).hasText("Invite someone");
        admin.fill("Their name", name)
                .choose("By email")
                .fill("Their email address", email)
                .choose("Facilitator")
                .clickButton("Send invitation");

        assertThat(admin.heading()).hasText("People");
        assertThat(admin.page().locator(".govuk-notification-banner")).containsText("We have sent an invitation to " + name + ".");
        Locator invitation = invitationRow(admin, name);
        assertThat(invitation).containsText("Email to " + email);
        assertThat(invitation).containsText("Waiting");

        String link = linkInEmail(admin, email, "You are invited to join " + org.name() + " on Co-production Impact");
        assertThat(link).startsWith(BASE_URL + "/invite/");

        Visitor newcomer = visitor();
        newcomer.openLink(link);
        assertThat(newcomer.heading()).hasText("Join " + org.name());
        assertThat(newcomer.page().getByText(name + ", you are invited to join " + org.name() + ".")).isVisible();
        assertThat(newcomer.page().getByText("Your role will be: Facilitator.")).isVisible();
        assertThat(newcomer.page().getByLabel("Your name")).hasValue(name);
        assertThat(newcomer.page().getByLabel("Email address (optional)")).hasValue(email);

        String username = "sam-" + suffix;
        String password = "seven green lanterns glowing " + suffix;
        newcomer.fill("Choose a username", username)
                .fill("Choose a password", password)
                .fill("Type the password again", password)
                .clickButton("Make my account and join");
        assertThat(newcomer.heading()).hasText("Sign in");
        assertThat(newcomer.page().locator(".govuk-notification-banner")).containsText("Your account is ready. Sign in to start.");

        newcomer.fill("Email address or username", email).fill("Password", password).clickButton("Sign in");
        assertThat(newcomer.heading()).hasText("Home");
        assertThat(newcomer.headerOrganisation()).hasText(org.name());
        assertThat(newcomer.page().getByText("Your role here: Facilitator.")).isVisible();
        assertThat(jdbc.sql("""
                        select m.role from membership m join user_account u on u.id = m.user_id
                        where u.username = :username and m.organisation_id = :org
                        """)
                        .param("username", username)
                        .param("org", org.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("FACILITATOR");

        admin.clickLink("People");
        assertThat(invitation).containsText("Accepted");
        assertThat(personRow(admin, name)).containsText("Facilitator");
    }
}
