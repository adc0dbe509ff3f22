package org.coproduction.impact.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.coproduction.impact.assessment.Judgement;
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
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * How long the service takes to make a long impact report as a tagged PDF (and as a Word file), run
 * by hand, never in CI (the name does not end in Test, so Surefire leaves it out unless asked):
 *
 * <pre>./mvnw -o -q test -Dtest=ReportPdfBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It builds, on the tests' database, a project of {@value #OUTCOMES} outcomes, each judged in a
 * closed review with reasons and next steps of a long paragraph, and {@value #STORIES} case studies
 * with a described photo each, consented for funders, told in a published impact report; then it
 * downloads the PDF and the Word file as a facilitator {@value #WARM_UP} times to warm up and
 * {@value #RUNS} times with a timer, and prints the median and slowest time, the size and the PDF's
 * page count. The only assertion is that the report is as long as the issue asks (30 pages or more):
 * the times are figures for bench/README.md, not pass or fail.
 */
@IntegrationTest
class ReportPdfBenchmark {

    static final int OUTCOMES = 60;
    static final int STORIES = 12;
    static final int WARM_UP = 3;
    static final int RUNS = 10;

    private static final String PARAGRAPH = "People told us in the monthly group, in the survey and on the walks that this is what changed "
            + "for them, and the figures in the plan agree: more of them say they feel welcome, come back the next week and bring a friend. "
            + "Two people said it had not changed for them, because the bus does not run after six, and we have written that down as well. ";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

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

    @Test
    void aThirtyPageImpactReport() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Report bench");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        List<UUID> outcomes = new ArrayList<>();
        Term[] terms = Term.values();
        for (int i = 0; i < OUTCOMES; i++) {
            EditResult r = pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                    new PathwayService.OutcomeDraft("Outcome " + (i + 1) + ": people feel more confident to speak up in meetings", terms[i % 3],
                            true, List.of(), null));
            outcomes.add(((EditResult.Saved) r).itemId());
        }
        List<String> stories = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            UUID story = ((RecordEdit.Saved) records.add(facilitator, project, ItemDraft.caseStudy("Story " + (i + 1) + ": the raised bed",
                    ReviewService.today().minusDays(3), Speaker.ANONYMOUS, null, null, "Nobody gardened.", "We built a raised bed.",
                    "People take beans home.", "I love it.", List.of(outcomes.get(i)), List.of(), List.of()),
                    List.of(new Upload("photo-" + i + ".jpg", TestMedia.jpeg(1200, 900))))).id();
            UUID photo = records.item(facilitator, project, story).mediaIds().getFirst();
            media.describe(facilitator, photo, "People planting beans in the raised bed, picture " + (i + 1));
            records.addConsent(facilitator, project, story, new ConsentDraft("Sam", ConsentHow.WRITTEN, EnumSet.of(ConsentUse.FUNDER_REPORTS), null));
            stories.add("record:" + story);
        }
        UUID round = ((ReviewResult.Saved) reviews.createRound(facilitator, project, "Review, March 2027", ReviewService.today(), outcomes)).id();
        Judgement[] judgements = Judgement.values();
        for (int i = 0; i < OUTCOMES; i++) {
            reviews.recordJudgement(facilitator, project, round, outcomes.get(i), -1, judgements[i % judgements.length], PARAGRAPH + PARAGRAPH,
                    PARAGRAPH);
        }
        reviews.closeRound(facilitator, project, round, reviews.round(facilitator, project, round).version());
        UUID report = ((ReportResult.Saved) reports.create(facilitator, project, round, ReportKind.IMPACT, "What changed in 2027")).id();
        ReviewReport r = reports.report(facilitator, project, report);
        assertThat(reports.update(facilitator, project, report, r.version(), r.title(), ConsentUse.FUNDER_REPORTS,
                new ReportWords(PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH, "People feel welcome.", "We will open on Saturdays."),
                stories))
                .isInstanceOf(ReportResult.Saved.class);
        assertThat(reports.publish(facilitator, project, report, reports.report(facilitator, project, report).version()))
                .isInstanceOf(ReportResult.Saved.class);
        String base = ReportService.base(project) + "/" + report;
        RequestPostProcessor as = data.as(f);

        Timing pdf = time(base + "/report.pdf", as);
        Timing docx = time(base + "/report.docx", as);
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            pages = doc.getNumberOfPages();
        }
        System.out.printf("%nReport bench: %d outcomes, %d stories with a photo each%n", OUTCOMES, STORIES);
        System.out.printf("PDF:  %d pages, %,d bytes, median %d ms, slowest %d ms (%d runs after %d to warm up)%n", pages, pdf.body().length,
                pdf.median(), pdf.slowest(), RUNS, WARM_UP);
        System.out.printf("Word: %,d bytes, median %d ms, slowest %d ms%n%n", docx.body().length, docx.median(), docx.slowest());
        assertThat(pages).as("the report is as long as the issue asks").isGreaterThanOrEqualTo(30);
    }

    private record Timing(byte[] body, long median, long slowest) {}

    private Timing time(String url, RequestPostProcessor as) throws Exception {
        byte[] body = null;
        for (int i = 0; i < WARM_UP; i++) {
            body = mvc.perform(get(url).with(as)).andReturn().getResponse().getContentAsByteArray();
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            var response = mvc.perform(get(url).with(as)).andReturn().getResponse();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(response.getStatus()).isEqualTo(200);
            body = response.getContentAsByteArray();
        }
        Collections.sort(millis);
        return new Timing(body, millis.get(millis.size() / 2), millis.getLast());
    }
}
