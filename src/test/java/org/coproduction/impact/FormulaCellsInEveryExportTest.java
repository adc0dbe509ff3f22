package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coproduction.impact.EndpointSweepTest.Endpoint;
import org.coproduction.impact.EndpointSweepTest.Fixture;
import org.coproduction.impact.shared.document.Csv;
import org.coproduction.impact.shared.tenancy.EndpointAccess;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Formula cells (issue 15): every CSV and Excel download the service makes (found by walking the
 * endpoint list for addresses ending in .csv or .xlsx) is fetched by A's ADMIN after the names and
 * words people typed in the sweep's fixture (the project, its outcome, the form's title, the plan's rows; the form's
 * free text answers are covered by {@code FormResponsesIntegrationTest}) are set to payloads that a spreadsheet would run. No CSV cell may
 * start with = + - @, a tab or a carriage return (neutralised cells start with '), and no Excel cell
 * may be a formula or show such text without Excel's quote prefix. The form sweep covers what
 * reaches pages; this covers what reaches files. The example files (fixed text of our own) are left
 * out, and the subject access zip is checked by {@code SubjectAccessIntegrationTest}.
 */
@IntegrationTest
@TestPropertySource(properties = "app.operator.usernames=" + EndpointSweepTest.OPERATOR)
class FormulaCellsInEveryExportTest {

    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+9)", "\t=1+1", "\r=1+1");

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noExportHasACellASpreadsheetWouldRun() throws Exception {
        EndpointSweepTest sweep = new EndpointSweepTest();
        beans.autowireBean(sweep);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String formula : FORMULAS) {
            Fixture f = sweep.newFixture();
            jdbc.sql("update project set name = :v where id = :id").param("v", formula + " " + TestData.suffix())
                    .param("id", f.project().id()).update();
            jdbc.sql("update outcome set title = :v where id = :id").param("v", formula).param("id", f.project().outcomeId()).update();
            jdbc.sql("update form set title = :v where id = :id").param("v", formula).param("id", f.form().id()).update();
            jdbc.sql("update plan_row set form_of_evidence = :v, success_looks_like = :v, target = :v where organisation_id = :org")
                    .param("v", formula).param("org", f.a().id().value()).update();
            for (Endpoint e : sweep.endpoints()) {
                if (e.method() != HttpMethod.GET || !(e.pattern().endsWith(".csv") || e.pattern().endsWith(".xlsx"))
                        || e.pattern().endsWith("/example.csv") || e.access() instanceof EndpointAccess.Api) {
                    continue;
                }
                String uri = EndpointSweepTest.expand(e.pattern(), f);
                MockHttpServletResponse file = mvc.perform(get(uri).with(data.as(f.a().person(Role.ADMIN)))).andReturn().getResponse();
                if (file.getStatus() != 200) {
                    problems.add(uri + ": status " + file.getStatus());
                    continue;
                }
                checked++;
                problems.addAll(uri.endsWith(".csv") ? csv(uri, file) : xlsx(uri, file));
            }
        }
        assertThat(checked).as("exports fetched").isGreaterThanOrEqualTo(FORMULAS.size() * 4);
        assertThat(problems).isEmpty();
    }

    static List<String> csv(String uri, MockHttpServletResponse file) throws Exception {
        List<String> problems = new ArrayList<>();
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            for (String cell : record) {
                String value = cell.startsWith(Csv.BYTE_ORDER_MARK) ? cell.substring(1) : cell;
                if (Csv.couldRun(value)) {
                    problems.add(uri + ": a cell a spreadsheet would run: " + value);
                }
            }
        }
        return problems;
    }

    static List<String> xlsx(String uri, MockHttpServletResponse file) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            problems.add(uri + ": a formula cell: " + cell.getCellFormula());
                        } else if (cell.getCellType() == CellType.STRING && Csv.couldRun(cell.getStringCellValue())
                                && !cell.getCellStyle().getQuotePrefixed()) {
                            problems.add(uri + ": text a spreadsheet would run, without a quote prefix: " + cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return problems;
    }
}
