package org.coproduction.impact.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.shared.export.ExportSink;
import org.coproduction.impact.shared.export.OrganisationExportPart;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one export part for now: every table with an {@code organisation_id}, found from the schema
 * (like {@link SubjectAccess}), so a table a module adds later is exported without a change here. It
 * reads other modules' tables read-only. Each table is written with all its columns except secrets
 * (names with password, token, secret or hash, and bytes); the organisation's media files are written
 * under {@code files/<media id>}. Rows are read with a fetch size inside the caller's transaction, so
 * the database hands them over in batches and no table is ever held in memory.
 */
@Component
class TablesExportPart implements OrganisationExportPart {

    /** Rows fetched from the database at a time. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    TablesExportPart(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        JdbcTemplate batched = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        batched.setFetchSize(FETCH_SIZE);
        this.named = new NamedParameterJdbcTemplate(batched);
    }

    /** Every ordinary table of the service's schema with an {@code organisation_id} column, by name. */
    List<String> tables() {
        return jdbc.sql("""
                        select c.relname from pg_class c
                        where c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace and not c.relispartition
                          and exists (select 1 from pg_attribute o
                                      where o.attrelid = c.oid and o.attname = 'organisation_id' and not o.attisdropped)
                        order by 1
                        """)
                .query(String.class)
                .list();
    }

    /**
     * A table's columns in order, without secrets (password, token, secret, hash, and an invitation's
     * printed joining code) and without bytes.
     */
    List<String> columns(String table) {
        return jdbc.sql("""
                        select a.attname from pg_attribute a
                        where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
                          and format_type(a.atttypid, a.atttypmod) <> 'bytea'
                          and a.attname !~* '(password|token|secret|hash)' and a.attname <> 'code'
                        order by a.attnum
                        """)
                .param("table", quote(table))
                .query(String.class)
                .list();
    }

    @Override
    public void export(Tenant tenant, ExportSink sink) {
        MapSqlParameterSource params = new MapSqlParameterSource("org", tenant.organisationId().value());
        for (String table : tables()) {
            rows(sink, params, table, "t.organisation_id = :org");
        }
        // The organisation itself, and the accounts of its people (names, email addresses, language: never
        // their passwords or two-step secrets), so the people named by id elsewhere can be known again.
        rows(sink, params, "organisation", "t.id = :org");
        rows(sink, params, "user_account",
                "exists (select 1 from membership m where m.user_id = t.id and m.organisation_id = :org)");
        // One file's bytes at a time: read together (even 500 at a time) a few photos would fill the heap.
        List<String> media = named.queryForList("""
                        select cast(f.id as text)
                        from media_file f join media_content c on c.media_id = f.id
                        where f.organisation_id = :org and c.organisation_id = :org
                        order by f.id
                        """, params, String.class);
        for (String id : media) {
            byte[] bytes = named.queryForObject("select content from media_content where media_id = cast(:id as uuid) and organisation_id = :org",
                    new MapSqlParameterSource(params.getValues()).addValue("id", id), byte[].class);
            sink.file(id, new java.io.ByteArrayInputStream(bytes));
        }
    }

    private void rows(ExportSink sink, MapSqlParameterSource params, String table, String condition) {
        List<String> columns = columns(table);
        String select = columns.stream().map(c -> "cast(t." + quote(c) + " as text)").reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        try (ExportSink.TableWriter writer = sink.table(table, columns)) {
            named.query("select " + select + " from " + quote(table) + " t where " + condition, params, rs -> {
                List<@Nullable String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                writer.row(row);
            });
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
