package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class RecordEvidenceJourneyTest extends Journey {

    private static final String MEETINGS = "Monthly steering group meetings";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    RecordService records;

    private PathwaySetup dayCentre(TestData.Org org) {
        return PathwaySetup.newProject(projects, pathways, org, true, org.person(Role.MEMBER)).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, null)
                .outcome(STEERING_GROUP, Term.SHORT, false, null, USE_THE_CENTRE)
                .activity(MEETINGS, ActivityKind.MEETING, STEERING_GROUP);
    }

    @Test
    void theFacilitatorLogsAMeetingWithWhoCameAndItsMinutes() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        PathwaySetup setup = dayCentre(org);
        String member = org.person(Role.MEMBER).name();
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/projects/" + setup.project())
                .clickLink("Evidence we have recorded: activities, what people said and case studies");
        assertThat(facilitator.heading()).hasText("Evidence we have recorded");
        assertThat(page.locator("#items")).hasText("No items");

        facilitator.clickLink("Log an activity");
        assertThat(facilitator.heading()).hasText("Log an activity");
        facilitator.fill("What was the activity called?", "Steering group: agreeing our terms of reference")
                .choose("Meeting")
                .fill("Where did it happen?", "The day centre meeting room")
                .fill("Who facilitated it?", "The facilitator and a group member")
                .choose(member)
                .fill("How many other people took part?", "two");
        page.getByLabel("Which activity in the pathway does it deliver?").selectOption(new SelectOption().setLabel(MEETINGS));
        page.getByLabel("Minutes or materials (optional)").setInputFiles(new FilePayload("minutes.pdf", "application/pdf", TestMedia.pdf()));
        facilitator.choose(STEERING_GROUP).fill("New themes (optional)", "Steering group, decisions").clickButton("Save");

        // A word for a number is explained, and nothing is lost but the file, which is chosen again.
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the number of other people as a whole number from 0 to 100,000");
        assertThat(page.getByLabel("What was the activity called?")).hasValue("Steering group: agreeing our terms of reference");
        assertThat(page.getByLabel(member)).isChecked();
        facilitator.fill("How many other people took part?", "2");
        page.getByLabel("Minutes or materials (optional)").setInputFiles(new FilePayload("minutes.pdf", "application/pdf", TestMedia.pdf()));
        facilitator.clickButton("Save");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved.");
        assertThat(facilitator.heading()).hasText("Steering group: agreeing our terms of reference");
        assertThat(page.locator(".govuk-summary-list")).containsText("3 people: 1 named and 2 others");
        assertThat(page.locator(".govuk-summary-list")).containsText(member);
        assertThat(page.locator(".govuk-summary-list")).containsText(MEETINGS);
        assertThat(page.locator(".govuk-summary-list")).containsText("decisions, steering group");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download minutes.pdf"))).isVisible();
        assertThat(page.locator("#consent ~ p").first()).hasText("This shows or quotes no one by name, so it needs no consent.");

        facilitator.clickLink("Back").clickLink("Reach over time: sessions and people taking part");
        LocalDate today = RecordService.today();
        assertThat(page.locator("#reach tbody tr")).hasText(new String[] {
                today.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + today.getYear() + " 1 3 1 2 1"});
    }

    @Test
    void theFacilitatorRecordsACommentAndACaseStudyWithAPhotoAndConsent() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        PathwaySetup setup = dayCentre(org);
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open(RecordService.base(setup.project()));

        facilitator.clickLink("Record what people said");
        facilitator.choose("A comment").choose("Anonymous")
                .fill("In what setting?", "At lunch in the centre")
                .fill("What did they say or write?", "I like that we choose the activities now.")
                .choose(USE_THE_CENTRE).clickButton("Save");
        assertThat(facilitator.heading()).hasText("I like that we choose the activities now.");
        assertThat(page.locator("#consent ~ p").first()).hasText("This shows or quotes no one by name, so it needs no consent.");

        facilitator.clickLink("Back").clickLink("Write a case study");
        facilitator.fill("A title for the story", "Sam joins the steering group")
                .choose("Someone else, named").fill("Their name", "Sam Jones")
                .fill("The situation before", "Sam did not go out much and had never been asked what the centre should do.")
                .fill("What happened", "Sam came to the open day, then joined the steering group.")
                .fill("What changed", "Sam now chairs the meeting about the timetable.")
                .fill("In their own words", "I feel listened to.");
        page.getByLabel("A photo, recording or document (optional)").setInputFiles(new FilePayload("sam.png", "image/png", TestMedia.png(40, 30)));
        facilitator.choose(STEERING_GROUP).clickButton("Save");
        assertThat(facilitator.heading()).hasText("Sam joins the steering group");
        assertThat(page.locator(".govuk-warning-text").first()).containsText("No description yet for sam.png");
        assertThat(page.locator("#consent ~ .govuk-warning-text")).containsText("No consent in force");

        // Sharing needs consent for funders first.
        facilitator.clickButton("Share it");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Record consent for reports to funders before sharing this");

        facilitator.clickLink("Record consent");
        assertThat(page.getByLabel("Who gave consent?")).hasValue("Sam Jones");
        facilitator.choose("On an easy-read consent form")
                .choose("Learning inside our organisation and group")
                .choose("Reports to funders and commissioners")
                .clickButton("Save consent");
        assertThat(page.locator("#consented-uses li")).hasText(new String[] {
                "Learning inside our organisation and group", "Reports to funders and commissioners"});
        facilitator.clickButton("Share it");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Shared with viewers and members.");

        // The funder reads it; then consent is withdrawn and it is gone at once.
        Visitor viewer = visitor();
        viewer.signIn(org.person(Role.VIEWER).username(), TestData.PASSWORD).open("/published-evidence");
        assertThat(viewer.page().locator(".app-published-item h2")).hasText(new String[] {"Sam joins the steering group"});
        facilitator.clickButton("Withdraw Sam Jones’s consent");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Consent withdrawn.");
        viewer.open("/published-evidence");
        assertThat(viewer.page().locator(".app-published-item")).hasCount(0);
    }

    @Test
    void aMemberAddsADiaryEntryOnTheirPhoneInEasyRead() {
        TestData.Org org = data.organisationWithEveryRole("Willow");
        PathwaySetup setup = dayCentre(org);
        TestData.Person f = org.person(Role.FACILITATOR);
        records.setMembersMayAdd(new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR), setup.project(), true);

        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open(RecordService.base(setup.project()));
        member.clickButton("Easy read");
        assertThat(page.locator("main")).containsText("Here you can see things people said and did in this project.");
        member.clickLink("Say something");
        assertThat(member.heading()).hasText("Say something");
        member.choose("A diary entry: what happened to me")
                .fill("Write it here", "Today I helped choose the activities for next month. I felt proud.")
                .choose("The group and staff, to learn from it")
                .clickButton("Send it");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your words are saved.");
        assertThat(page.locator("blockquote")).hasText("Today I helped choose the activities for next month. I felt proud.");
        member.clickLink("Back");
        assertThat(page.locator(".app-record-list__item h3")).hasText(new String[] {"Today I helped choose the activities for next month. I felt…"});
    }
}
