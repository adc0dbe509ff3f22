package org.coproduction.impact.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.EvidenceCoverage;
import org.coproduction.impact.plan.EvidenceCoverageService;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class TrackerIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestEvidence testEvidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PlanService plans;

    @Autowired
    TrackerService tracker;

    @Autowired
    EvidenceCoverageService coverage;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** A project with two outcomes: the steering group (planned: ratings and tasks) and more people coming (planned: numbers). */
    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator, UUID project, UUID steering, UUID coming,
            UUID steeringRatings, UUID steeringTasks, UUID comingNumbers) {

        String tasks() {
            return "/projects/" + project + "/tasks";
        }

        String reports() {
            return "/projects/" + project + "/reports";
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Tracker");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        UUID steering = outcome(tenant, project, "A steering group is formed");
        UUID coming = outcome(tenant, project, "More people use the centre");
        UUID way = evidence.currentWayFromSeed(tenant, "surveys").orElseThrow().id();
        return new Setup(org, tenant, data.as(f), project, steering, coming,
                row(tenant, project, steering, EvidenceType.PEOPLES_RATINGS, way),
                row(tenant, project, steering, EvidenceType.TASKS_COMPLETED, way),
                row(tenant, project, coming, EvidenceType.QUANTITATIVE, way));
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private UUID row(Tenant tenant, UUID project, UUID outcome, EvidenceType type, UUID way) {
        PlanEdit r = plans.addRow(tenant, project, outcome, new PlanRowDraft(type, "Form " + type, List.of(way), "Success", null, null,
                null, null, null, null));
        return ((PlanEdit.Saved) r).rowId();
    }

    private static EvidenceItem item(EvidenceType type, String title, LocalDate date, Set<UUID> outcomes, Set<UUID> rows,
            boolean showsAPerson, Set<ConsentUse> consent) {
        return new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), type, "tracker.evidence.kind.task", title, date, outcomes, rows,
                showsAPerson, consent, null);
    }

    private UUID task(Setup s, String title, boolean milestone, Set<UUID> outcomes) {
        TrackerResult r = tracker.addTask(s.facilitator(), s.project(), new TaskDraft(title, s.facilitator().userId().value(), null,
                LocalDate.of(2026, 3, 1), milestone, outcomes, Set.of()));
        return ((TrackerResult.Saved) r).id();
    }

    private void done(Setup s, UUID task, LocalDate on, String note) {
        Task t = tracker.task(s.facilitator(), s.project(), task);
        assertThat(tracker.changeStatus(s.facilitator(), s.project(), task, t.version(), TaskStatus.DONE, on, note, null))
                .isInstanceOf(TrackerResult.Saved.class);
    }

    private Document page(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String taskState(UUID task) {
        return jdbc.sql("""
                        select concat_ws('|', t.title, t.status, t.version, t.done_note, t.done_on,
                               (select count(*) from tracker_task_change c where c.task_id = t.id),
                               (select count(*) from tracker_task_outcome o where o.task_id = t.id))
                        from tracker_task t where t.id = :id
                        """)
                .param("id", task).query(String.class).single();
    }

    // Coverage

    @Test
    void coverageCountsEveryTypeFromEverySourceForEachOutcomeAndSaysWhatThePlanStillWaitsFor() throws Exception {
        Setup s = setup();
        testEvidence.set(s.org().id(), s.project(), List.of(
                item(EvidenceType.PEOPLES_VOICES, "What Sam said at the open day", LocalDate.of(2026, 2, 10), Set.of(s.steering()), Set.of(),
                        true, Set.of(ConsentUse.INTERNAL_LEARNING)),
                item(EvidenceType.QUANTITATIVE, "People coming each month", LocalDate.of(2026, 4, 30), Set.of(), Set.of(s.comingNumbers()),
                        false, Set.of()),
                item(EvidenceType.PEOPLES_VOICES, "Group discussion notes", LocalDate.of(2026, 1, 20), Set.of(s.steering(), s.coming()),
                        Set.of(), false, Set.of())));
        UUID formed = task(s, "Form the steering group", true, Set.of(s.steering()));
        done(s, formed, LocalDate.of(2026, 3, 3), "Steering group formed; terms of reference agreed");
        task(s, "Agree the meeting room", false, Set.of(s.steering()));

        EvidenceCoverage c = coverage.coverage(s.facilitator(), s.project());

        EvidenceCoverage.OutcomeCoverage steering = c.outcome(s.steering()).orElseThrow();
        assertThat(steering.counts()).isEqualTo(Map.of(EvidenceType.PEOPLES_VOICES, 2, EvidenceType.TASKS_COMPLETED, 1));
        assertThat(steering.missing()).containsExactly(EvidenceType.PEOPLES_RATINGS);
        assertThat(steering.latest()).isEqualTo(LocalDate.of(2026, 3, 3));
        EvidenceCoverage.OutcomeCoverage coming = c.outcome(s.coming()).orElseThrow();
        assertThat(coming.counts()).isEqualTo(Map.of(EvidenceType.QUANTITATIVE, 1, EvidenceType.PEOPLES_VOICES, 1));
        assertThat(coming.missing()).isEmpty();
        assertThat(coming.latest()).isEqualTo(LocalDate.of(2026, 4, 30));

        Document project = page(get("/projects/" + s.project()).with(s.asFacilitator()));
        var steeringRow = project.select("#coverage-table tr:has(th a:containsOwn(A steering group is formed))");
        assertThat(steeringRow.text()).contains("People’s voices: 2", "Tasks completed: 1", "Planned: people’s ratings. None yet.",
                "3 March 2026");
        var comingRow = project.select("#coverage-table tr:has(th a:containsOwn(More people use the centre))");
        assertThat(comingRow.text()).contains("Quantitative: 1", "Nothing missing", "30 April 2026");

        // The outcome's own page lists every item by type, with the done task linked to its evidence.
        Document outcome = page(get("/projects/" + s.project() + "/plan/outcomes/" + s.steering() + "/evidence").with(s.asFacilitator()));
        assertThat(outcome.select("main").text()).contains("What Sam said at the open day", "Group discussion notes",
                "Form the steering group", "A milestone reached, 3 March 2026", "Consent for: Learning inside our organisation and group");
        assertThat(outcome.select("main").text()).doesNotContain("Agree the meeting room", "People coming each month");
        assertThat(outcome.select("a[href=/projects/" + s.project() + "/tasks/" + formed + "]")).hasSize(1);

        // An outcome with nothing yet: everything planned is missing, and there is no date.
        testEvidence.set(s.org().id(), s.project(), List.of());
        EvidenceCoverage.OutcomeCoverage comingNow = coverage.coverage(s.facilitator(), s.project()).outcome(s.coming()).orElseThrow();
        assertThat(comingNow.counts()).isEmpty();
        assertThat(comingNow.missing()).containsExactly(EvidenceType.QUANTITATIVE);
        assertThat(comingNow.latest()).isNull();
    }

    @Test
    void theProjectPageSaysWhenAnOutcomeHasNoPlanAndHowManyAnswersThereAre() throws Exception {
        Setup s = setup();
        UUID unplanned = outcome(s.facilitator(), s.project(), "Carers feel less alone");
        EvidenceItem sixAnswers = new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), EvidenceType.PEOPLES_RATINGS, "form.evidence.kind",
                "After the café: How do you feel now?", LocalDate.of(2026, 5, 2), Set.of(unplanned), Set.of(), false, Set.of(), null, 6);
        testEvidence.set(s.org().id(), s.project(), List.of(sixAnswers,
                item(EvidenceType.PEOPLES_VOICES, "What Sam said", LocalDate.of(2026, 2, 10), Set.of(s.steering()), Set.of(), false, Set.of())));

        EvidenceCoverage.OutcomeCoverage c = coverage.coverage(s.facilitator(), s.project()).outcome(unplanned).orElseThrow();
        assertThat(c.count(EvidenceType.PEOPLES_RATINGS)).isEqualTo(1);
        assertThat(c.amount(EvidenceType.PEOPLES_RATINGS)).isEqualTo(6);
        assertThat(c.hasPlan()).isFalse();

        Document project = page(get("/projects/" + s.project()).with(s.asFacilitator()));
        var unplannedRow = project.select("#coverage-table tr:has(th a:containsOwn(Carers feel less alone))");
        assertThat(unplannedRow.text()).contains("People’s ratings: 6 answers or values, from 1 source", "No plan yet", "2 May 2026")
                .doesNotContain("Nothing missing");
        // On a phone the table says that it scrolls sideways (the line is shown only on narrow screens).
        assertThat(project.selectFirst("#coverage-table").parent().previousElementSibling().text())
                .isEqualTo("On a small screen, scroll sideways to see all of the table.");
        assertThat(unplannedRow.select("a:contains(No plan yet)").attr("href"))
                .isEqualTo("/projects/" + s.project() + "/plan#outcome-" + unplanned);
        // One item, one thing: the plain count as before.
        var steeringRow = project.select("#coverage-table tr:has(th a:containsOwn(A steering group is formed))");
        assertThat(steeringRow.text()).contains("People’s voices: 1", "Planned: people’s ratings. None yet.").doesNotContain("No plan yet");
    }

    @Test
    void aMemberSeesTheCoverageTableButNotTheFacilitatorsEvidencePages() throws Exception {
        Setup s = setup();
        RequestPostProcessor member = data.as(s.org().person(Role.MEMBER));
        Document project = page(get("/projects/" + s.project()).with(member));
        assertThat(project.select("#coverage-table").text()).contains("Planned: people’s ratings. None yet.", "No evidence yet");
        assertThat(project.select("#coverage-table a")).isEmpty();
        mvc.perform(get("/projects/" + s.project() + "/plan/outcomes/" + s.steering() + "/evidence").with(member))
                .andExpect(status().isForbidden());
        page(get(s.tasks()).with(member));
        mvc.perform(get(s.reports()).with(member)).andExpect(status().isForbidden());
    }

    // Tasks

    @Test
    void markingATaskDoneAsksForEvidenceAndEveryStatusChangeIsKept() throws Exception {
        Setup s = setup();
        mvc.perform(post(s.tasks() + "/new").with(s.asFacilitator()).with(csrf())
                        .param("title", "Form the steering group").param("owner", "someone-else").param("ownerName", "Pat from Mencap")
                        .param("dueOnDay", "1").param("dueOnMonth", "3").param("dueOnYear", "2026").param("milestone", "yes")
                        .param("outcomes", s.steering().toString()).param("planRows", s.steeringTasks().toString())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        Task task = tracker.tasks(s.facilitator(), s.project()).getFirst();
        assertThat(task.title()).isEqualTo("Form the steering group");
        assertThat(task.ownerName()).isEqualTo("Pat from Mencap");
        assertThat(task.milestone()).isTrue();
        assertThat(task.outcomeIds()).containsExactly(s.steering());
        assertThat(task.planRowIds()).containsExactly(s.steeringTasks());
        assertThat(task.overdue(LocalDate.of(2026, 3, 2))).isTrue();
        String base = s.tasks() + "/" + task.id();

        mvc.perform(post(base + "/status").with(s.asFacilitator()).with(csrf()).param("status", "IN_PROGRESS")
                        .param("version", String.valueOf(task.version())))
                .andExpect(status().is3xxRedirection());
        task = tracker.task(s.facilitator(), s.project(), task.id());

        // Done without saying what shows it: a plain message, and nothing changes.
        String before = taskState(task.id());
        Document refused = page(post(base + "/status").with(s.asFacilitator()).with(csrf()).param("status", "DONE")
                .param("doneOnDay", "3").param("doneOnMonth", "3").param("doneOnYear", "2026").param("note", "  ")
                .param("version", String.valueOf(task.version())));
        assertThat(refused.select(".govuk-error-summary").text()).contains("Say what shows it is done");
        assertThat(refused.select("#note-error").text()).contains("Say what shows it is done");
        assertThat(taskState(task.id())).isEqualTo(before);

        // A date in the future is refused too.
        LocalDate tomorrow = TrackerService.today().plusDays(1);
        page(post(base + "/status").with(s.asFacilitator()).with(csrf()).param("status", "DONE")
                .param("doneOnDay", String.valueOf(tomorrow.getDayOfMonth())).param("doneOnMonth", String.valueOf(tomorrow.getMonthValue()))
                .param("doneOnYear", String.valueOf(tomorrow.getYear())).param("note", "Done")
                .param("version", String.valueOf(task.version())));
        assertThat(taskState(task.id())).isEqualTo(before);

        mvc.perform(post(base + "/status").with(s.asFacilitator()).with(csrf()).param("status", "DONE")
                        .param("doneOnDay", "3").param("doneOnMonth", "3").param("doneOnYear", "2026")
                        .param("note", "Steering group formed; terms of reference agreed")
                        .param("version", String.valueOf(task.version())))
                .andExpect(status().is3xxRedirection());
        task = tracker.task(s.facilitator(), s.project(), task.id());
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.doneOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(task.doneNote()).isEqualTo("Steering group formed; terms of reference agreed");
        assertThat(task.overdue(LocalDate.of(2027, 1, 1))).isFalse();

        // Reopened: the evidence leaves the task but the history keeps every step, newest first.
        assertThat(tracker.changeStatus(s.facilitator(), s.project(), task.id(), task.version(), TaskStatus.IN_PROGRESS, null,
                "The group asked to meet again first", null)).isInstanceOf(TrackerResult.Saved.class);
        List<TaskChange> changes = tracker.changes(s.facilitator(), s.project(), task.id());
        assertThat(changes).extracting(TaskChange::toStatus)
                .containsExactly(TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED);
        assertThat(changes).extracting(TaskChange::fromStatus)
                .containsExactly(TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED, null);
        assertThat(changes.get(1).note()).isEqualTo("Steering group formed; terms of reference agreed");
        assertThat(tracker.task(s.facilitator(), s.project(), task.id()).doneNote()).isNull();

        Document shown = page(get(base).with(data.as(s.org().person(Role.MEMBER))));
        assertThat(shown.select("#history + ol li")).hasSize(4);
        assertThat(shown.select("main").text()).contains("Changed from Done to In progress", "The group asked to meet again first");
        assertThat(shown.select("form[action$=/remove]")).isEmpty();
        // A page that only shows the task does not call its parts "(optional)": that is about filling in a form.
        assertThat(shown.select(".govuk-summary-list__key").eachText()).contains("Which outcomes is it evidence for?")
                .noneMatch(key -> key.contains("(optional)"));
    }

    @Test
    void theEvidenceThatATaskIsDoneCanBeADocumentAndAFileThatIsNotOneOfOursStoresNothing() throws Exception {
        Setup s = setup();
        UUID task = task(s, "Agree the terms of reference", true, Set.of(s.steering()));
        Task t = tracker.task(s.facilitator(), s.project(), task);
        String base = s.tasks() + "/" + task;
        String before = taskState(task);
        long files = jdbc.sql("select count(*) from media_file where project_id = :p").param("p", s.project()).query(Long.class).single();

        // A program pretending to be a PDF: refused by its content, beside the field, and nothing is stored.
        Document refused = page(multipart(base + "/status")
                .file(new MockMultipartFile("document", "terms.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 1, 2, 3}))
                .with(s.asFacilitator()).with(csrf()).param("status", "DONE").param("doneOnDay", "3").param("doneOnMonth", "3")
                .param("doneOnYear", "2026").param("note", "Terms of reference agreed").param("version", String.valueOf(t.version())));
        assertThat(refused.select("#document-error").text()).contains("The file must be a photo");
        assertThat(taskState(task)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from media_file where project_id = :p").param("p", s.project()).query(Long.class).single())
                .isEqualTo(files);

        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(base + "/status").file(new MockMultipartFile("document", "terms-of-reference.pdf", "application/pdf", pdf))
                        .with(s.asFacilitator()).with(csrf()).param("status", "DONE").param("doneOnDay", "3").param("doneOnMonth", "3")
                        .param("doneOnYear", "2026").param("note", "Terms of reference agreed").param("version", String.valueOf(t.version())))
                .andExpect(status().is3xxRedirection());
        Task done = tracker.task(s.facilitator(), s.project(), task);
        assertThat(done.doneMediaId()).isNotNull();
        Document shown = page(get(base).with(s.asFacilitator()));
        assertThat(shown.select("a[href=/media/" + done.doneMediaId() + "]").text()).contains("terms-of-reference.pdf");
        mvc.perform(get("/media/" + done.doneMediaId()).with(s.asFacilitator())).andExpect(status().isOk());
    }

    @Test
    void badInputAndStaleSavesChangeNothing() throws Exception {
        Setup s = setup();
        UUID task = task(s, "Write the easy read leaflet", false, Set.of());
        Task t = tracker.task(s.facilitator(), s.project(), task);
        String base = s.tasks() + "/" + task;
        String before = taskState(task);
        long tasks = jdbc.sql("select count(*) from tracker_task where project_id = :p").param("p", s.project()).query(Long.class).single();

        Document blank = page(post(s.tasks() + "/new").with(s.asFacilitator()).with(csrf()).param("title", " ").param("owner", "")
                .param("dueOnDay", "31").param("dueOnMonth", "2").param("dueOnYear", "2026").param("version", "0"));
        assertThat(blank.select(".govuk-error-summary").text()).contains("Enter what needs doing", "Choose who is doing it, or type their name",
                "Enter a real date");
        page(post(s.tasks() + "/new").with(s.asFacilitator()).with(csrf()).param("title", "x".repeat(201))
                .param("owner", s.facilitator().userId().toString()).param("version", "0"));
        // Someone from another organisation, an outcome of another project, a made-up plan row: refused.
        Setup other = setup();
        page(post(s.tasks() + "/new").with(s.asFacilitator()).with(csrf()).param("title", "Task")
                .param("owner", other.facilitator().userId().toString()).param("version", "0"));
        Document foreign = page(post(base + "/edit").with(s.asFacilitator()).with(csrf()).param("title", "Changed")
                .param("owner", s.facilitator().userId().toString()).param("outcomes", other.steering().toString())
                .param("version", String.valueOf(t.version())));
        assertThat(foreign.select("#outcomes-error").text()).contains("Choose from the list");
        page(post(base + "/edit").with(s.asFacilitator()).with(csrf()).param("title", "Changed")
                .param("owner", s.facilitator().userId().toString()).param("planRows", "not-an-id")
                .param("version", String.valueOf(t.version())));
        page(post(base + "/status").with(s.asFacilitator()).with(csrf()).param("status", "FINISHED")
                .param("version", String.valueOf(t.version())));
        // A stale save: someone else's version.
        Document stale = page(post(base + "/edit").with(s.asFacilitator()).with(csrf()).param("title", "Changed")
                .param("owner", s.facilitator().userId().toString()).param("version", String.valueOf(t.version() + 5)));
        assertThat(stale.select(".govuk-error-summary").text()).contains("Someone else saved a change");
        // Another project's task under this project's address is not found.
        UUID otherTask = task(other, "Their task", false, Set.of());
        mvc.perform(get(s.tasks() + "/" + otherTask).with(s.asFacilitator())).andExpect(status().isNotFound());

        assertThat(taskState(task)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from tracker_task where project_id = :p").param("p", s.project()).query(Long.class).single())
                .isEqualTo(tasks);

        // Reports: a period that ends before it starts, an audience that is not one of ours, an item that is not the project's.
        Document badReport = page(post(s.reports() + "/new").with(s.asFacilitator()).with(csrf()).param("title", "Spring")
                .param("periodFromDay", "1").param("periodFromMonth", "4").param("periodFromYear", "2026")
                .param("periodToDay", "1").param("periodToMonth", "3").param("periodToYear", "2026")
                .param("audience", "EVERYONE").param("items", "test:" + UUID.randomUUID()).param("version", "0"));
        assertThat(badReport.select(".govuk-error-summary").text()).contains("The period must end on or after the day it starts",
                "Choose who the report is for");
        assertThat(tracker.addReport(s.facilitator(), s.project(), new ReportDraft("Spring", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 5, 31), ConsentUse.FUNDER_REPORTS, null, null, Set.of(), List.of(),
                List.of(new ProgressReport.ItemRef(TestEvidence.SOURCE, UUID.randomUUID())))))
                .isInstanceOf(TrackerResult.Refused.class);
        assertThat(tracker.addReport(s.facilitator(), s.project(), new ReportDraft("Spring", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 5, 31), ConsentUse.FUNDER_REPORTS, null, null, Set.of(), List.of(task), List.of())))
                .as("a task that is not a milestone").isInstanceOf(TrackerResult.Refused.class);
        assertThat(jdbc.sql("select count(*) from progress_report where project_id = :p").param("p", s.project()).query(Long.class).single())
                .isZero();
    }

    // Progress reports and their period

    @Test
    void aReportLeavesOutEvidenceFromOutsideItsPeriodAndSaysSo() throws Exception {
        Setup s = setup();
        EvidenceItem autumn = item(EvidenceType.PEOPLES_RATINGS, "After the café: How do you feel now?", LocalDate.of(2026, 10, 14),
                Set.of(s.steering()), Set.of(), false, Set.of());
        EvidenceItem december = item(EvidenceType.PEOPLES_VOICES, "What would you change?", LocalDate.of(2026, 12, 4), Set.of(s.steering()),
                Set.of(), false, Set.of());
        EvidenceItem summer = item(EvidenceType.QUANTITATIVE, "Visits in August", LocalDate.of(2026, 8, 31), Set.of(s.coming()), Set.of(),
                false, Set.of());
        EvidenceItem lastDay = item(EvidenceType.QUANTITATIVE, "Visits in November", LocalDate.of(2026, 11, 30), Set.of(s.coming()), Set.of(),
                false, Set.of());
        testEvidence.set(s.org().id(), s.project(), List.of(autumn, december, summer, lastDay));
        UUID id = ((TrackerResult.Saved) tracker.addReport(s.facilitator(), s.project(), new ReportDraft("Autumn report",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30), ConsentUse.FUNDER_REPORTS, null, null, Set.of(), List.of(),
                List.of(new ProgressReport.ItemRef("test", autumn.id()), new ProgressReport.ItemRef("test", december.id()),
                        new ProgressReport.ItemRef("test", summer.id()), new ProgressReport.ItemRef("test", lastDay.id()))))).id();

        ReportView view = tracker.view(s.facilitator(), s.project(), id);
        assertThat(view.items()).extracting(EvidenceItem::title).containsExactlyInAnyOrder("After the café: How do you feel now?",
                "Visits in November");
        assertThat(view.outsidePeriod()).isEqualTo(2);
        assertThat(view.leftOut()).isZero();

        Document shown = page(get(s.reports() + "/" + id).with(s.asFacilitator()));
        assertThat(shown.select("#report-items li").text()).doesNotContain("What would you change?", "Visits in August");
        assertThat(shown.select("#left-out").text())
                .contains("2 items left out because their dates are outside the report’s period (1 September 2026 to 30 November 2026).");
        Document form = page(get(s.reports() + "/new").with(s.asFacilitator()));
        assertThat(form.select("main").text()).contains("or dated outside the report’s period, are left out when it is shown");
    }

    // Progress reports and consent

    @Test
    void aFunderReportNeverShowsAnItemWithoutConsentForFundersAndWithdrawingConsentTakesItOutAtOnce() throws Exception {
        Setup s = setup();
        EvidenceItem internalOnly = item(EvidenceType.PEOPLES_VOICES, "Jo’s comment for the team only", LocalDate.of(2026, 4, 2),
                Set.of(s.steering()), Set.of(), true, Set.of(ConsentUse.INTERNAL_LEARNING));
        EvidenceItem caseStudy = item(EvidenceType.PEOPLES_VOICES, "Case study: Amir joins the steering group", LocalDate.of(2026, 4, 9),
                Set.of(s.steering()), Set.of(), true, EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS));
        EvidenceItem numbers = item(EvidenceType.QUANTITATIVE, "Visits in April", LocalDate.of(2026, 4, 30), Set.of(s.coming()), Set.of(),
                false, Set.of());
        testEvidence.set(s.org().id(), s.project(), List.of(internalOnly, caseStudy, numbers));
        UUID early = task(s, "Recruit members", true, Set.of(s.steering()));
        done(s, early, LocalDate.of(2026, 1, 15), "Eight people signed up");
        UUID formed = task(s, "Form the steering group", true, Set.of(s.steering()));
        done(s, formed, LocalDate.of(2026, 4, 3), "Terms of reference agreed");

        // The form offers the milestones done in the period first, and every item with what its consent covers.
        Document form = page(get(s.reports() + "/new").with(s.asFacilitator()));
        assertThat(form.select("input[name=items]")).hasSize(3);
        assertThat(form.select("main").text()).contains("Shows no one, so no consent is needed.",
                "Consent for: Learning inside our organisation and group");
        var offered = tracker.milestonesFor(s.facilitator(), s.project(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
        assertThat(offered).extracting(Task::id).containsExactly(formed, early);

        mvc.perform(post(s.reports() + "/new").with(s.asFacilitator()).with(csrf())
                        .param("title", "Spring report to the council")
                        .param("periodFromDay", "1").param("periodFromMonth", "4").param("periodFromYear", "2026")
                        .param("periodToDay", "30").param("periodToMonth", "6").param("periodToYear", "2026")
                        .param("audience", "FUNDER_REPORTS").param("outcomes", s.steering().toString())
                        .param("milestones", formed.toString())
                        .param("challenges", "Transport to evening meetings").param("risks", "Two members may move away")
                        .param("items", "test:" + internalOnly.id()).param("items", "test:" + caseStudy.id())
                        .param("items", "test:" + numbers.id()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        ProgressReport report = tracker.reports(s.facilitator(), s.project()).getFirst();
        assertThat(report.items()).hasSize(3);
        String address = s.reports() + "/" + report.id();

        Document shown = page(get(address).with(s.asFacilitator()));
        assertThat(shown.select("#report-items li")).extracting(e -> e.selectFirst("strong").text())
                .containsExactly("Case study: Amir joins the steering group", "Visits in April");
        assertThat(shown.html()).doesNotContain("Jo’s comment for the team only").doesNotContain("Jo&rsquo;s comment");
        assertThat(shown.select("#left-out").text()).contains("1 item left out because consent does not cover this use.");
        assertThat(shown.select("#report-milestones").text()).contains("Form the steering group", "Terms of reference agreed")
                .doesNotContain("Recruit members");
        ReportView view = tracker.view(s.facilitator(), s.project(), report.id());
        assertThat(view.leftOut()).isEqualTo(1);

        // The PDF is the same report, consent checked as it is made, and a tagged PDF/UA document.
        byte[] pdf = mvc.perform(get(address + "/report.pdf").with(s.asFacilitator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Spring report to the council", "Case study: Amir joins the steering group", "Visits in April",
                    "Transport to evening meetings", "Form the steering group").doesNotContain("Jo’s comment", "left out");
        }
        assertPdfUa1(pdf);

        // Amir withdraws consent for funders: the next time the report is shown, the case study is gone, with nothing saved.
        String saved = jdbc.sql("select concat_ws('|', version, updated_at) from progress_report where id = :id").param("id", report.id())
                .query(String.class).single();
        EvidenceItem withdrawn = new EvidenceItem(caseStudy.source(), caseStudy.id(), caseStudy.type(), caseStudy.kindKey(),
                caseStudy.title(), caseStudy.date(), caseStudy.outcomeIds(), caseStudy.planRowIds(), true,
                Set.of(ConsentUse.INTERNAL_LEARNING), null);
        testEvidence.set(s.org().id(), s.project(), List.of(internalOnly, withdrawn, numbers));
        Document after = page(get(address).with(s.asFacilitator()));
        assertThat(after.select("#report-items li")).extracting(e -> e.selectFirst("strong").text()).containsExactly("Visits in April");
        assertThat(after.html()).doesNotContain("Amir");
        assertThat(after.select("#left-out").text()).contains("2 items left out because consent does not cover this use.");
        assertThat(jdbc.sql("select concat_ws('|', version, updated_at) from progress_report where id = :id").param("id", report.id())
                .query(String.class).single()).isEqualTo(saved);

        // The same items in a report for internal learning are all shown.
        UUID internal = ((TrackerResult.Saved) tracker.addReport(s.facilitator(), s.project(), new ReportDraft("Team review",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), ConsentUse.INTERNAL_LEARNING, null, null, Set.of(), List.of(),
                List.of(new ProgressReport.ItemRef("test", internalOnly.id()), new ProgressReport.ItemRef("test", withdrawn.id()))))).id();
        assertThat(tracker.view(s.facilitator(), s.project(), internal).items()).hasSize(2);

        // The reports are evidence of their own type for the outcomes they name, dated the end of their period.
        EvidenceCoverage.OutcomeCoverage steering = coverage.coverage(s.facilitator(), s.project()).outcome(s.steering()).orElseThrow();
        assertThat(steering.count(EvidenceType.PROGRESS_REPORTS)).isEqualTo(1);
        assertThat(steering.count(EvidenceType.TASKS_COMPLETED)).isEqualTo(2);
        assertThat(steering.latest()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aFacilitatorRemovesAReportItLeavesTheListAndCoverageAndAStaleOrOutsideRemoveChangesNothing() throws Exception {
        Setup s = setup();
        UUID id = ((TrackerResult.Saved) tracker.addReport(s.facilitator(), s.project(), new ReportDraft("Summer update",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), ConsentUse.FUNDER_REPORTS, null, null, Set.of(s.steering()),
                List.of(), List.of()))).id();
        String path = s.reports() + "/" + id;
        int version = tracker.report(s.facilitator(), s.project(), id).version();
        assertThat(coverage.coverage(s.facilitator(), s.project()).outcome(s.steering()).orElseThrow()
                .count(EvidenceType.PROGRESS_REPORTS)).isEqualTo(1);
        assertThat(page(get(path).with(s.asFacilitator())).select("form[action$=/remove] button").text()).isEqualTo("Remove the report");

        // A stale page, a member, and another organisation's admin change nothing.
        String before = jdbc.sql("select concat_ws('|', version, archived_at) from progress_report where id = :id").param("id", id)
                .query(String.class).single();
        mvc.perform(post(path + "/remove").with(csrf()).with(s.asFacilitator()).param("version", String.valueOf(version - 1)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(path + "/remove").with(csrf()).with(data.as(s.org().person(Role.MEMBER))).param("version", String.valueOf(version)))
                .andExpect(status().isForbidden());
        TestData.Org other = data.organisationWithEveryRole("Reports other");
        mvc.perform(post(path + "/remove").with(csrf()).with(data.as(other.admin())).param("version", String.valueOf(version)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select concat_ws('|', version, archived_at) from progress_report where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(before);

        // The facilitator removes it: gone from the list, its page and its PDF, and from coverage; the row stays.
        String next = mvc.perform(post(path + "/remove").with(csrf()).with(s.asFacilitator()).param("version", String.valueOf(version)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(next).isEqualTo(s.reports());
        assertThat(page(get(s.reports()).with(s.asFacilitator())).select("main").text()).contains("Removed the report “Summer update”")
                .contains("There are no progress reports yet.");
        mvc.perform(get(path).with(s.asFacilitator())).andExpect(status().isNotFound());
        mvc.perform(get(path + "/report.pdf").with(s.asFacilitator())).andExpect(status().isNotFound());
        assertThat(coverage.coverage(s.facilitator(), s.project()).outcome(s.steering()).orElseThrow()
                .count(EvidenceType.PROGRESS_REPORTS)).isZero();
        assertThat(jdbc.sql("select count(*) from progress_report where id = :id and archived_at is not null").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    // Demo

    @Test
    void theDemoDayCentreHasMilestonesDoneWithTheirEvidenceAnOverdueTaskAndAReportToTheCouncil() {
        TestData.Org org = data.organisationWithEveryRole("Demo tracker");
        Map<Role, UUID> people = org.people().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));

        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), people)));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.projects(facilitator).get(0).id();
        List<Task> tasks = tracker.tasks(facilitator, project);
        assertThat(tasks).hasSize(5);
        assertThat(tasks).filteredOn(Task::done).hasSize(3).allSatisfy(t -> assertThat(t.doneNote()).isNotBlank());
        assertThat(tasks).filteredOn(t -> t.overdue(LocalDate.of(2026, 11, 1))).extracting(Task::title)
                .containsExactly("Get the group to sign off the easy-read leaflet");
        ProgressReport report = tracker.reports(facilitator, project).getFirst();
        assertThat(tracker.view(facilitator, project, report.id()).milestones()).hasSize(2);
        EvidenceCoverage c = coverage.coverage(facilitator, project);
        assertThat(c.outcomes()).filteredOn(o -> o.outcome().title().startsWith("A co-production steering group"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.count(EvidenceType.TASKS_COMPLETED)).isEqualTo(2);
                    assertThat(o.count(EvidenceType.PROGRESS_REPORTS)).isEqualTo(1);
                    assertThat(o.missing()).isEmpty();
                });
    }
}
