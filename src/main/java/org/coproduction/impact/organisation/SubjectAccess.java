package org.coproduction.impact.organisation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.document.Csv;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject access request (UK GDPR article 15): everything the organisation holds about one person
 * with an account, in one zip: a readable summary ({@code summary.html}), the same as JSON
 * ({@code data.json}) and as one CSV a kind of record ({@code csv/}), and the files they added or that
 * are attached to records about them ({@code files/}).
 *
 * <p>What is about them is found from the schema, not from a list kept by hand: every column of a
 * tenant table that refers to their account (answers given through their personal link, entries
 * they added, activities they attended, consents, changes they made, audit entries of their
 * actions), so a module added later cannot be forgotten. Added to that: their account, the audit
 * entries about them, and the records and consents that name them in words. Columns holding
 * secrets (password hashes, tokens) and file bytes are never read into the tables. Every read is
 * scoped to the organisation of the ADMIN who asks, and the download is audited.
 *
 * <p>This is the one place that reads other modules' tables: it reads, never writes, and only by the
 * foreign keys the modules themselves declared.
 */
@Service
public class SubjectAccess {

    /** The zip's entries: a page to read and the same for computers. */
    private static final String SUMMARY = "summary.html";
    private static final String DATA = "data.json";

    /** How many rows a kind of record shows in the summary; all of them are in the data file and csv/. */
    static final int SUMMARY_ROWS = 50;

    /** A kind of record about the person: its rows are those of {@code table} where {@code condition}. */
    record Part(String name, String table, List<String> columns, String condition) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TransactionTemplate readOnly;

    SubjectAccess(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
            OrganisationService organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.named = new NamedParameterJdbcTemplate(template);
        this.organisations = organisations;
        this.audit = audit;
    }

    /** A column of a tenant table that refers to a person's account. */
    record AccountReference(String table, String column) {}

    /**
     * Every column of a table with an {@code organisation_id} that refers to an account, read from
     * the schema's foreign keys: the one discovery of "what is about a person" that subject access
     * and erasure ({@link Erasure}) share.
     */
    List<AccountReference> accountReferences() {
        return jdbc.sql("""
                        select cl.relname as table_name, a.attname as column_name
                        from pg_constraint c
                        join pg_class cl on cl.oid = c.conrelid
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'f' and c.confrelid = 'user_account'::regclass
                          and cl.relnamespace = 'public'::regnamespace
                          and exists (select 1 from pg_attribute o
                                      where o.attrelid = cl.oid and o.attname = 'organisation_id' and not o.attisdropped)
                        order by cl.relname, a.attname
                        """)
                .query((rs, n) -> new AccountReference(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Every tenant table's column that refers to an account, with the columns safe to show. */
    List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("user_account", "user_account", columns("user_account"),
                "t.id = :user and exists (select 1 from membership m where m.user_id = t.id and m.organisation_id = :org)"));
        accountReferences().forEach(ref -> parts.add(new Part(ref.table() + "." + ref.column(), ref.table(), columns(ref.table()),
                "t.organisation_id = :org and t." + quote(ref.column()) + " = :user")));
        parts.add(new Part("audit_event.about", "audit_event", columns("audit_event"),
                "t.organisation_id = :org and t.entity_id in (cast(:user as text), cast(:membership as text))"));
        parts.add(new Part("record_item.speaker_name", "record_item", columns("record_item"),
                "t.organisation_id = :org and lower(t.speaker_name) = lower(:name)"));
        parts.add(new Part("record_consent.given_by", "record_consent", columns("record_consent"),
                "t.organisation_id = :org and lower(t.given_by) = lower(:name)"));
        return parts;
    }

    private List<String> columns(String table) {
        return jdbc.sql("""
                        select a.attname from pg_attribute a
                        where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
                          and format_type(a.atttypid, a.atttypmod) <> 'bytea'
                          and a.attname !~* '(password|token|secret|hash)'
                        order by a.attnum
                        """)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes the zip for the person (a membership of the ADMIN's organisation), read in one
     * read-only transaction so its parts agree with each other, and audits it.
     */
    public void write(Tenant admin, java.util.UUID membershipId, OutputStream out) {
        Person person = organisations.person(admin, membershipId);
        readOnly.executeWithoutResult(status -> writeZip(admin, person, out));
        audit.record(admin.organisationId(), admin.userId(), "SUBJECT_ACCESS_DOWNLOADED", "membership", person.id(),
                person.displayName());
    }

    private void writeZip(Tenant admin, Person person, OutputStream out) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("org", admin.organisationId().value())
                .addValue("user", person.userId())
                .addValue("membership", person.id())
                .addValue("name", person.displayName());
        List<Part> parts = parts();
        Map<Part, Integer> counts = new LinkedHashMap<>();
        Map<Part, List<List<String>>> firstRows = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(DATA));
            JsonGenerator generator = json.createGenerator(uncloseable(zip));
            generator.writeStartObject();
            generator.writeStringProperty("person", person.displayName());
            generator.writeStringProperty("username", person.username());
            generator.writeStringProperty("organisation", admin.organisationName());
            generator.writeStringProperty("madeAt", OffsetDateTime.now().toString());
            generator.writeObjectPropertyStart("records");
            for (Part part : parts) {
                List<List<String>> shown = new ArrayList<>();
                int[] count = {0};
                generator.writeArrayPropertyStart(part.name());
                rows(part, params, row -> {
                    generator.writeStartObject();
                    for (int i = 0; i < row.size(); i++) {
                        generator.writeStringProperty(part.columns().get(i), row.get(i));
                    }
                    generator.writeEndObject();
                    if (count[0]++ < SUMMARY_ROWS) {
                        shown.add(row);
                    }
                });
                generator.writeEndArray();
                counts.put(part, count[0]);
                firstRows.put(part, shown);
            }
            generator.writeEndObject();
            generator.writeEndObject();
            generator.flush();
            zip.closeEntry();

            for (Part part : parts) {
                if (counts.get(part) == 0) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry("csv/" + part.name() + ".csv"));
                Writer writer = new OutputStreamWriter(uncloseable(zip), StandardCharsets.UTF_8);
                writer.write(Csv.BYTE_ORDER_MARK);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                        .setHeader(part.columns().toArray(String[]::new)).get());
                rows(part, params, row -> print(csv, row));
                csv.flush();
                zip.closeEntry();
            }

            int files = files(params, zip);

            zip.putNextEntry(new ZipEntry(SUMMARY));
            zip.write(summary(admin, person, parts, counts, firstRows, files).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rows(Part part, MapSqlParameterSource params, java.util.function.Consumer<List<String>> each) {
        String select = part.columns().stream().map(c -> "cast(t." + quote(c) + " as text)").reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        named.query("select " + select + " from " + quote(part.table()) + " t where " + part.condition() + " order by 1",
                params, rs -> {
                    List<String> row = new ArrayList<>(part.columns().size());
                    for (int i = 1; i <= part.columns().size(); i++) {
                        row.add(rs.getString(i));
                    }
                    each.accept(row);
                });
    }

    private static void print(CSVPrinter csv, List<String> row) {
        try {
            csv.printRecord(row.stream().map(Csv::neutralise).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files the person added, and the files attached to a record about them that someone else
     * added (a photo of them in their case study, a recording of what they said): the record names
     * them as its speaker, by account or by name, or they gave consent for it. As they were uploaded
     * (metadata was removed then). Photos of an activity they only attended are not included: those
     * are about the group, and other people may be in them.
     */
    private int files(MapSqlParameterSource params, ZipOutputStream zip) {
        List<String[]> files = new ArrayList<>();
        named.query("""
                        select cast(f.id as text) as id, f.filename
                        from media_file f join media_content c on c.media_id = f.id
                        where f.organisation_id = :org
                          and (f.uploaded_by = :user
                               or exists (select 1 from record_item_media im join record_item i on i.id = im.item_id
                                          where im.organisation_id = :org and im.media_file_id = f.id
                                            and (i.speaker_user_id = :user or lower(i.speaker_name) = lower(:name)
                                                 or exists (select 1 from record_consent rc
                                                            where rc.organisation_id = :org and rc.item_id = i.id
                                                              and lower(rc.given_by) = lower(:name)))))
                        order by f.uploaded_at
                        """, params, (org.springframework.jdbc.core.RowCallbackHandler) rs -> files.add(new String[] {rs.getString("id"), rs.getString("filename")}));
        // One file's bytes at a time: read together, a few photos would fill the heap.
        for (String[] file : files) {
            try {
                String safe = file[1].replaceAll("[^\\p{L}\\p{N}._-]+", "-");
                zip.putNextEntry(new ZipEntry("files/" + file[0] + "-" + safe));
                zip.write(named.queryForObject("select content from media_content where media_id = cast(:id as uuid) and organisation_id = :org",
                        new MapSqlParameterSource(params.getValues()).addValue("id", file[0]), byte[].class));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.size();
    }

    private String summary(Tenant admin, Person person, List<Part> parts, Map<Part, Integer> counts,
            Map<Part, List<List<String>>> firstRows, int files) {
        StringBuilder html = new StringBuilder();
        String title = Ui.t("subject-access.summary.title", person.displayName());
        html.append("<!DOCTYPE html><html lang=\"").append(Ui.lang()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(e(title)).append("</title></head><body><h1>").append(e(title)).append("</h1><p>")
                .append(e(Ui.t("subject-access.summary.intro", admin.organisationName(), Ui.dateTime(OffsetDateTime.now()))))
                .append("</p><p>").append(e(Ui.t("subject-access.summary.files", files))).append("</p>");
        for (Part part : parts) {
            int count = counts.get(part);
            if (count == 0) {
                continue;
            }
            html.append("<h2>").append(e(part.name())).append("</h2><p>")
                    .append(e(count <= SUMMARY_ROWS
                            ? Ui.t("subject-access.summary.all", count)
                            : Ui.t("subject-access.summary.first", count, SUMMARY_ROWS)))
                    .append("</p>")
                    .append("<table><thead><tr>");
            part.columns().forEach(c -> html.append("<th scope=\"col\">").append(e(c)).append("</th>"));
            html.append("</tr></thead><tbody>");
            for (List<String> row : firstRows.get(part)) {
                html.append("<tr>");
                row.forEach(v -> html.append("<td>").append(e(v == null ? "" : v)).append("</td>"));
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    /** The zip's stream, for writers that close what they are given: closing it ends nothing. */
    private static OutputStream uncloseable(ZipOutputStream zip) {
        return new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
