package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.together.SelfAssessmentService;
import org.coproduction.impact.tracker.TrackerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class SelfAssessmentJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    TrackerService tracker;

    private static Locator statement(Page page, String words) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(words).setExact(true));
    }

    @Test
    void membersAndStaffAssessTheProjectAndTheFacilitatorComparesTheirViewsAndTurnsAWeakAreaIntoAnAction() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));

        // The facilitator starts a round from the project page.
        Visitor staff = visitor();
        Page staffPage = staff.page();
        staff.signIn(f.username(), TestData.PASSWORD).open("/projects/" + project);
        staff.clickLink("How well are we co-producing? The self-assessment");
        assertThat(staff.heading()).hasText("How well are we co-producing?");
        staff.clickButton("Start it");
        assertThat(staffPage.locator("#title-error")).containsText("Give the self-assessment a name");
        staff.fill("Name", "Spring 2027").clickButton("Start it");
        assertThat(staffPage.locator(".govuk-notification-banner--success")).containsText("The self-assessment is started.");

        // A member answers on a phone, in easy read: the statements in easy-read words, pictures beside them.
        Visitor member = phoneUser();
        Page memberPage = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open(SelfAssessmentService.base(project));
        member.clickButton("Easy read");
        member.click(memberPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Give your view\\s*: Spring 2027"))));
        assertThat(member.heading()).hasText("Spring 2027");
        assertThat(memberPage.locator(".app-easy-read-point .app-icon").first()).isVisible();
        statement(memberPage, "I can get to our meetings.").getByLabel("Never").check();
        memberPage.locator("textarea[name^=comment-]").nth(6).fill("The bus stops at six.");
        statement(memberPage, "My views count as much as staff views.").getByLabel("Mostly").check();
        member.choose("Consultation").fill("Why?", "We are asked, then staff decide.").clickButton("Save my answers");
        assertThat(memberPage.locator(".govuk-notification-banner--success")).containsText("Thank you. Your answers are saved.");
        member.assertEveryPageChecked();

        // Staff give their own view of the same statements, in plain words.
        staff.click(staffPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Give your view\\s*: Spring 2027"))));
        statement(staffPage, "Meetings are at times and places members can get to.").getByLabel("Always").check();
        statement(staffPage, "Members’ views count as much as staff views when decisions are made.").getByLabel("Mostly").check();
        staff.choose("Co-production").clickButton("Save my answers");

        // The facilitator compares the two views: in words, a chart with its title, and a table.
        staff.click(staffPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Compare members’ and staff’s views\\s*: Spring 2027"))));
        assertThat(staffPage.locator("#in-words")).containsText("Accessibility: members rate this lower than staff do (1.0 against 4.0 out of 4).");
        assertThat(staffPage.locator("#in-words")).containsText("Equality: members and staff see this much the same (3.0 and 3.0 out of 4).");
        assertThat(staffPage.locator("#chart svg title")).hasText("Members’ and staff’s views by principle");
        // A principle nobody has answered says so, rather than drawing a misleading 0.
        assertThat(staffPage.locator("#chart svg")).containsText("Members: no answers yet");
        assertThat(staffPage.locator("#chart svg")).not().containsText("Members 0");
        assertThat(staffPage.locator("#results-table")).containsText("1.0 out of 4 (1 answer)");
        assertThat(staffPage.locator("main")).containsText("A member said: The bus stops at six.");
        assertThat(staffPage.locator("main")).containsText("Members put the project at: Consultation");
        assertThat(staffPage.locator("main")).containsText("Staff put the project at: Co-production");

        // One click turns the weak area into a task in the tracker.
        staff.clickButton("Make Accessibility an action in the tracker");
        assertThat(staffPage.locator(".govuk-notification-banner--success")).containsText("A task for Accessibility is in the tracker.");
        staff.clickLink("Action for Accessibility: see the task");
        assertThat(staff.heading()).containsText("Improve Accessibility");
        assertThat(tracker.tasks(facilitator, project)).hasSize(1);
        staff.assertEveryPageChecked();
    }

    @Test
    void theWholeOrganisationAssessesItselfAndAWeakAreaBecomesAnActionInAProject() {
        TestData.Org org = data.organisationWithEveryRole("Juniper");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Steering group " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));

        // An admin starts the organisation's own round from the home page.
        Visitor admin = visitor();
        Page adminPage = admin.page();
        admin.signIn(org.admin().username(), TestData.PASSWORD).open("/");
        admin.clickLink("How well does the organisation co-produce? Its self-assessment");
        assertThat(admin.heading()).hasText("How well does the organisation co-produce?");
        admin.fill("Name", "Our organisation, 2027").clickButton("Start it");
        assertThat(adminPage.locator(".govuk-notification-banner--success")).containsText("The self-assessment is started.");

        // A member, in no project at all, is asked on their home page and answers on a phone.
        Visitor member = phoneUser();
        Page memberPage = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open("/");
        assertThat(memberPage.locator("main")).containsText("The organisation’s self-assessment “Our organisation, 2027” is waiting for your view.");
        member.clickLink("Give your view");
        assertThat(member.heading()).hasText("Our organisation, 2027");
        assertThat(memberPage.locator(".govuk-caption-l")).hasText(org.name());
        statement(memberPage, "My views count as much as staff views.").getByLabel("Never").check();
        member.clickButton("Save my answers");
        assertThat(memberPage.locator(".govuk-notification-banner--success")).containsText("Thank you. Your answers are saved.");
        member.open("/");
        assertThat(memberPage.locator("main")).not().containsText("is waiting for your view");
        member.assertEveryPageChecked();

        // The admin gives the staff view, reads the two side by side, and puts the weak area into the project's tasks.
        admin.open("/");
        admin.clickLink("Give your view");
        statement(adminPage, "Members’ views count as much as staff views when decisions are made.").getByLabel("Always").check();
        admin.choose("Co-production").clickButton("Save my answers");
        admin.click(adminPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Compare members’ and staff’s views\\s*: Our organisation, 2027"))));
        assertThat(adminPage.locator("#in-words")).containsText("Equality: members rate this lower than staff do (1.0 against 4.0 out of 4).");
        assertThat(adminPage.locator("main")).containsText("Staff put the organisation at: Co-production");
        adminPage.getByLabel("Which project’s tasks should the action for Equality go in?").selectOption(project.toString());
        admin.clickButton("Make Equality an action in the tracker");
        assertThat(adminPage.locator(".govuk-notification-banner--success")).containsText("A task for Equality is in the tracker.");
        admin.clickLink("Action for Equality: see the task");
        assertThat(admin.heading()).containsText("Improve Equality");
        assertThat(tracker.tasks(facilitator, project)).hasSize(1);
        admin.assertEveryPageChecked();
    }
}
