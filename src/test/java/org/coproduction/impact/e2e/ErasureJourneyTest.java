package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

/** An ADMIN sets how long data is kept and what happens to an erased person's answers, then erases a member. */
@BrowserJourney
class ErasureJourneyTest extends Journey {

    @Test
    void anAdminErasesAMemberAfterSeeingWhatWillGo() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        TestData.Person member = org.person(Role.MEMBER);
        Visitor admin = visitor();

        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People");
        admin.clickLink("Erase " + member.name());

        assertThat(admin.heading()).hasText("Erase everything about " + member.name() + "?");
        assertThat(admin.page().locator("table")).containsText("Their place in your organisation and its projects");
        assertThat(admin.page().locator("main")).containsText("Your organisation chose to delete an erased person’s form answers.");

        admin.clickButton("Erase " + member.name());
        assertThat(admin.page().locator(".govuk-error-summary")).containsText("Select that you understand everything about " + member.name());
        assertThat(admin.page().locator("#confirm-error")).isVisible();

        admin.choose("I understand that everything about " + member.name() + " will be erased and cannot be brought back");
        admin.doubleClickButton("Erase " + member.name()); // a double click erases once

        assertThat(admin.heading()).hasText("People");
        assertThat(admin.page().locator(".govuk-notification-banner")).containsText("Everything about " + member.name() + " has been erased.");
        assertThat(admin.page().locator("table").first()).not().containsText(member.name());

        admin.clickLink("Activity log");
        assertThat(admin.page().locator("table")).containsText("PERSON_ERASED");
        assertThat(admin.page().locator("table")).not().containsText(member.name());
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'PERSON_ERASED'")
                .param("org", org.id().value()).query(Long.class).single()).isOne();
    }

    @Test
    void anAdminOnAPhoneSetsHowLongDataIsKept() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        Visitor admin = phoneUser();

        admin.signIn(org.admin().username(), TestData.PASSWORD).open("/people");
        admin.clickLink("Data protection settings: how long data is kept");
        assertThat(admin.heading()).hasText("Data protection settings");
        assertThat(admin.page().locator("main")).containsText("The nightly clean-up has not run for your organisation yet.");

        admin.fill("Answers to forms", "two years").fill("Activity log", "72");
        admin.clickButton("Save settings");
        assertThat(admin.page().locator(".govuk-error-summary")).containsText("Enter how long to keep answers to forms as a whole number of months");
        assertThat(admin.page().locator("#responses-error")).isVisible();
        assertThat(admin.page().locator("#responses")).hasValue("two years");

        admin.fill("Answers to forms", "24").choose("Keep them as anonymous figures");
        admin.clickButton("Save settings");
        assertThat(admin.page().locator(".govuk-notification-banner")).containsText("Your data protection settings have been saved.");
        assertThat(admin.page().locator("#responses")).hasValue("24");
        assertThat(admin.page().locator("#audit")).hasValue("72");
    }
}
