package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.organisation.OrganisationExport;
import org.coproduction.impact.organisation.OrganisationImport;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leaving or moving (issue #15): an organisation with data in every module (the endpoint sweep's
 * fixture) is exported, brought back in as a new organisation, and exported again. The two exports
 * hold the same tables, the same rows and the same cells once the old ids are replaced by the new
 * ones, and the same file bytes; only the organisation's name and the activity log's entry for the
 * import itself differ. A file brought in twice, or changed, creates nothing.
 */
@IntegrationTest
class OrganisationRoundTripIntegrationTest {

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    TestData data;

    @Autowired
    OrganisationExport export;

    @Autowired
    OrganisationImport imports;

    @Autowired
    JdbcClient jdbc;

    private byte[] exportOf(Tenant admin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(admin, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A table's rows, each as its cells by column (sorted), in a sorted list: the same rows in any order compare equal. */
    private static List<String> rows(byte[] csv, UnaryOperator<String> ids, Set<String> leaveOut) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                Map<String, String> row = new TreeMap<>();
                for (String column : parser.getHeaderNames()) {
                    if (!leaveOut.contains(column)) {
                        row.put(column, ids == null ? r.get(column) : ids.apply(r.get(column)));
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void anOrganisationExportedAndBroughtBackInIsTheSameOrganisation() throws Exception {
        EndpointSweepTest sweep = new EndpointSweepTest();
        beans.autowireBean(sweep);
        EndpointSweepTest.Fixture f = sweep.newFixture();
        TestData.Person admin = f.a().person(Role.ADMIN);
        byte[] first = exportOf(new Tenant(new UserId(admin.id()), f.a().id(), f.a().name(), Role.ADMIN));

        OrganisationImport.Imported imported = imports.load(new ByteArrayInputStream(first), "Moved " + TestData.suffix(), null);
        assertThat(imported.organisationId()).isNotEqualTo(f.a().id());
        byte[] second = exportOf(new Tenant(new UserId(admin.id()), imported.organisationId(), imported.name(), Role.ADMIN));

        Map<String, byte[]> before = entries(first);
        Map<String, byte[]> after = entries(second);
        assertThat(after.keySet().stream().filter(n -> !n.startsWith("files/")).sorted().toList())
                .isEqualTo(before.keySet().stream().filter(n -> !n.startsWith("files/")).sorted().toList());
        UnaryOperator<String> ids = imported.newIds();
        int compared = 0;
        for (String name : before.keySet()) {
            if (name.startsWith("tables/")) {
                String table = name.substring("tables/".length(), name.length() - 4);
                Set<String> numbered = imports.numberedKeys(table);
                List<String> was = rows(before.get(name), ids, numbered);
                List<String> is = rows(after.get(name), null, numbered);
                if (table.equals("organisation")) {
                    assertThat(is).hasSize(1);
                    continue;
                }
                if (table.equals("audit_event")) {
                    is = is.stream().filter(r -> !r.contains("ORGANISATION_IMPORTED")).toList();
                }
                assertThat(is).as(table).isEqualTo(was);
                compared += was.size();
            } else if (name.startsWith("files/")) {
                String id = name.substring("files/".length());
                assertThat(after.get("files/" + ids.apply(id))).as(name).isEqualTo(before.get(name));
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(50);

        // The same file again creates nothing.
        int organisations = jdbc.sql("select count(*) from organisation").query(Integer.class).single();
        assertThatThrownBy(() -> imports.load(new ByteArrayInputStream(first), null, null)).isInstanceOf(OrganisationImport.Refused.class)
                .hasFieldOrPropertyWithValue("key", "organisation.import.refused.again");
        // A changed file (one byte of one table) is refused before anything is made.
        byte[] changed = first.clone();
        changed[changed.length / 3] ^= 1;
        assertThatThrownBy(() -> imports.load(new ByteArrayInputStream(changed), "Changed", null)).isInstanceOf(OrganisationImport.Refused.class);
        assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single()).isEqualTo(organisations);
    }
}
