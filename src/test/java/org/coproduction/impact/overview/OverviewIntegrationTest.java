package org.coproduction.impact.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organisation overview on a small hand-made organisation: the figures per project (outcomes,
 * the latest closed review's judgements, evidence against the plan, activity and answers in the
 * period), the filters, paging, the downloads, and who may see it.
 */
@IntegrationTest
class OverviewIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PlanService plans;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    RecordService records;

    @Autowired
    ReviewService reviews;

    @Autowired
    OverviewService overview;

    record Setup(TestData.Org org, Tenant admin, String running, String ended, UUID runningId) {}

    /**
     * A running project with two outcomes (one planned, with three answers to a rating tagged to it;
     * one without a plan), one activity this month with the member and four others, and a closed
     * round judging the outcomes achieved and partly achieved; and a project that ended last year.
     */
    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Overview");
        TestData.Person a = org.person(Role.ADMIN);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant admin = new Tenant(new UserId(a.id()), org.id(), org.name(), Role.ADMIN);
        String running = "Day centre " + TestData.suffix();
        UUID project = projects.create(admin, new ProjectService.ProjectDetails(running, null, null, null, null, a.id(), false,
                List.of(m.id())));
        String ended = "Old lunch club " + TestData.suffix();
        LocalDate today = OverviewService.today();
        projects.create(admin, new ProjectService.ProjectDetails(ended, null, today.minusYears(2), today.minusYears(1), null, a.id(), false,
                List.of()));
        UUID welcome = outcome(admin, project, "People feel welcome");
        UUID more = outcome(admin, project, "More people come");
        UUID way = evidence.currentWayFromSeed(admin, "surveys").orElseThrow().id();
        UUID row = ((PlanEdit.Saved) plans.addRow(admin, project, welcome, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS,
                "Feedback after sessions", List.of(way), "Most people feel welcome", "Ask after each session", null, null, null, null,
                null))).rowId();
        Question rating = new Question("welcome", QuestionType.RATING, "How welcome do you feel?", null, null, null, false,
                List.of("No", "A bit", "Yes"), ScaleStyle.WORDS, null, null, welcome, row);
        UUID formId = forms.create(admin, project, "After the session", null, false, null, List.of(rating));
        forms.setStatus(admin, formId, FormStatus.OPEN);
        PublicForm pf = respondents.locate(forms.form(admin, formId).token()).orElseThrow();
        for (String answer : List.of("1", "3", "3")) {
            Draft draft = respondents.start(pf, Source.ONLINE, null);
            respondents.savePage(pf, draft, pf.form().questions(), Map.of("welcome", List.of(answer)));
            respondents.submit(pf, draft.token());
        }
        RecordEdit added = records.add(admin, project, ItemDraft.activity("Coffee morning", today, ActivityKind.MEETING, null, null,
                List.of(m.id()), 4, null, null, List.of(), List.of(), List.of()));
        assertThat(added).isInstanceOf(RecordEdit.Saved.class);
        UUID round = ((ReviewResult.Saved) reviews.createRound(admin, project, "Review, spring", today, List.of(welcome, more))).id();
        reviews.recordJudgement(admin, project, round, welcome, -1, Judgement.ACHIEVED, "Most people said yes", null);
        reviews.recordJudgement(admin, project, round, more, -1, Judgement.PARTLY, "A few more came", null);
        reviews.closeRound(admin, project, round, reviews.round(admin, project, round).version());
        return new Setup(org, admin, running, ended, project);
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    @Test
    void eachProjectShowsItsOutcomesJudgementsEvidenceAndActivity() throws Exception {
        Setup s = setup();
        OverviewService.Overview o = overview.overview(s.admin(), OverviewFilter.of(null, null), 1);

        assertThat(o.lines()).extracting(ProjectLine::name).containsExactly(s.running(), s.ended());
        ProjectLine p = o.lines().getFirst();
        assertThat(p.status()).isEqualTo(ProjectStatus.RUNNING);
        assertThat(p.outcomes()).isEqualTo(2);
        assertThat(p.review()).isNotNull();
        assertThat(p.review().title()).isEqualTo("Review, spring");
        assertThat(p.judged(Judgement.ACHIEVED)).isEqualTo(1);
        assertThat(p.judged(Judgement.PARTLY)).isEqualTo(1);
        assertThat(p.judged(Judgement.NOT_YET)).isZero();
        assertThat(p.judged(Judgement.NOT_ACHIEVED)).isZero();
        assertThat(p.withEvidence()).as("the answers count for the planned outcome").isEqualTo(1);
        assertThat(p.missingPlanned()).isZero();
        assertThat(p.withoutPlan()).isEqualTo(1);
        assertThat(p.latestEvidence()).isEqualTo(OverviewService.today());
        assertThat(p.items()).isEqualTo(1);
        assertThat(p.activities()).isEqualTo(1);
        assertThat(p.peopleTakingPart()).as("the member and four others").isEqualTo(5);
        assertThat(p.responses()).isEqualTo(3);

        ProjectLine old = o.lines().get(1);
        assertThat(old.status()).isEqualTo(ProjectStatus.ENDED);
        assertThat(old.outcomes()).isZero();
        assertThat(old.review()).isNull();
        assertThat(old.responses()).isZero();

        assertThat(o.months()).hasSize(OverviewFilter.DEFAULT_MONTHS);
        MonthFigures thisMonth = o.months().getLast();
        assertThat(thisMonth.responses()).isEqualTo(3);
        assertThat(thisMonth.items()).isEqualTo(1);
        assertThat(thisMonth.peopleTakingPart()).isEqualTo(5);
        assertThat(o.totalResponses()).isEqualTo(3);

        Document page = page("/overview", s.org().admin());
        assertThat(page.text()).contains(s.running(), s.ended(), "Review, spring", "Achieved: 1", "Partly achieved: 1",
                "1 of 2 outcomes have evidence", "1 outcome has no plan yet", "No closed review yet", "2 projects");
        assertThat(page.select("svg[role=img] title").eachText()).containsExactly("Form answers each month", "Recorded items each month");
        assertThat(page.select("a[href^=/overview/export.csv]").attr("href")).isEqualTo("/overview/export.csv?months=12&status=all");
    }

    @Test
    void theFiltersChooseProjectsByStatusAndTheMonthsShown() throws Exception {
        Setup s = setup();
        OverviewService.Overview ended = overview.overview(s.admin(), OverviewFilter.of("3", "ended"), 1);
        assertThat(ended.lines()).extracting(ProjectLine::name).containsExactly(s.ended());
        assertThat(ended.months()).hasSize(3);
        assertThat(ended.totalResponses()).as("the running project's answers are not shown").isZero();

        Document page = page("/overview?months=6&status=running", s.org().person(Role.FACILITATOR));
        assertThat(page.text()).contains(s.running()).doesNotContain(s.ended());
        assertThat(page.select("select[name=months] option[selected]").attr("value")).isEqualTo("6");
        assertThat(page.select("select[name=status] option[selected]").attr("value")).isEqualTo("running");
        assertThat(page.select("table").get(1).select("tbody tr")).hasSize(6);

        // Values not offered fall back to the defaults rather than an error page.
        Document odd = page("/overview?months=7&status=sideways&page=abc", s.org().admin());
        assertThat(odd.select("select[name=months] option[selected]").attr("value")).isEqualTo("12");
        assertThat(odd.text()).contains(s.running(), s.ended());
    }

    @Test
    void manyProjectsArePagedAndAPagePastTheEndShowsTheLast() throws Exception {
        Setup s = setup();
        for (int i = 0; i < OverviewService.PER_PAGE; i++) {
            projects.create(s.admin(), new ProjectService.ProjectDetails("Extra " + String.format("%02d", i), null, null, null, null, null,
                    false, List.of()));
        }
        OverviewService.Overview first = overview.overview(s.admin(), OverviewFilter.of(null, null), 1);
        assertThat(first.lines()).hasSize(OverviewService.PER_PAGE);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.projects()).isEqualTo(OverviewService.PER_PAGE + 2);
        OverviewService.Overview last = overview.overview(s.admin(), OverviewFilter.of(null, null), 99);
        assertThat(last.page()).isEqualTo(2);
        assertThat(last.lines()).hasSize(2);

        Document page = page("/overview?status=all&page=2", s.org().admin());
        assertThat(page.title()).contains("page 2 of 2");
        assertThat(page.select("nav.govuk-pagination a").eachAttr("href")).contains("/overview?months=12&status=all&page=1");
    }

    @Test
    void theDownloadsHoldEveryProjectChosenWithTypedCells() throws Exception {
        Setup s = setup();
        var csv = mvc.perform(get("/overview/export.csv?months=12&status=running").with(data.as(s.org().admin())))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("overview.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv.getContentAsString(StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).isEqualTo("Project");
        CSVRecord p = rows.get(1);
        assertThat(p.toList()).containsSubsequence(s.running(), "Running");
        assertThat(p.get(4)).isEqualTo("2");
        assertThat(p.get(5)).isEqualTo("Review, spring");
        assertThat(p.get(7)).isEqualTo("1");
        assertThat(p.get(8)).isEqualTo("1");
        assertThat(p.get(18)).isEqualTo("3");

        byte[] xlsx = mvc.perform(get("/overview/export.xlsx").with(data.as(s.org().person(Role.FACILITATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(s.running());
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(1).getCell(18).getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void membersAndViewersAreRefusedAndAnotherOrganisationSeesNone() throws Exception {
        Setup s = setup();
        for (Role role : List.of(Role.MEMBER, Role.VIEWER)) {
            for (String path : List.of("/overview", "/overview/export.csv", "/overview/export.xlsx")) {
                mvc.perform(get(path).with(data.as(s.org().person(role)))).andExpect(status().isForbidden());
            }
        }
        TestData.Org other = data.organisationWithEveryRole("Elsewhere");
        Document page = page("/overview", other.admin());
        assertThat(page.text()).doesNotContain(s.running(), s.ended(), "Review, spring").contains("No projects");
        String csv = mvc.perform(get("/overview/export.csv").with(data.as(other.admin()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain(s.running(), s.ended());
        Tenant otherAdmin = new Tenant(new UserId(other.admin().id()), other.id(), other.name(), Role.ADMIN);
        OverviewService.Overview theirs = overview.overview(otherAdmin, OverviewFilter.of(null, null), 1);
        assertThat(theirs.lines()).isEmpty();
        assertThat(theirs.totalResponses()).isZero();
        assertThat(theirs.totalItems()).isZero();
    }

    private Document page(String path, TestData.Person who) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(data.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
