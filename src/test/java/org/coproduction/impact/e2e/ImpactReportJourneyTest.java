package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.record.ConsentDraft;
import org.coproduction.impact.record.ConsentHow;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.record.Upload;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.ReviewReport;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Impact reports in the browser (axe on every page): the facilitator drafts and publishes one from a
 * closed review; a viewer reads it and downloads the PDF; a story's described photo is chosen and seen;
 * a member opens the easy-read summary on a phone.
 */
@BrowserJourney
class ImpactReportJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    org.coproduction.impact.involvement.InvolvementService involvement;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReportService reports;

    @Autowired
    RecordService records;

    @Autowired
    MediaService media;

    record Setup(TestData.Org org, Tenant facilitator, UUID project, UUID round) {}

    /** A project with a closed review: one outcome judged partly achieved, with a member's view. */
    private Setup setup(String label) {
        TestData.Org org = data.organisationWithEveryRole(label);
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(m.id())));
        EditResult r = pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("People make friends", Term.SHORT, true, List.of(), null));
        UUID outcome = ((EditResult.Saved) r).itemId();
        UUID round = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, March 2027", ReviewService.today(),
                List.of(outcome))).id();
        reviews.giveView(new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER), project, round, outcome, OwnView.YES, null);
        reviews.recordJudgement(facilitator, project, round, outcome, -1, Judgement.PARTLY, "Friendships started in the Tuesday group.",
                "Mix the groups once a month.");
        reviews.closeRound(facilitator, project, round, reviews.round(facilitator, project, round).version());
        return new Setup(org, facilitator, project, round);
    }

    private UUID published(Setup s) {
        UUID id = ((ReportResult.Saved) reports.create(s.facilitator(), s.project(), s.round(), ReportKind.IMPACT, "What changed in 2027")).id();
        ReviewReport r = reports.report(s.facilitator(), s.project(), id);
        reports.update(s.facilitator(), s.project(), id, r.version(), r.title(), r.audience(),
                new ReportWords("More people come each week.", null, null, null, "Open on Saturdays.", "People made friends.",
                        "We will open on Saturdays."), List.of());
        reports.publish(s.facilitator(), s.project(), id, reports.report(s.facilitator(), s.project(), id).version());
        return id;
    }

    @Test
    void theFacilitatorDraftsAndPublishesAnImpactReport() {
        Setup s = setup("Rowan");
        // A payment given a week after it was offered: "How we worked together" reports it.
        java.time.LocalDate offered = java.time.LocalDate.of(2027, 1, 4);
        involvement.record(s.facilitator(), s.project(), new org.coproduction.impact.involvement.InvolvementService.ReciprocityDraft(
                s.org().person(Role.MEMBER).id(), org.coproduction.impact.involvement.ReciprocityKind.PAYMENT, null, 2000L, offered,
                offered.plusDays(7), true));
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(s.org().person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/projects/" + s.project());
        facilitator.clickLink("Impact and learning reports: tell others what changed, from a closed review");
        facilitator.clickLink("Start a report");
        facilitator.clickButton("Start the draft");
        assertThat(page.locator("#kind-error")).containsText("Choose the kind of report");
        facilitator.choose("Impact report").choose("Review, March 2027").fill("Title of the report", "What changed in 2027")
                .clickButton("Start the draft");
        assertThat(facilitator.heading()).hasText("Write the report: What changed in 2027");
        assertThat(page.getByLabel("Reports to funders and commissioners")).isChecked();
        facilitator.fill("What we can say about the project impact", "More people come each week, and stay longer.")
                .fill("What happens next", "Open on Saturdays.")
                .clickButton("Save and check the report");
        assertThat(page.locator(".govuk-warning-text")).containsText("Publishing freezes its figures, judgements and words");
        assertThat(page.locator("main")).containsText("More people come each week, and stay longer.");
        assertThat(page.locator("main")).containsText("Friendships started in the Tuesday group.");
        facilitator.clickButton("Publish the report");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The report is published.");
        assertThat(facilitator.heading()).hasText("What changed in 2027");
        assertThat(page.locator("svg.app-report-chart title")).hasText("Judgements at a glance");
        assertThat(page.locator("main")).containsText("Partly achieved (3/4)");
        // The pathway has no impact statement yet, but the project impact has its words: no "Not written yet." beside them.
        assertThat(page.locator("h3:has-text('Project impact') + p")).hasText("More people come each week, and stay longer.");
        assertThat(page.locator("main")).containsText("How we worked together");
        assertThat(page.locator("main")).containsText("Payments took a median of 7 days from being offered to being paid.");
    }

    @Test
    void aViewerReadsThePublishedReportAndDownloadsThePdf() throws Exception {
        Setup s = setup("Hazel");
        published(s);
        Visitor viewer = visitor();
        Page page = viewer.page();
        viewer.signIn(s.org().person(Role.VIEWER).username(), TestData.PASSWORD).open("/");
        viewer.clickLink("Reports");
        assertThat(viewer.heading()).hasText("Published reports");
        viewer.clickLink("What changed in 2027");
        assertThat(viewer.heading()).hasText("What changed in 2027");
        assertThat(page.locator("main")).containsText("More people come each week.");
        assertThat(page.locator("main")).containsText("Judgement: Partly achieved");
        String href = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the report as a PDF").setExact(true))
                .getAttribute("href");
        APIResponse pdf = viewer.context().request().get("http://localhost:" + port + href);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertPdfUa1(pdf.body());
    }

    @Test
    void theFacilitatorTellsAStoryWithItsPhotoAndAViewerSeesThePhotoDescribed() {
        Setup s = setup("Alder");
        UUID outcome = pathways.pathway(s.facilitator(), s.project()).currentOutcomes().getFirst().id();
        UUID story = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.caseStudy("The raised bed",
                ReviewService.today().minusDays(3), Speaker.ANONYMOUS, null, null, "Nobody gardened.", "We built a raised bed.",
                "People take beans home.", "I love it.", List.of(outcome), List.of(), List.of()),
                List.of(new Upload("beans.png", TestMedia.png(40, 20))))).id();
        UUID photo = records.item(s.facilitator(), s.project(), story).mediaIds().getFirst();
        media.describe(s.facilitator(), photo, "Sam and Jo planting beans in the raised bed");
        records.addConsent(s.facilitator(), s.project(), story, new ConsentDraft("Sam", ConsentHow.WRITTEN,
                java.util.EnumSet.of(ConsentUse.FUNDER_REPORTS), null));
        UUID report = ((ReportResult.Saved) reports.create(s.facilitator(), s.project(), s.round(), ReportKind.IMPACT, "The garden")).id();

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(s.org().person(Role.FACILITATOR).username(), TestData.PASSWORD)
                .open(ReportService.base(s.project()) + "/" + report + "/edit");
        facilitator.choose("The raised bed").clickButton("Save and check the report");
        assertThat(page.locator(".app-report-photo img")).hasAttribute("alt", "Sam and Jo planting beans in the raised bed");
        facilitator.clickButton("Publish the report");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The report is published.");

        Visitor viewer = visitor();
        Page read = viewer.page();
        viewer.signIn(s.org().person(Role.VIEWER).username(), TestData.PASSWORD).open("/");
        viewer.clickLink("Reports").clickLink("The garden");
        Locator picture = read.locator(".app-report-photo img");
        assertThat(picture).hasAttribute("alt", "Sam and Jo planting beans in the raised bed");
        // The picture really loads for the viewer (served through the report, not the media library).
        assertThat(picture.getAttribute("src")).contains("/review-reports/" + report + "/pictures/" + photo);
        assertThat((Boolean) picture.evaluate("img => img.complete && img.naturalWidth === 40")).isTrue();
        assertThat(read.locator("main")).containsText("The raised bed");
    }

    @Test
    void aMemberOpensTheEasyReadSummaryOnAPhone() {
        Setup s = setup("Willow");
        published(s);
        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(s.org().person(Role.MEMBER).username(), TestData.PASSWORD).open("/projects/" + s.project());
        assertThat(page.locator(".app-see-first")).containsText("Our report is ready");
        member.clickLink("Read the easy-read summary of What changed in 2027");
        assertThat(member.heading()).hasText("In easy read: What changed in 2027");
        assertThat(page.locator("main h2")).hasText(new String[] {"What we did", "What changed", "What we learned", "What happens next"});
        assertThat(page.locator("main")).containsText("People make friends. This happened a bit.");
        assertThat(page.locator("main")).containsText("We will open on Saturdays.");
        assertThat(page.locator(".app-easy-read-point svg")).hasCount(4);
    }
}
