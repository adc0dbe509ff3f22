package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.involvement.AccessNeed;
import org.coproduction.impact.involvement.AccessNeeds;
import org.coproduction.impact.involvement.AccessNeedsService;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class AccessNeedsJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    RecordService records;

    @Autowired
    AccessNeedsService access;

    @Test
    void aMemberSetsTheirAccessNeedsOnAPhoneInEasyRead() {
        TestData.Org org = data.organisationWithEveryRole("Access");
        TestData.Person member = org.person(Role.MEMBER);

        Visitor visitor = phoneUser();
        Page page = visitor.page();
        visitor.signIn(member.username(), TestData.PASSWORD).open("/");
        visitor.clickButton("Easy read");
        visitor.clickLink("Your access needs: what helps you take part");
        assertThat(visitor.heading()).hasText("What helps you take part");
        assertThat(page.locator("main")).containsText("Only you, the people who run your projects");
        assertThat(page.locator(".app-needs__icon")).hasCount(7);

        visitor.choose("Step-free access (no stairs)");
        visitor.choose("Someone with me (a supporter)");
        visitor.fill("Times you cannot make", "Not before 10 in the morning");
        visitor.clickButton("Save");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your access needs are saved.");
        assertThat(page.getByLabel("Step-free access (no stairs)", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Large print", new Page.GetByLabelOptions().setExact(true))).not().isChecked();
        assertThat(page.locator("#set-by")).containsText("You last changed these on");

        visitor.clickButton("Take my access needs away");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your access needs are taken away.");
        assertThat(page.getByLabel("Step-free access (no stairs)", new Page.GetByLabelOptions().setExact(true))).not().isChecked();
    }

    @Test
    void aFacilitatorSeesWhatPeopleNeedOnAnActivitysAttendanceAndSetsThemWithAMember() {
        TestData.Org org = data.organisationWithEveryRole("Access planning");
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        TestData.Person ann = org.person(Role.MEMBER);
        TestData.Person bo = data.person(org.id(), Role.MEMBER, "bo-" + TestData.suffix());
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(asFacilitator, new ProjectService.ProjectDetails("Lunch club " + TestData.suffix(), null, null, null, null,
                facilitator.id(), true, List.of(ann.id(), bo.id())));
        for (TestData.Person p : List.of(ann, bo)) {
            access.saveOwn(new Tenant(new UserId(p.id()), org.id(), org.name(), Role.MEMBER),
                    new AccessNeeds.Draft(EnumSet.of(AccessNeed.STEP_FREE), null, null));
        }
        UUID lunch = ((RecordEdit.Saved) records.add(asFacilitator, project, ItemDraft.activity("Lunch and a chat", LocalDate.now(),
                ActivityKind.MEETING, null, null, List.of(ann.id(), bo.id()), 2, null, null, List.of(), List.of(), List.of()))).id();

        Visitor visitor = visitor();
        Page page = visitor.page();
        visitor.signIn(facilitator.username(), TestData.PASSWORD).open("/projects/" + project + "/recorded/items/" + lunch);
        assertThat(page.locator("#access-needs")).containsText("What the people who came need");
        // Names in alphabetical order, as the list of the project's people.
        String both = String.join(", ", java.util.stream.Stream.of(ann.name(), bo.name()).sorted().toList());
        assertThat(page.locator("#access-needs li")).hasText(new String[] {"2 people need step-free access (" + both + ")"});

        visitor.open("/projects/" + project);
        visitor.clickLink("Access needs of the people taking part");
        assertThat(visitor.heading()).hasText("Access needs");
        visitor.clickLink("Fill in with them for " + bo.name());
        assertThat(visitor.heading()).hasText("Access needs: " + bo.name());
        visitor.choose("Breaks");
        visitor.fill("Anything else", "A quiet room");
        visitor.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Access needs saved for " + bo.name());
        assertThat(page.locator("#people")).containsText("Anything else: A quiet room");

        // Planning the next one: the project's people, counted.
        visitor.open("/projects/" + project + "/recorded/activities/new");
        assertThat(page.locator("#access-needs")).containsText("What the people in this project need");
        assertThat(page.locator("#access-needs")).containsText("1 person needs breaks (" + bo.name() + ")");
    }
}
