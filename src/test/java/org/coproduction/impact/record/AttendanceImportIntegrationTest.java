package org.coproduction.impact.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Past attendance from a spreadsheet through the pages (issue #13): nothing recorded before
 * confirming, recorded once, the same file again records nothing, a refused file changes nothing,
 * another organisation sees nothing.
 */
@IntegrationTest
class AttendanceImportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    AttendanceImports imports;

    @Autowired
    JdbcClient jdbc;

    record Setup(TestData.Org org, TestData.Person facilitator, Tenant tenant, UUID project, UUID sian, UUID dafydd) {}

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Attendance");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person sian = data.person(org.id(), Role.MEMBER, "sian-" + TestData.suffix());
        TestData.Person dafydd = data.person(org.id(), Role.MEMBER, "dafydd-" + TestData.suffix());
        jdbc.sql("update user_account set display_name = 'Siân Hughes' where id = :id").param("id", sian.id()).update();
        jdbc.sql("update user_account set display_name = 'Dafydd ap Gwŷn' where id = :id").param("id", dafydd.id()).update();
        Tenant t = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Coffee club " + TestData.suffix(), null, null, null, null, f.id(),
                false, List.of(sian.id(), dafydd.id())));
        return new Setup(org, f, t, project, sian.id(), dafydd.id());
    }

    private int items(Setup s) {
        return jdbc.sql("select count(*) from record_item where organisation_id = :org").param("org", s.org().id().value())
                .query(Integer.class).single();
    }

    private MockHttpServletResponse upload(Setup s, String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart(RecordService.base(s.project()) + "/import")
                        .file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .with(csrf()).with(data.as(s.facilitator())))
                .andReturn().getResponse();
    }

    /** The preview page once the file has been read (it is read in the background). */
    private Document readPage(Setup s, String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            Document page = Jsoup.parse(mvc.perform(get(url).with(data.as(s.facilitator()))).andReturn().getResponse().getContentAsString());
            if (page.getElementById("check-progress") == null) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the file was still being read");
    }

    @Test
    void thePreviewShowsWhatWillBeRecordedAndConfirmingRecordsItOnceWithItsAttendance() throws Exception {
        Setup s = setup();
        MockHttpServletResponse uploaded = upload(s, "attendance-names-per-row.csv", AttendanceSheetTest.sample("attendance-names-per-row.csv"));
        String url = uploaded.getRedirectedUrl();
        assertThat(url).startsWith(RecordService.base(s.project()) + "/imports/");
        Document page = readPage(s, url);
        assertThat(items(s)).isZero();
        assertThat(page.select("#activities").text()).isEqualTo("2 activities will be recorded");
        assertThat(page.select("#summary").text()).isEqualTo("2 activities with 6 people taking part, 3 of them named as members of the project.");
        assertThat(page.select("#unmatched").text()).isEqualTo("3 names did not match a member");
        assertThat(page.select("#unmatched-names li").eachText()).containsExactly("Ffion Llŷr", "Mair Jones", "Rhodri Ŵyn");
        assertThat(page.select("#refused").text()).isEqualTo("3 rows will not be brought in");
        assertThat(page.text()).contains("There is no date", "The date 31/12/2099 is in the future",
                "The date “31/02/2024” could not be read");
        assertThat(page.text()).contains("Siân Hughes, Dafydd ap Gwŷn");

        // Confirming twice (a double click, the back button) records once.
        var asF = data.as(s.facilitator());
        var first = mvc.perform(post(url + "/confirm").with(csrf()).with(asF)).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo(RecordService.base(s.project()));
        assertThat(first.getFlashMap().get("notice")).isEqualTo("2 activities recorded from the spreadsheet");
        mvc.perform(post(url + "/confirm").with(csrf()).with(asF));
        assertThat(items(s)).isEqualTo(2);

        UUID coffee = jdbc.sql("select id from record_item where project_id = :p and title = 'Coffee morning'").param("p", s.project())
                .query(UUID.class).single();
        assertThat(jdbc.sql("select others_count from record_item where id = :id").param("id", coffee).query(Integer.class).single())
                .as("Rhodri and Mair, counted not named").isEqualTo(2);
        assertThat(Set.copyOf(jdbc.sql("select user_id from record_attendance where item_id = :id").param("id", coffee).query(UUID.class).list()))
                .containsExactlyInAnyOrder(s.sian(), s.dafydd());
        assertThat(jdbc.sql("select happened_on::text from record_item where id = :id").param("id", coffee).query(String.class).single())
                .isEqualTo("2024-03-14");

        // The same file again: the preview says so, and confirming records nothing new.
        String again = upload(s, "copy of attendance.csv", AttendanceSheetTest.sample("attendance-names-per-row.csv")).getRedirectedUrl();
        assertThat(readPage(s, again).text()).contains("This file was brought into this project on");
        var twice = mvc.perform(post(again + "/confirm").with(csrf()).with(asF)).andReturn();
        assertThat(twice.getFlashMap().get("notice")).isEqualTo("This file had already been brought in: nothing new was recorded");
        assertThat(items(s)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from record_attendance where organisation_id = :org").param("org", s.org().id().value())
                .query(Integer.class).single()).isEqualTo(3);

        // The recorded activities are on the project's list.
        Document list = Jsoup.parse(mvc.perform(get(RecordService.base(s.project())).with(asF)).andReturn().getResponse().getContentAsString());
        assertThat(list.text()).contains("Coffee morning", "Planning group");
    }

    @Test
    void anXlsxWithCountsAndAnExactNameInCapitals() throws Exception {
        Setup s = setup();
        UUID id = imports.read(s.tenant(), s.project(), "attendance-welsh-counts.xlsx", AttendanceSheetTest.sample("attendance-welsh-counts.xlsx"));
        AttendanceImports.Preview p = imports.preview(s.tenant(), s.project(), id);
        assertThat(p.activities()).isEqualTo(3);
        assertThat(p.refusals()).isEqualTo(1);
        assertThat(p.unmatched()).extracting(AttendanceImports.NameCount::name).containsExactly("Elin Tŷ-gwyn");
        assertThat(imports.confirm(s.tenant(), s.project(), id)).isEqualTo(new AttendanceImports.Confirmed.Recorded(3));
        // Nine people at the first walk, two of them members; "SIÂN HUGHES" is Siân.
        assertThat(jdbc.sql("select others_count from record_item where project_id = :p and happened_on = '2024-05-07'").param("p", s.project())
                .query(Integer.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("""
                        select a.user_id from record_attendance a join record_item i on i.id = a.item_id
                        where i.project_id = :p and i.title = 'Te a sgwrs'
                        """).param("p", s.project()).query(UUID.class).list()).containsExactly(s.sian());
        assertThat(new RecordActivityProbe(jdbc).people(s.project())).isEqualTo(9 + 6 + 1);
    }

    /** People taking part as the overview counts them: named attendance plus others counted. */
    record RecordActivityProbe(JdbcClient jdbc) {
        int people(UUID project) {
            return jdbc.sql("""
                            select coalesce(sum(others_count), 0) + (select count(*) from record_attendance a join record_item i on i.id = a.item_id
                                                                     where i.project_id = :p)
                            from record_item where project_id = :p
                            """).param("p", project).query(Integer.class).single();
        }
    }

    @Test
    void aRefusedFileChangesNothing() throws Exception {
        Setup s = setup();
        String url = upload(s, "colours.csv", "Colour,Size\nred,big\n".getBytes(StandardCharsets.UTF_8)).getRedirectedUrl();
        Document page = readPage(s, url);
        assertThat(page.select("#refused-reason").text()).isEqualTo(
                "The file has no row of column names: add one with Date, Activity and Names or Number of people");
        assertThat(page.select("form[action$=confirm]")).isEmpty();
        assertThat(mvc.perform(post(url + "/confirm").with(csrf()).with(data.as(s.facilitator()))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(items(s)).isZero();
        UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from record_import_activity where import_id = :id").param("id", id).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from record_import_refusal where import_id = :id").param("id", id).query(Integer.class).single())
                .isZero();

        // No file at all: the error is next to the field and nothing is kept.
        MockHttpServletResponse none = mvc.perform(multipart(RecordService.base(s.project()) + "/import").with(csrf()).with(data.as(s.facilitator())))
                .andReturn().getResponse();
        assertThat(Jsoup.parse(none.getContentAsString()).select("#file-error").text()).contains("Choose a spreadsheet to upload");
        assertThat(jdbc.sql("select count(*) from record_import where organisation_id = :org").param("org", s.org().id().value())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationAndTheProjectsMembersSeeNothing() throws Exception {
        Setup s = setup();
        Setup other = setup();
        UUID id = imports.read(s.tenant(), s.project(), "a.csv", AttendanceSheetTest.sample("attendance-semicolon.csv"));
        String url = RecordService.base(s.project()) + "/imports/" + id;
        assertThat(mvc.perform(get(url).with(data.as(other.facilitator()))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(url + "/confirm").with(csrf()).with(data.as(other.facilitator()))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        // Their own project's address with this preview's id: not found either.
        String theirs = RecordService.base(other.project()) + "/imports/" + id;
        assertThat(mvc.perform(get(theirs).with(data.as(other.facilitator()))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> imports.confirm(other.tenant(), other.project(), id)).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get(url).with(data.as(s.org().person(Role.MEMBER)))).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(items(s) + items(other)).isZero();
    }

    @Test
    void thePeoplesNamesInAPreviewAreKeptADayAndNoLonger() throws Exception {
        Setup s = setup();
        UUID unconfirmed = imports.read(s.tenant(), s.project(), "a.csv", AttendanceSheetTest.sample("attendance-semicolon.csv"));
        UUID confirmed = imports.read(s.tenant(), s.project(), "b.csv", AttendanceSheetTest.sample("attendance-names-per-row.csv"));
        imports.confirm(s.tenant(), s.project(), confirmed);
        String names = "select count(*) from record_import_activity where import_id = :id";
        assertThat(jdbc.sql(names).param("id", unconfirmed).query(Integer.class).single()).isPositive();
        jdbc.sql("update record_import set created_at = now() - interval '2 days' where id in (:ids)")
                .param("ids", java.util.List.of(unconfirmed, confirmed)).update();

        // The next import of the organisation forgets them: the unconfirmed preview entirely, the confirmed one's names.
        imports.read(s.tenant(), s.project(), "c.csv", AttendanceSheetTest.sample("attendance-semicolon.csv"));
        assertThat(jdbc.sql("select count(*) from record_import where id = :id").param("id", unconfirmed).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql(names).param("id", unconfirmed).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql(names).param("id", confirmed).query(Integer.class).single()).isZero();
        // The confirmed file is still known, so bringing it in again records nothing new.
        assertThat(jdbc.sql("select count(*) from record_import_file where import_id = :id").param("id", confirmed).query(Integer.class).single())
                .isEqualTo(1);
    }

    /**
     * The bench (bench/README.md): 100,000 rows, one name a row, 10,000 activities of ten people
     * from a pool of 300 names, two of them the project's members. Prints the time of each step and
     * asserts only what was recorded, never a time.
     */
    @Test
    void aHundredThousandRowFileImportsInFull() {
        Setup s = setup();
        StringBuilder csv = new StringBuilder("Date,Activity,Name\n");
        LocalDateHolder day = new LocalDateHolder();
        for (int a = 0; a < 10_000; a++) {
            String date = day.next(a);
            for (int p = 0; p < 10; p++) {
                int who = (a * 7 + p * 31) % 300;
                String name = who == 0 ? "Siân Hughes" : who == 1 ? "dafydd ap gwŷn" : "Person " + who;
                csv.append(date).append(a % 2 == 0 ? ",Morning group " : ",Evening group ").append(a % 7).append(',').append(name).append('\n');
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        UUID id = imports.read(s.tenant(), s.project(), "big.csv", bytes);
        long read = System.nanoTime();
        AttendanceImports.Preview p = imports.preview(s.tenant(), s.project(), id);
        long previewed = System.nanoTime();
        AttendanceImports.Confirmed done = imports.confirm(s.tenant(), s.project(), id);
        long confirmed = System.nanoTime();
        System.out.printf("100,000-row attendance import (%,d bytes): read and staged %d ms, preview page data %d ms, confirm %d ms%n",
                bytes.length, (read - start) / 1_000_000, (previewed - read) / 1_000_000, (confirmed - previewed) / 1_000_000);
        assertThat(p.rowsRead()).isEqualTo(100_000);
        assertThat(p.refusals()).isZero();
        assertThat(done).isEqualTo(new AttendanceImports.Confirmed.Recorded(p.activities()));
        assertThat(p.activities()).isEqualTo(10_000);
        assertThat(items(s)).isEqualTo(10_000);
        assertThat(p.people()).isEqualTo(100_000);
    }

    /** Dates for the bench: two activities a day, going back from 2025, as dd/mm/yyyy. */
    static final class LocalDateHolder {
        String next(int a) {
            java.time.LocalDate d = java.time.LocalDate.of(2025, 12, 31).minusDays(a / 2);
            return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
    }
}
