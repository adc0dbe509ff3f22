package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class ChangeRoleJourneyTest extends Journey {

    @Test
    void anAdminMakesAMemberAFacilitatorOnTheirPhone() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor admin = phoneUser();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People");
        assertThat(personRow(admin, member.name())).containsText("Member");
        admin.clickLink("Change role for " + member.name());

        assertThat(admin.heading()).hasText("What role should " + member.name() + " have?");
        assertThat(admin.page().getByLabel("Member", new Page.GetByLabelOptions().setExact(true))).isChecked();
        admin.choose("Facilitator").clickButton("Save role");

        assertThat(admin.heading()).hasText("People");
        assertThat(admin.page().locator(".govuk-notification-banner--success")).containsText(member.name() + " is now Facilitator.");
        assertThat(personRow(admin, member.name())).containsText("Facilitator");
        assertThat(roleOf(member)).isEqualTo("FACILITATOR");

        admin.clickLink("Activity log");
        assertThat(admin.page().getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(member.name())).first())
                .containsText(Pattern.compile("facilitator", Pattern.CASE_INSENSITIVE));
    }

    @Test
    void theLastAdminCannotStopBeingAnAdmin() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        TestData.Person me = org.admin();
        Visitor admin = visitor();

        admin.signIn(me.username(), TestData.PASSWORD).clickLink("People").clickLink("Change role for " + me.name());
        admin.choose("Member").clickButton("Save role");

        String message = "An organisation must have at least one admin. Make someone else an admin first";
        assertThat(admin.page()).hasTitle(Pattern.compile("^Error: "));
        assertThat(admin.page().locator(".govuk-error-summary")).containsText(message);
        assertThat(admin.page().locator("#role-error")).hasText("Error: " + message);
        assertThat(roleOf(me)).isEqualTo("ADMIN");
        admin.clickLink("People");
        assertThat(personRow(admin, me.name())).containsText("Admin");
    }

    private String roleOf(TestData.Person person) {
        return jdbc.sql("select role from membership where id = :id").param("id", person.membershipId()).query(String.class).single();
    }
}
