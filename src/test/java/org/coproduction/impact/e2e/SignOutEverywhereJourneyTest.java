package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

/** Issue 17: an ADMIN signs a person out everywhere (a lost phone), and that person's browser is signed out. */
@BrowserJourney
class SignOutEverywhereJourneyTest extends Journey {

    @Test
    void anAdminSignsAMemberOutEverywhere() {
        TestData.Org org = data.organisationWithEveryRole("Lost phone");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor phone = visitor();
        phone.signIn(member.username(), TestData.PASSWORD);
        assertThat(phone.page()).hasURL(java.util.regex.Pattern.compile("/$"));

        Visitor admin = visitor();
        admin.signIn(org.admin().username(), TestData.PASSWORD).open("/people");
        admin.clickLink("Signing in for " + member.name());
        assertThat(admin.heading()).hasText("Signing in: " + member.name());
        assertThat(admin.page().locator("#sessions")).hasText("They are signed in on 1 device or browser.");
        admin.clickButton("Sign them out everywhere");
        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText(member.name() + " has been signed out everywhere.");
        assertThat(admin.page().locator("#sessions")).hasText("They are not signed in anywhere.");

        phone.open("/framework");
        assertThat(phone.page()).hasURL(java.util.regex.Pattern.compile("/sign-in"));
        Page page = phone.page();
        assertThat(page.locator("h1")).hasText("Sign in");
    }
}
