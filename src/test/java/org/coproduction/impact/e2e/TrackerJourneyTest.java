package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.e2e.PathwaySetup.STEERING_GROUP;
import static org.coproduction.impact.e2e.PathwaySetup.USE_THE_CENTRE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.coproduction.impact.tracker.TaskDraft;
import org.coproduction.impact.tracker.TaskStatus;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.tracker.TrackerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class TrackerJourneyTest extends Journey {

    private static final String TERMS = "Agree the steering group’s terms of reference";
    private static final String CASE_STUDY = "Case study: Amir chairs his first steering group meeting";
    private static final String TEAM_ONLY = "Comment from Jo, for the team only";

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    PlanService plans;

    @Autowired
    EvidenceService evidence;

    @Autowired
    TrackerService tracker;

    @Autowired
    TestEvidence testEvidence;

    /** A day-centre project whose plan says the steering group is shown by a task completed and by people's ratings. */
    private PathwaySetup dayCentre(TestData.Org org) {
        PathwaySetup setup = PathwaySetup.newProject(projects, pathways, org, false, org.person(Role.MEMBER)).problemAndImpact()
                .outcome(USE_THE_CENTRE, Term.LONG, true, null)
                .outcome(STEERING_GROUP, Term.SHORT, false, null, USE_THE_CENTRE);
        Tenant f = facilitator(org);
        UUID way = evidence.currentWayFromSeed(f, "action-trackers").orElseThrow().id();
        UUID survey = evidence.currentWayFromSeed(f, "surveys").orElseThrow().id();
        plans.addRow(f, setup.project(), setup.outcome(STEERING_GROUP), new PlanRowDraft(EvidenceType.TASKS_COMPLETED,
                "The steering group’s terms of reference, agreed", List.of(way), "The group has agreed how it works", null, null, null,
                null, null, null));
        plans.addRow(f, setup.project(), setup.outcome(STEERING_GROUP), new PlanRowDraft(EvidenceType.PEOPLES_RATINGS,
                "Members rate how much say they have", List.of(survey), "Members say they have a real say", null, null, null,
                null, null, null));
        return setup;
    }

    private static Tenant facilitator(TestData.Org org) {
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
    }

    private static Locator coverageRow(Page page, String outcome) {
        return page.locator("#coverage-table tbody tr").filter(new Locator.FilterOptions().setHasText(outcome));
    }

    @Test
    void theFacilitatorCompletesAMilestoneWithANoteAndADocumentAndTheProjectPageShowsTheNewEvidence() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        PathwaySetup setup = dayCentre(org);
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/projects/" + setup.project());
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("None yet");
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("Planned: tasks completed. None yet.");
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("Planned: people’s ratings. None yet.");
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("No evidence yet");

        // Add the milestone, for the steering group outcome.
        facilitator.clickLink("Tasks and milestones: who is doing what, by when, and what is done");
        assertThat(facilitator.heading()).hasText("Tasks and milestones");
        facilitator.clickLink("Add a task").fill("Task", TERMS);
        page.getByLabel("Who is doing it", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(org.person(Role.FACILITATOR).name()));
        page.locator("#dueOn-day").fill("1");
        page.locator("#dueOn-month").fill("3");
        page.locator("#dueOn-year").fill("2026");
        facilitator.choose("This is a milestone").choose(STEERING_GROUP).clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added the task “" + TERMS + "”.");
        Locator row = page.locator("#tasks tbody tr").filter(new Locator.FilterOptions().setHasText(TERMS));
        assertThat(row).containsText("Milestone");
        assertThat(row).containsText("Not started");
        if (TrackerService.today().isAfter(LocalDate.of(2026, 3, 1))) {
            assertThat(row).containsText("Overdue");
        }

        // Done: the page asks what shows it, and takes the agreed document.
        facilitator.clickLink(TERMS).clickLink("Mark as done");
        assertThat(facilitator.heading()).hasText("Change the status");
        assertThat(page.getByLabel("Done", new Page.GetByLabelOptions().setExact(true))).isChecked();
        facilitator.clickButton("Save");
        assertThat(page.locator(".govuk-error-summary")).containsText("Say what shows it is done");
        facilitator.fill("What shows it is done?", "Steering group formed; terms of reference agreed at the meeting on 3 March");
        page.locator("#doneOn-day").fill("3");
        page.locator("#doneOn-month").fill("3");
        page.locator("#doneOn-year").fill("2026");
        page.getByLabel("A document that shows it is done (optional)").setInputFiles(new FilePayload("terms-of-reference.pdf",
                "application/pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(StandardCharsets.US_ASCII)));
        facilitator.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The task is now: Done.");
        assertThat(page.locator("main")).containsText("Steering group formed; terms of reference agreed at the meeting on 3 March");
        assertThat(page.locator("main")).containsText("3 March 2026");
        assertThat(page.locator("main a[href^='/media/']")).containsText("terms-of-reference.pdf");
        assertThat(page.locator("#history ~ ol li")).hasCount(2);
        assertThat(page.locator("main")).containsText("Changed from Not started to Done");

        // The project page: the milestone now counts for the steering group; the ratings are still to come.
        facilitator.open("/projects/" + setup.project());
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("Tasks completed: 1");
        assertThat(coverageRow(page, STEERING_GROUP)).not().containsText("Planned: tasks completed.");
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("Planned: people’s ratings. None yet.");
        assertThat(coverageRow(page, STEERING_GROUP)).containsText("3 March 2026");
        facilitator.click(coverageRow(page, STEERING_GROUP).getByRole(com.microsoft.playwright.options.AriaRole.LINK));
        assertThat(facilitator.heading()).hasText("Evidence for “" + STEERING_GROUP + "”");
        assertThat(page.locator("main")).containsText(TERMS);
        assertThat(page.locator("main")).containsText("A milestone reached, 3 March 2026");
        assertThat(jdbc.sql("select count(*) from tracker_task_change c join tracker_task t on t.id = c.task_id where t.project_id = :p")
                .param("p", setup.project()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theFacilitatorWritesAProgressReportForFundersAndOnlyItemsWithConsentForFundersAppear() {
        TestData.Org org = data.organisationWithEveryRole("Hazel");
        PathwaySetup setup = dayCentre(org);
        Tenant f = facilitator(org);
        UUID steering = setup.outcome(STEERING_GROUP);
        LocalDate today = TrackerService.today();
        UUID milestone = ((TrackerResult.Saved) tracker.addTask(f, setup.project(), new TaskDraft(TERMS, f.userId().value(), null,
                today.minusDays(20), true, Set.of(steering), Set.of()))).id();
        tracker.changeStatus(f, setup.project(), milestone, tracker.task(f, setup.project(), milestone).version(), TaskStatus.DONE,
                today.minusDays(10), "Terms of reference agreed", null);
        EvidenceItem caseStudy = new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), EvidenceType.PEOPLES_VOICES,
                "tracker.evidence.kind.task", CASE_STUDY, today.minusDays(5), Set.of(steering), Set.of(), true,
                EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS), null);
        EvidenceItem teamOnly = new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), EvidenceType.PEOPLES_VOICES,
                "tracker.evidence.kind.task", TEAM_ONLY, today.minusDays(3), Set.of(steering), Set.of(), true,
                Set.of(ConsentUse.INTERNAL_LEARNING), null);
        testEvidence.set(org.id(), setup.project(), List.of(caseStudy, teamOnly));

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/projects/" + setup.project())
                .clickLink("Progress reports for a period: milestones, challenges, risks and people’s stories")
                .clickLink("Write a progress report");
        assertThat(facilitator.heading()).hasText("Write a progress report");
        assertThat(page.getByLabel("Reports to funders and commissioners", new Page.GetByLabelOptions().setExact(true))).isChecked();
        facilitator.fill("Title", "Report to the council: spring")
                .choose(TERMS)
                .choose(STEERING_GROUP)
                .fill("Challenges", "Getting to evening meetings without transport")
                .fill("Risks", "Two members may move away in the summer")
                .choose(CASE_STUDY)
                .choose(TEAM_ONLY)
                .clickButton("Save");

        assertThat(facilitator.heading()).hasText("Report to the council: spring");
        assertThat(page.locator("#report-milestones")).containsText(TERMS);
        assertThat(page.locator("#report-items")).containsText(CASE_STUDY);
        assertThat(page.locator("main")).not().containsText(TEAM_ONLY);
        assertThat(page.locator("#left-out")).containsText("1 item left out because consent does not cover this use.");

        // Amir withdraws consent for reports to funders: the report leaves out the case study the next time it is shown.
        testEvidence.set(org.id(), setup.project(), List.of(new EvidenceItem(caseStudy.source(), caseStudy.id(), caseStudy.type(),
                caseStudy.kindKey(), caseStudy.title(), caseStudy.date(), caseStudy.outcomeIds(), caseStudy.planRowIds(), true,
                Set.of(ConsentUse.INTERNAL_LEARNING), null), teamOnly));
        facilitator.open("/projects/" + setup.project() + "/reports");
        facilitator.clickLink("Report to the council: spring");
        assertThat(page.locator("main")).not().containsText(CASE_STUDY);
        assertThat(page.locator("#left-out")).containsText("2 items left out because consent does not cover this use.");
        assertThat(page.locator("#report-items")).hasCount(0);
        assertThat(jdbc.sql("select count(*) from progress_report_item i join progress_report r on r.id = i.report_id where r.project_id = :p")
                .param("p", setup.project()).query(Integer.class).single()).isEqualTo(2);

        // The report is no longer wanted: the facilitator removes it; the list says so and the evidence is untouched.
        facilitator.clickButton("Remove the report");
        assertThat(facilitator.heading()).hasText("Progress reports");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Removed the report “Report to the council: spring”");
        assertThat(page.locator("main")).containsText("There are no progress reports yet.");
    }
}
