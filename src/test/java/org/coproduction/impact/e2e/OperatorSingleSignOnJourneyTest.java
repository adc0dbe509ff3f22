package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator sets up an organisation's single sign-on in Chromium (axe on every page): from the
 * list of organisations, with the GOV.UK error pattern on the way, against a real OpenID Connect
 * provider's discovery document; then the organisation's ADMIN sees the settings read-only, "Set
 * by your operator". Signing in through the provider is covered by {@code SsoSignInIntegrationTest}.
 */
@BrowserJourney
class OperatorSingleSignOnJourneyTest extends Journey {

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
    void theOperatorSetsUpSingleSignOnAndTheAdminSeesItSetByTheOperator() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        String domain = "alder-" + TestData.suffix() + ".test";
        // The test profile names "operator" the operator; the account is made here with the test password if it is not there yet.
        TestData.Person operator = data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER, "operator");
        jdbc.sql("update user_account set password_hash = (select password_hash from user_account where id = :admin) where id = :op")
                .param("admin", org.admin().id()).param("op", operator.id()).update();
        Visitor op = visitor();

        op.signIn("operator", TestData.PASSWORD).open("/operator/organisations");
        op.clickLink("Single sign-on " + org.name());
        assertThat(op.heading()).hasText("Single sign-on for " + org.name());
        assertThat(op.page().locator(".govuk-inset-text")).containsText("/login/oauth2/code/" + org.id().value());

        op.clickButton("Save single sign-on");
        assertThat(op.page()).hasTitle(Pattern.compile("^Error: "));
        assertThat(op.page().locator("#domains-error")).hasText("Error: Enter at least one email domain, like council.gov.uk");

        op.fill("Issuer URL", provider.issuer())
                .fill("Client ID", "impact-alder")
                .fill("Client secret", "a secret the operator was given")
                .fill("Email domains that can sign in", domain)
                .choose("Yes, they can use a password or their work account")
                .choose("No role until an admin approves them")
                .clickButton("Save single sign-on");
        assertThat(op.page().locator(".govuk-notification-banner--success")).containsText("Single sign-on settings saved.");
        assertThat(op.page().content()).doesNotContain("a secret the operator was given");
        assertThat(jdbc.sql("select set_by from sso_settings where organisation_id = :org").param("org", org.id().value())
                .query(String.class).single()).isEqualTo("OPERATOR");

        // Passwords stay allowed for staff here, so the ADMIN can sign in with theirs to look.
        Visitor admin = phoneUser();
        admin.signIn(org.admin().username(), TestData.PASSWORD).open("/settings/sso");
        assertThat(admin.page().locator(".govuk-inset-text").last()).containsText("Set by your operator.");
        assertThat(admin.page().locator(".govuk-summary-list")).containsText(domain);
        assertThat(admin.page().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save single sign-on"))).hasCount(0);
    }
}
