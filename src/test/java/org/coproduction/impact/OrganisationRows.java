package org.coproduction.impact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation's rows, counted per table that has an {@code organisation_id} (the audit log
 * aside: a refused attempt may be noted). Equal counts before and after a hostile request show it
 * stored nothing, in any module.
 */
final class OrganisationRows {

    private OrganisationRows() {}

    static Map<String, Long> count(JdbcClient jdbc, OrganisationId organisation) {
        List<String> tables = jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                        where c.column_name = 'organisation_id' and c.table_schema = current_schema()
                          and t.table_type = 'BASE TABLE' and c.table_name <> 'audit_event'
                        order by 1
                        """).query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.sql("select count(*) from " + table + " where organisation_id = :org")
                    .param("org", organisation.value()).query(Long.class).single());
        }
        return counts;
    }
}
