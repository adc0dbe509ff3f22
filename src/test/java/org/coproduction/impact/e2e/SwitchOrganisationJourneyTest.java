package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class SwitchOrganisationJourneyTest extends Journey {

    @Test
    void someoneInTwoOrganisationsChangesOrganisationFromTheHeader() {
        // Memberships are listed by organisation name, so "Alder" is where the person starts.
        TestData.Org alder = data.organisationWithEveryRole("Alder");
        TestData.Person person = alder.person(Role.FACILITATOR);
        String birch = "Birch " + TestData.suffix();
        OrganisationId birchId = data.organisation(birch);
        data.addMembership(birchId, person.id(), Role.ADMIN);
        Visitor visitor = visitor();

        visitor.signIn(person.username(), TestData.PASSWORD);
        assertThat(visitor.headerOrganisation()).hasText(alder.name());
        assertThat(visitor.page().getByText("Your role here: Facilitator.")).isVisible();
        assertThat(peopleInMenu(visitor)).hasCount(0);

        visitor.clickLink("Change organisation");
        assertThat(visitor.heading()).hasText("Which organisation do you want to work in?");
        assertThat(visitor.page().getByLabel(alder.name())).isChecked();
        visitor.choose(birch).clickButton("Continue");

        assertThat(visitor.heading()).hasText("Home");
        assertThat(visitor.headerOrganisation()).hasText(birch);
        assertThat(visitor.page().getByText("Your role here: Admin.")).isVisible();
        assertThat(peopleInMenu(visitor)).hasCount(1);

        // The choice lasts for the rest of the visit.
        visitor.clickLink("People");
        assertThat(visitor.headerOrganisation()).hasText(birch);
        assertThat(personRow(visitor, person.name())).containsText("Admin");
    }

    private static Locator peopleInMenu(Visitor visitor) {
        return visitor.page().getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People").setExact(true));
    }
}
