package org.coproduction.impact.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class MeasureIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    PlanService plans;

    @Autowired
    EvidenceService evidence;

    @Autowired
    MeasureService measures;

    @Autowired
    List<CollectedEvidence> collected;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator, UUID project) {

        String base() {
            return MeasureService.base(project);
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Data");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        return new Setup(org, tenant, data.as(f), project);
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    private String upload(Setup s, String filename, String csv) throws Exception {
        return upload(s, filename, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a file and returns where the preview is (or fails when the file was refused). */
    private String upload(Setup s, String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart(s.base() + "/import").file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .with(s.asFacilitator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private Document refusedUpload(Setup s, String filename, byte[] bytes) throws Exception {
        return Jsoup.parse(mvc.perform(multipart(s.base() + "/import").file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .with(s.asFacilitator()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Document page(Setup s, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(s.asFacilitator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private long points(Setup s) {
        return jdbc.sql("select count(*) from data_point where organisation_id = :org and archived_at is null")
                .param("org", s.org().id().value()).query(Long.class).single();
    }

    @Test
    void goodRowsArePreviewedThenImportedOnceWhenConfirmed() throws Exception {
        Setup s = setup();
        String csv = """
                Value,Measure,Date,Note
                41,People using the day centre,06/01/2026,
                44,People using the day centre,3/2/2026,Two new members after the open day
                "1,047",Leaflets handed out,2026-01-31,"Handed out at the fair, and by post"
                78%,Positive feedback,2026-02-28,
                """;
        String preview = upload(s, "january.csv", csv);
        assertThat(preview).startsWith(s.base() + "/imports/");

        // Nothing is stored until confirmed.
        assertThat(points(s)).isZero();
        Document page = page(s, preview);
        assertThat(page.select("h2").text()).contains("4 rows will be imported");
        assertThat(page.text()).doesNotContain("will not be imported");
        Map<String, String> rows = page.select("table tbody tr").stream()
                .collect(Collectors.toMap(r -> r.selectFirst("th").ownText(), r -> r.selectFirst("td").text()));
        assertThat(rows).containsEntry("People using the day centre", "2").containsEntry("Leaflets handed out", "1")
                .containsEntry("Positive feedback", "1");
        assertThat(page.select("form[action=" + preview + "/confirm] button").text()).isEqualTo("Import 4 data points");
        // The values as read, so a typing mistake shows before anything is imported.
        Map<String, String> firstValues = page.select("table tbody tr").stream()
                .collect(Collectors.toMap(r -> r.selectFirst("th").ownText(), r -> r.select("td").get(1).text()));
        assertThat(firstValues).containsEntry("People using the day centre", "Line 2: 6 January 2026, 41 Line 3: 3 February 2026, 44")
                .containsEntry("Leaflets handed out", "Line 4: 31 January 2026, 1047");
        // A new measure is said plainly not to be evidence yet.
        assertThat(page.select("#new-measures").text()).contains("A new measure is not evidence for any outcome yet.");

        mvc.perform(post(preview + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(redirectedUrl(s.base()));
        assertThat(points(s)).isEqualTo(4);

        List<Measure> list = measures.measures(s.facilitator(), s.project());
        assertThat(list).extracting(Measure::name).containsExactly("Leaflets handed out", "People using the day centre", "Positive feedback");
        Measure people = list.get(1);
        assertThat(people.pointCount()).isEqualTo(2);
        assertThat(people.latestValue()).isEqualByComparingTo("44");
        assertThat(people.latestOn()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(people.kind()).isEqualTo(MeasureKind.NUMBER);
        assertThat(list.get(0).latestValue()).isEqualByComparingTo("1047");
        List<DataPoint> leaflets = measures.points(s.facilitator(), s.project(), list.get(0).id());
        assertThat(leaflets.get(0).note()).isEqualTo("Handed out at the fair, and by post");
        assertThat(leaflets.get(0).importedFrom()).isEqualTo("january.csv");

        // A second confirmation (a double click, a resubmitted form) imports nothing.
        mvc.perform(post(preview + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(redirectedUrl(s.base()));
        assertThat(measures.confirmImport(s.facilitator(), s.project(), UUID.fromString(preview.substring(preview.lastIndexOf('/') + 1))))
                .isEmpty();
        assertThat(points(s)).isEqualTo(4);
        assertThat(page(s, preview).text()).contains("already been imported");

        // The data page lists each measure with its latest value; the measure page shows the source.
        Document dataPage = page(s, s.base());
        assertThat(dataPage.select("tbody tr")).hasSize(3);
        assertThat(dataPage.select("tbody tr").get(1).text()).contains("People using the day centre", "44", "3 February 2026", "2");
        assertThat(page(s, people.href()).text()).contains("Imported from january.csv", "Two new members after the open day");

        // Importing the same file again: every row is a duplicate of what is recorded.
        Document again = page(s, upload(s, "january.csv", csv));
        assertThat(again.select("h2").text()).contains("0 rows will be imported", "4 rows will not be imported");
        assertThat(again.select("form button").text()).doesNotContain("Import");
    }

    @Test
    void everyKindOfBadRowIsListedWithItsLineAndAPlainReasonAndNothingIsStored() throws Exception {
        Setup s = setup();
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", MeasureKind.COUNT, new BigDecimal("12"),
                LocalDate.of(2026, 1, 5), null));
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Happy (%)", MeasureKind.PERCENTAGE,
                new BigDecimal("50"), LocalDate.of(2026, 1, 5), null));
        String future = LocalDate.now().plusDays(3).toString();
        String csv = "measure,date,value,note\n"
                + "Visits,2026-01-06,14,fine\n" // 2: good
                + ",2026-01-06,14,\n" // 3
                + "Visits,,14,\n" // 4
                + "Visits,31/02/2026,14,\n" // 5
                + "Visits," + future + ",14,\n" // 6
                + "Visits,2026-01-07,,\n" // 7
                + "Visits,2026-01-07,lots,\n" // 8
                + "Visits,2026-01-07,14,too,many\n" // 9
                + "Visits,2026-01-07,14," + "n".repeat(1001) + "\n" // 10
                + "M".repeat(201) + ",2026-01-07,14,\n" // 11
                + "Visits,05/01/2026,12.0,\n" // 12: already recorded
                + "Visits,2026-01-06,14,again\n" // 13: repeats line 2
                + "Happy (%),2026-01-07,120,\n" // 14
                + "Visits,2026-01-08,2.5,\n" // 15
                + "Visits,2026-01-08,10000000000000,\n"; // 16

        String preview = upload(s, "mixed.csv", csv);
        Document page = page(s, preview);
        assertThat(page.select("h2").text()).contains("1 row will be imported", "14 rows will not be imported");
        Map<String, String> reasons = page.select("#rejected ~ div table tbody tr").stream()
                .collect(Collectors.toMap(r -> r.select("td").get(0).text(), r -> r.select("td").get(1).text()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("3", "The measure name is missing"),
                Map.entry("4", "The date is missing"),
                Map.entry("5", "“31/02/2026” is not a real date. Write dates like 31/01/2026 or 2026-01-31"),
                Map.entry("6", "The date " + future + " is in the future"),
                Map.entry("7", "The value is missing"),
                Map.entry("8", "The value “lots” is not a number"),
                Map.entry("9", "The row has 5 columns, not the same number as the first row"),
                Map.entry("10", "The note is longer than 1000 characters"),
                Map.entry("11", "The measure name is longer than 200 characters"),
                Map.entry("12", "This value for this measure and date is already recorded"),
                Map.entry("13", "This row repeats line 2"),
                Map.entry("14", "The value 120 is not a percentage between 0 and 100"),
                Map.entry("15", "The value 2.5 is not a whole number, and this measure is a count"),
                Map.entry("16", "The value 10000000000000 is too large or has more than 6 decimal places")));
        assertThat(points(s)).isEqualTo(2);

        mvc.perform(post(preview + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(redirectedUrl(s.base()));
        assertThat(points(s)).isEqualTo(3);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWithAPlainMessageNextToTheField() throws Exception {
        Setup s = setup();
        Map<String, byte[]> files = Map.of(
                "The file is empty", new byte[0],
                "The file must be a CSV file saved as UTF-8 text", new byte[] {'m', ',', (byte) 0xE9, '\n'},
                "The first row must name the columns: measure, date, value and, if you want, note",
                "Name;Date;Value\nVisits;2026-01-01;3\n".getBytes(StandardCharsets.UTF_8),
                "The file has column names but no rows of data", "measure,date,value\n".getBytes(StandardCharsets.UTF_8));
        for (var e : files.entrySet()) {
            Document page = refusedUpload(s, "bad.csv", e.getValue());
            assertThat(page.select("#file-error").text()).as(e.getKey()).contains(e.getKey());
            assertThat(page.select(".govuk-error-summary a[href=#file]").text()).isEqualTo(e.getKey());
        }
        // A program renamed .csv is not UTF-8 text either.
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(refusedUpload(s, "data.csv", exe).select("#file-error").text()).contains("must be a CSV file");
        // Over 10 MB (the multipart limit is a little higher so this message can be shown).
        byte[] big = new byte[MeasureLimits.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(refusedUpload(s, "big.csv", big).select("#file-error").text()).contains("The file must be smaller than 10 MB");
        // No file chosen.
        Document none = Jsoup.parse(mvc.perform(multipart(s.base() + "/import").with(s.asFacilitator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(none.select("#file-error").text()).contains("Choose a CSV file to import");
        assertThat(jdbc.sql("select count(*) from measure_import where organisation_id = :org").param("org", s.org().id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHundredThousandRowFileImportsInFull() throws Exception {
        Setup s = setup();
        StringBuilder csv = new StringBuilder("measure,date,value,note\n");
        LocalDate start = LocalDate.of(1990, 1, 1); // 10,000 days later is still in the past
        for (int i = 0; i < 100_000; i++) {
            csv.append("Sensor ").append(i % 10).append(',').append(start.plusDays(i / 10)).append(',').append(i).append(",\n");
        }
        long t0 = System.nanoTime();
        String preview = upload(s, "big.csv", csv.toString());
        long t1 = System.nanoTime();
        mvc.perform(post(preview + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(redirectedUrl(s.base()));
        long t2 = System.nanoTime();
        System.out.printf("100,000-row CSV: upload and preview %d ms, confirm %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

        assertThat(points(s)).isEqualTo(100_000);
        List<Measure> list = measures.measures(s.facilitator(), s.project());
        assertThat(list).hasSize(10).allSatisfy(m -> assertThat(m.pointCount()).isEqualTo(10_000));
        // The measure page shows the latest values only, and says so.
        assertThat(page(s, list.get(0).href()).text()).contains("Showing the latest 500 of 10,000 values");
    }

    @Test
    void aFacilitatorTypesAPointInAndBadValuesGetPlainMessages() throws Exception {
        Setup s = setup();
        Document blank = Jsoup.parse(mvc.perform(post(s.base() + "/new").with(s.asFacilitator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select(".govuk-error-summary li").eachText()).containsExactly("Enter which measure the value is for",
                "This is a new measure: choose what kind of number it is", "Enter the value", "Enter the date the value is for");

        Document bad = Jsoup.parse(mvc.perform(post(s.base() + "/new").with(s.asFacilitator()).with(csrf())
                        .param("measure", "Positive feedback").param("kind", "PERCENTAGE").param("value", "120")
                        .param("observedOnDay", "31").param("observedOnMonth", "2").param("observedOnYear", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#value-error").text()).contains("between 0 and 100");
        assertThat(bad.select("#observedOn-error").text()).contains("real date");
        assertThat(bad.select("#measure").val()).isEqualTo("Positive feedback");
        assertThat(points(s)).isZero();

        mvc.perform(post(s.base() + "/new").with(s.asFacilitator()).with(csrf())
                        .param("measure", "Positive feedback").param("kind", "PERCENTAGE").param("value", "78")
                        .param("observedOnDay", "28").param("observedOnMonth", "2").param("observedOnYear", "2026")
                        .param("note", "From the feedback forms"))
                .andExpect(redirectedUrl(s.base()));
        // Same measure, another case: added to it; its kind stays (a percentage).
        mvc.perform(post(s.base() + "/new").with(s.asFacilitator()).with(csrf())
                        .param("measure", "positive FEEDBACK").param("value", "81")
                        .param("observedOnDay", "31").param("observedOnMonth", "3").param("observedOnYear", "2026"))
                .andExpect(redirectedUrl(s.base()));
        List<Measure> list = measures.measures(s.facilitator(), s.project());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).kind()).isEqualTo(MeasureKind.PERCENTAGE);
        assertThat(list.get(0).latestText()).isEqualTo("81%");
        assertThat(page(s, list.get(0).href()).text()).contains("Entered by hand", "From the feedback forms");
    }

    @Test
    void aRemovedPointIsKeptButNoLongerCounts() throws Exception {
        Setup s = setup();
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", MeasureKind.COUNT, new BigDecimal("12"),
                LocalDate.of(2026, 1, 5), null));
        UUID newer = measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", null, new BigDecimal("15"),
                LocalDate.of(2026, 2, 5), null));
        Document confirm = page(s, s.base() + "/points/" + newer + "/remove");
        assertThat(confirm.select("h1").text()).isEqualTo("Remove this value?");
        Measure visits = measures.measures(s.facilitator(), s.project()).get(0);
        mvc.perform(post(s.base() + "/points/" + newer + "/remove").with(s.asFacilitator()).with(csrf()))
                .andExpect(redirectedUrl(visits.href()));
        Measure after = measures.measures(s.facilitator(), s.project()).get(0);
        assertThat(after.pointCount()).isEqualTo(1);
        assertThat(after.latestValue()).isEqualByComparingTo("12");
        assertThat(jdbc.sql("select archived_at is not null from data_point where id = :id").param("id", newer).query(Boolean.class).single())
                .isTrue();
        // Removing it again: nothing there.
        mvc.perform(post(s.base() + "/points/" + newer + "/remove").with(s.asFacilitator()).with(csrf())).andExpect(status().isNotFound());
    }

    /**
     * The count a measure shows is kept as points change (V0083), whoever changes them: added, removed,
     * brought back, deleted outright (as retention and erasure do), moved to another measure. It is
     * always what counting the current points gives.
     */
    @Test
    void theCountShownIsKeptRightHoweverThePointsChange() throws Exception {
        Setup s = setup();
        UUID first = measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", MeasureKind.COUNT,
                new BigDecimal("12"), LocalDate.of(2026, 1, 5), null));
        UUID second = measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", null, new BigDecimal("15"),
                LocalDate.of(2026, 2, 5), null));
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Visits", null, new BigDecimal("17"),
                LocalDate.of(2026, 3, 5), null));
        UUID other = measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Calls", MeasureKind.COUNT,
                new BigDecimal("3"), LocalDate.of(2026, 3, 5), null));
        assertThat(counts(s)).containsEntry("Visits", 3L).containsEntry("Calls", 1L);

        jdbc.sql("update data_point set archived_at = now() where id = :id").param("id", second).update();
        assertThat(counts(s)).containsEntry("Visits", 2L);
        jdbc.sql("update data_point set archived_at = null where id = :id").param("id", second).update();
        assertThat(counts(s)).containsEntry("Visits", 3L);
        jdbc.sql("delete from data_point where id = :id").param("id", first).update();
        assertThat(counts(s)).containsEntry("Visits", 2L);
        UUID calls = jdbc.sql("select measure_id from data_point where id = :id").param("id", other).query(UUID.class).single();
        jdbc.sql("update data_point set measure_id = :calls where id = :id").param("calls", calls).param("id", second).update();
        assertThat(counts(s)).containsEntry("Visits", 1L).containsEntry("Calls", 2L);
        // Always what counting gives.
        for (Measure m : measures.measures(s.facilitator(), s.project())) {
            assertThat(m.pointCount()).as(m.name()).isEqualTo(jdbc.sql("select count(*) from data_point where measure_id = :m and archived_at is null")
                    .param("m", m.id()).query(Long.class).single());
        }
    }

    private java.util.Map<String, Long> counts(Setup s) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        measures.measures(s.facilitator(), s.project()).forEach(m -> counts.put(m.name(), m.pointCount()));
        return counts;
    }

    @Test
    void aMeasureTaggedToAnOutcomeAndAPlanRowIsQuantitativeEvidenceForThem() throws Exception {
        Setup s = setup();
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(s.facilitator(), s.project(), pathways.pathway(s.facilitator(), s.project()).version(),
                new PathwayService.OutcomeDraft("More people use the day centre", Term.SHORT, true, List.of(), null))).itemId();
        UUID row = ((PlanEdit.Saved) plans.addRow(s.facilitator(), s.project(), outcome, new PlanRowDraft(EvidenceType.QUANTITATIVE,
                "Monthly attendance", List.of(evidence.currentWayFromSeed(s.facilitator(), "surveys").orElseThrow().id()), "More come",
                null, null, null, null, null, null))).rowId();
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("Attendance", MeasureKind.COUNT, new BigDecimal("30"),
                LocalDate.of(2026, 3, 1), null));
        Measure m = measures.measures(s.facilitator(), s.project()).get(0);

        Document form = page(s, m.href() + "/edit");
        assertThat(form.select("input[name=outcomes]").eachAttr("value")).containsExactly(outcome.toString());
        assertThat(form.select("input[name=planRows]").eachAttr("value")).containsExactly(row.toString());

        mvc.perform(post(m.href() + "/edit").with(s.asFacilitator()).with(csrf()).param("name", "People attending")
                        .param("kind", "COUNT").param("outcomes", outcome.toString()).param("planRows", row.toString())
                        .param("outcomes", UUID.randomUUID().toString()).param("version", String.valueOf(m.version())))
                .andExpect(redirectedUrl(m.href()));
        // Saving on the old version again: refused, nothing changes.
        Document stale = Jsoup.parse(mvc.perform(post(m.href() + "/edit").with(s.asFacilitator()).with(csrf()).param("name", "Old name")
                        .param("kind", "COUNT").param("version", String.valueOf(m.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(stale.select("#name-error").text()).contains("Someone else changed this measure");

        Measure tagged = measures.measures(s.facilitator(), s.project()).get(0);
        assertThat(tagged.name()).isEqualTo("People attending");
        assertThat(tagged.outcomeIds()).containsExactly(outcome);
        assertThat(tagged.planRowIds()).containsExactly(row);
        assertThat(page(s, tagged.href()).text()).contains("More people use the day centre", "Monthly attendance");

        List<EvidenceItem> items = collected.stream().flatMap(c -> c.items(s.org().id(), s.project()).stream())
                .filter(i -> i.source().equals("measure")).toList();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(EvidenceType.QUANTITATIVE);
            assertThat(i.title()).isEqualTo("People attending");
            assertThat(i.date()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(i.outcomeIds()).containsExactly(outcome);
            assertThat(i.planRowIds()).containsExactly(row);
            assertThat(i.mayBeUsedFor(org.coproduction.impact.evidence.ConsentUse.PUBLIC)).isTrue();
        });
    }

    @Test
    void aPreviewNeverConfirmedIsClearedAfterTwoDaysAndAnImportIsInTheActivityLog() throws Exception {
        Setup s = setup();
        String old = upload(s, "old.csv", "measure,date,value\nVisits,2026-01-05,12\n");
        String recent = upload(s, "recent.csv", "measure,date,value\nVisits,2026-01-06,13\n");
        jdbc.sql("update measure_import set created_at = now() - interval '3 days' where id = :id")
                .param("id", UUID.fromString(old.substring(old.lastIndexOf('/') + 1))).update();
        String next = upload(s, "next.csv", "measure,date,value\nVisits,2026-01-07,14\n");

        mvc.perform(get(old).with(s.asFacilitator())).andExpect(status().isNotFound());
        mvc.perform(post(old + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from measure_import_row where organisation_id = :org").param("org", s.org().id().value())
                .query(Long.class).single()).isEqualTo(2);
        page(s, recent);
        mvc.perform(post(next + "/confirm").with(s.asFacilitator()).with(csrf())).andExpect(redirectedUrl(s.base()));
        assertThat(points(s)).isEqualTo(1);
        assertThat(jdbc.sql("select summary from audit_event where organisation_id = :org and action = 'IMPORTED'")
                .param("org", s.org().id().value()).query(String.class).list()).containsExactly("next.csv");
    }

    @Test
    void anotherOrganisationAndMembersCannotImportOrSeeAPreview() throws Exception {
        Setup s = setup();
        String preview = upload(s, "visits.csv", "measure,date,value\nVisits,2026-01-05,12\n");
        Setup other = setup();
        mvc.perform(get(preview).with(other.asFacilitator())).andExpect(status().isNotFound());
        mvc.perform(post(preview + "/confirm").with(other.asFacilitator()).with(csrf())).andExpect(status().isNotFound());
        // The other organisation's own project path with this import id: still not found.
        String theirs = other.base() + preview.substring(preview.indexOf("/imports/"));
        mvc.perform(post(theirs + "/confirm").with(other.asFacilitator()).with(csrf())).andExpect(status().isNotFound());
        RequestPostProcessor member = data.as(s.org().person(Role.MEMBER));
        mvc.perform(get(preview).with(member)).andExpect(status().isForbidden());
        mvc.perform(post(preview + "/confirm").with(member).with(csrf())).andExpect(status().isForbidden());
        assertThat(points(s)).isZero();
        // Members of the project can read its data.
        mvc.perform(get(s.base()).with(member)).andExpect(status().isOk());
        Element link = page(s, "/projects/" + s.project()).selectFirst("a[href=" + s.base() + "]");
        assertThat(link).isNotNull();
        // The example file downloads.
        String example = mvc.perform(get(s.base() + "/example.csv").with(s.asFacilitator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(example).startsWith("measure,date,value,note");
        String examplePreview = upload(s, "example-data-points.csv", example);
        assertThat(page(s, examplePreview).select("h2").text()).contains("6 rows will be imported").doesNotContain("will not be imported");
    }

    @Test
    void theDemoProjectHasTenMonthsOfNumbersTaggedToItsOutcomes() {
        TestData.Org org = data.organisationWithEveryRole("Demo data");
        Map<Role, UUID> people = org.people().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
        transactions.executeWithoutResult(t -> events.publishEvent(
                new org.coproduction.impact.organisation.DemoOrganisationCreated(org.id(), org.name(), people)));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.projects(facilitator).get(0).id();
        List<Measure> list = measures.measures(facilitator, project);
        assertThat(list).extracting(Measure::name).containsExactly("First visits a month", "Regular visitors a month");
        assertThat(list).allSatisfy(m -> {
            assertThat(m.pointCount()).isEqualTo(10);
            assertThat(m.outcomeIds()).hasSize(1);
            assertThat(m.latestOn()).isBefore(LocalDate.now());
        });
        assertThat(list.get(1).latestValue()).isEqualByComparingTo("38");
        // Tagged to the plan's rows for numbers about the same outcome: the plan's demo always runs first.
        var plan = measures.plan(facilitator, project);
        assertThat(list).allSatisfy(m -> assertThat(m.planRowIds()).isEqualTo(plan.currentRows().stream()
                .filter(r -> r.type() == EvidenceType.QUANTITATIVE && m.outcomeIds().contains(r.outcomeId()))
                .map(PlanRow::id).collect(Collectors.toSet())));
        assertThat(list).anySatisfy(m -> assertThat(m.planRowIds()).isNotEmpty());
    }
}
