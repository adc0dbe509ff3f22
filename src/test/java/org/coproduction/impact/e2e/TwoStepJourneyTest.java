package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import org.coproduction.impact.organisation.Totp;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Two-step sign-in in the browser (axe on every page): an ADMIN requires it for staff; a facilitator
 * is asked to set it up at their next sign-in, on a phone, with the key typed into their app, keeps
 * the recovery codes, and from then on signs in with password and code.
 */
@BrowserJourney
class TwoStepJourneyTest extends Journey {

    @Test
    void anAdminRequiresTwoStepSignInAndAFacilitatorSetsItUpOnTheirPhone() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        TestData.Person facilitator = org.person(Role.FACILITATOR);

        Visitor admin = visitor();
        admin.signIn(org.admin().username(), TestData.PASSWORD);
        admin.clickLink("People").clickLink("Two-step sign-in for staff");
        assertThat(admin.heading()).hasText("Two-step sign-in for staff");
        // The page shows the rule as it is now: each person chooses.
        assertThat(admin.page().getByLabel("No, let each person choose")).isChecked();
        admin.choose("Yes, require it").clickButton("Save");
        assertThat(admin.page().locator(".govuk-notification-banner--success"))
                .containsText("Two-step sign-in is now required for ADMINs and FACILITATORs.");
        assertThat(admin.page().locator("tbody")).containsText("Not set up");

        Visitor staff = phoneUser();
        staff.signIn(facilitator.username(), TestData.PASSWORD);
        assertThat(staff.heading()).hasText("Set up two-step sign-in");
        assertThat(staff.page().locator("main")).containsText("Your organisation asks everyone who runs projects");
        // Their "app": the key typed in from the page (the QR code carries the same key).
        byte[] secret = Totp.fromBase32(staff.page().locator("#two-step-key").textContent());
        staff.fill("Code from the app", Totp.code(secret, Totp.step(Instant.now()))).clickButton("Turn on two-step sign-in");
        assertThat(staff.heading()).hasText("Two-step sign-in is on");
        assertThat(staff.page().locator("#recovery-codes li")).hasCount(10);
        staff.clickLink("Continue");
        assertThat(staff.heading()).hasText("Home");
        staff.signOut();

        staff.signIn(facilitator.username(), TestData.PASSWORD);
        assertThat(staff.heading()).hasText("Enter the code from your app");
        staff.fill("Code", Totp.code(secret, Totp.step(Instant.now()) + 1)).clickButton("Sign in");
        assertThat(staff.heading()).hasText("Home");

        admin.open("/settings/two-step");
        assertThat(admin.page().locator("tbody")).containsText("On");
    }
}
