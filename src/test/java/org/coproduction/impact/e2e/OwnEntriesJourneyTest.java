package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class OwnEntriesJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    RecordService records;

    @Test
    void aMemberInEasyReadAddsACommentChangesItsWordsThenTakesItAway() {
        TestData.Org org = data.organisationWithEveryRole("Aspen");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        var project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        records.setMembersMayAdd(facilitator, project, true);

        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open(RecordService.base(project));
        member.clickButton("Easy read");
        member.clickLink("Say something");
        assertThat(member.heading()).hasText("Say something");
        assertThat(page.locator("#mine")).hasText("What you added");
        assertThat(page.locator("main")).containsText("You have not added anything to this project yet.");
        member.choose("A comment: what I think")
                .fill("Write it here", "The minibus is always late on Mondays.")
                .choose("The group and staff, to learn from it")
                .clickButton("Send it");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your words are saved.");

        // From the entry's page to "Change your words"; an empty box is explained next to it and nothing is saved.
        member.clickLink("Change");
        assertThat(member.heading()).hasText("Change your words");
        assertThat(page.locator(".app-easy-read-point .app-icon").first()).isVisible();
        assertThat(page.getByLabel("Your words")).hasValue("The minibus is always late on Mondays.");
        member.fill("Your words", "").clickButton("Save my words");
        assertThat(page.locator(".govuk-error-summary")).containsText("Write something first");
        assertThat(page.locator("#words-error")).containsText("Write something first");
        member.fill("Your words", "The minibus is late on Mondays. On other days it is fine.").clickButton("Save my words");

        // Back on "What you added", with the new words.
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your new words are saved.");
        Locator entry = page.locator(".app-own-entry");
        assertThat(entry).hasCount(1);
        assertThat(entry.locator("h3")).hasText("The minibus is late on Mondays. On other days it is fine.");
        assertThat(entry).containsText("Who can see it: The group and staff, to learn from it");
        for (Locator target : List.of(entry.getByRole(AriaRole.LINK).nth(0), entry.getByRole(AriaRole.LINK).nth(1),
                entry.getByRole(AriaRole.LINK).nth(2))) {
            BoundingBox box = target.boundingBox();
            assertThat(box.width).isGreaterThanOrEqualTo(44);
            assertThat(box.height).isGreaterThanOrEqualTo(44);
        }

        // Take it away, after "Are you sure?".
        member.click(entry.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Take it away")));
        assertThat(member.heading()).hasText("Are you sure?");
        assertThat(page.locator("main")).containsText("This takes it away. The group will not see it any more.");
        member.clickButton("Yes, take it away");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("It is taken away.");
        assertThat(page.locator(".app-own-entry")).hasCount(0);
        assertThat(page.locator("main")).containsText("You have not added anything to this project yet.");

        // The facilitator still has it, removed, with what it said first.
        RecordedItem kept = records.records(facilitator, project).items().getFirst();
        assertThat(kept.archived()).isTrue();
        assertThat(records.changes(facilitator, project, kept.id()).getFirst().wordsBefore()).isEqualTo("The minibus is always late on Mondays.");
    }
}
