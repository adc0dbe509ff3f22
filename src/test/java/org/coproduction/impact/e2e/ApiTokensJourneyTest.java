package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.coproduction.impact.api.ApiTokenService;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class ApiTokensJourneyTest extends Journey {

    @Autowired
    ApiTokenService tokens;

    @Test
    void anAdminMakesATokenSeesItOnceAndRevokesIt() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        Visitor admin = phoneUser();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People").clickLink("API tokens for dashboards and funders");
        assertThat(admin.heading()).hasText("API tokens");
        assertThat(admin.page().getByText("There are no API tokens yet.")).isVisible();

        // Nothing chosen: the GOV.UK error pattern, nothing made.
        admin.clickButton("Make token");
        assertThat(admin.page().locator(".govuk-error-summary")).containsText("Enter a name for the token");
        assertThat(admin.page().locator("#scopes-error")).containsText("Select what the token can read");

        admin.fill("Name", "Council dashboard")
                .choose("Projects, their pathways and plans")
                .choose("Counted answers to forms")
                .clickButton("Make token");
        assertThat(admin.page().locator(".govuk-panel__title")).hasText("Token \"Council dashboard\" made");
        String secret = admin.page().getByLabel("The token").inputValue();
        assertThat(secret).startsWith("cpi_");
        assertThat(tokens.authenticate(secret)).isPresent();

        admin.clickLink("Back to API tokens");
        Locator row = admin.page().getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Council dashboard"));
        assertThat(row).containsText(secret.substring(0, 10));
        assertThat(row).containsText("Counted answers to forms");
        assertThat(row).containsText("Active");
        // Shown once: the list has only its first characters.
        assertThat(admin.page().content()).doesNotContain(secret);

        admin.clickLink("Revoke Council dashboard");
        assertThat(admin.heading()).hasText("Revoke the token \"Council dashboard\"?");
        admin.clickButton("Revoke token");
        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText("The token \"Council dashboard\" is revoked.");
        assertThat(row).containsText("Revoked on");
        assertThat(tokens.authenticate(secret)).isEmpty();
    }
}
