package org.coproduction.impact.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.export.ExportCheck;
import org.coproduction.impact.shared.export.ExportZip;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a whole-organisation export (docs/export-format.md) back in as a new organisation (issue #15):
 * leaving one instance for another, or moving. The file is checked first ({@link ExportCheck}); then,
 * in one transaction, every table is loaded in foreign-key order with every id replaced by a new one
 * (one map across all tables, applied to every id wherever it appears: id columns, arrays, JSON and
 * "source:id" text), secrets the export left out made afresh (tokens, submission tokens; a media
 * file's bytes from its {@code files/} entry), and the people's accounts re-created without a
 * usable password (each sets one with "Forgot your password?" or an ADMIN's reset link). An
 * account is linked instead where this instance already has one with the same email address; a
 * username already taken here gets a number after it. A file is brought in once: its SHA-256 is
 * kept, and the same file again is refused.
 */
@Service
public class OrganisationImport {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a file cannot be brought in: a message key and its words. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final List<String> details;

        Refused(String key, String... details) {
            super(key, null, false, false);
            this.key = key;
            this.details = List.of(details);
        }

        public String key() {
            return key;
        }

        public List<String> details() {
            return details;
        }
    }

    /** What was brought in, and the new id of every id of the file. */
    public record Imported(OrganisationId organisationId, String name, Map<String, Integer> rows, int accountsMade, int accountsLinked, int files,
            Map<String, String> newIds) {}

    private record Column(String name, String type, boolean notNull, boolean hasDefault) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    OrganisationImport(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** Checks a file and says what it holds, creating nothing. */
    public ExportCheck.Summary check(byte[] zip) {
        try {
            return ExportCheck.check(new ByteArrayInputStream(zip));
        } catch (ExportCheck.Refused e) {
            throw new Refused(e.key());
        }
    }

    /** An uploaded export as the operator checks it: what it holds, and who will have their account linked or made. */
    public record Staged(UUID id, ExportCheck.Summary summary, int accounts, int accountsLinked, boolean broughtInBefore) {}

    /**
     * Keeps an upload for the operator to check, after checking it is a whole, unchanged export (a
     * refused file keeps nothing). Uploads older than a day are forgotten here.
     */
    @Transactional
    public UUID stage(byte[] zip) {
        check(zip);
        jdbc.sql("delete from organisation_import_upload where created_at < now() - interval '1 day'").update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation_import_upload (id, file_sha256, file) values (:id, :hash, :file)")
                .param("id", id).param("hash", sha256(zip)).param("file", zip).update();
        return id;
    }

    /** What a kept upload holds; refused (with the reason) if it is no longer a file that can be brought in. */
    @Transactional(readOnly = true)
    public Staged staged(UUID id) {
        byte[] zip = upload(id);
        ExportCheck.Summary summary = check(zip);
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        read(zip, tables, new HashMap<>());
        List<Map<String, String>> accounts = tables.getOrDefault("user_account", List.of());
        int linked = 0;
        for (Map<String, String> a : accounts) {
            String email = a.get("email");
            if (email != null && !email.isEmpty() && jdbc.sql("select count(*) from user_account where lower(email) = lower(:e)").param("e", email)
                    .query(Integer.class).single() > 0) {
                linked++;
            }
        }
        boolean before = jdbc.sql("select count(*) from organisation_import where file_sha256 = :hash").param("hash", sha256(zip))
                .query(Integer.class).single() > 0;
        return new Staged(id, summary, accounts.size(), linked, before);
    }

    /** Brings a kept upload in (see {@link #load}) and forgets the upload. */
    @Transactional
    public Imported confirm(UUID id, @Nullable String name, @Nullable UserId by) {
        Imported imported = load(upload(id), name, by);
        jdbc.sql("delete from organisation_import_upload where id = :id").param("id", id).update();
        return imported;
    }

    private byte[] upload(UUID id) {
        return jdbc.sql("select file from organisation_import_upload where id = :id").param("id", id).query(byte[].class).optional()
                .orElseThrow(() -> new org.coproduction.impact.shared.tenancy.NotFoundException("organisation import"));
    }

    /** Brings the file in as a new organisation, named {@code name} (the file's own name when blank). */
    @Transactional
    public Imported load(byte[] zip, @Nullable String name, @Nullable UserId by) {
        ExportCheck.Summary summary = check(zip);
        String hash = sha256(zip);
        UUID before = jdbc.sql("select imported_organisation from organisation_import where file_sha256 = :hash").param("hash", hash)
                .query(UUID.class).optional().orElse(null);
        if (before != null) {
            throw new Refused("organisation.import.refused.again");
        }
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        read(zip, tables, files);

        Map<String, String> ids = new HashMap<>();
        // Every primary-key id gets a new one; accounts are matched first, as they may be linked instead.
        Set<String> linkedAccounts = new HashSet<>();
        int[] made = {0};
        for (Map<String, String> account : tables.getOrDefault("user_account", List.of())) {
            String email = account.get("email");
            UUID existing = email == null || email.isEmpty() ? null
                    : jdbc.sql("select id from user_account where lower(email) = lower(:email)").param("email", email).query(UUID.class).optional()
                            .orElse(null);
            if (existing != null) {
                ids.put(account.get("id"), existing.toString());
                linkedAccounts.add(account.get("id"));
            }
        }
        for (Map.Entry<String, List<Map<String, String>>> t : tables.entrySet()) {
            if (primaryKeyIsId(t.getKey())) {
                for (Map<String, String> row : t.getValue()) {
                    ids.putIfAbsent(row.get("id"), UUID.randomUUID().toString());
                }
            }
        }
        List<Map<String, String>> organisation = tables.get("organisation");
        if (organisation == null || organisation.size() != 1) {
            throw new Refused("organisation.import.refused.no-organisation");
        }
        String newName = name == null || name.isBlank() ? organisation.getFirst().get("name") : name.strip();
        if (newName.length() > 200) {
            throw new Refused("organisation.import.refused.name");
        }
        organisation.getFirst().put("name", newName);
        OrganisationId org = new OrganisationId(UUID.fromString(ids.get(organisation.getFirst().get("id"))));

        Map<String, Integer> counts = new LinkedHashMap<>();
        insert("organisation", organisation, ids, files, counts);
        List<Map<String, String>> accounts = new ArrayList<>();
        for (Map<String, String> account : tables.getOrDefault("user_account", List.of())) {
            if (linkedAccounts.contains(account.get("id"))) {
                continue;
            }
            account.put("username", freeUsername(account.get("username")));
            accounts.add(account);
            made[0]++;
        }
        insert("user_account", accounts, ids, files, counts);
        for (String table : inForeignKeyOrder(tables.keySet())) {
            if (!table.equals("organisation") && !table.equals("user_account")) {
                insert(table, tables.get(table), ids, files, counts);
            }
        }
        jdbc.sql("insert into organisation_import (file_sha256, imported_organisation, source_name) values (:hash, :org, :source)")
                .param("hash", hash).param("org", org.value()).param("source", summary.organisation()).update();
        audit.record(org, by, "ORGANISATION_IMPORTED", "organisation", org.value(),
                summary.organisation() + ": " + counts.values().stream().mapToInt(Integer::intValue).sum() + " rows");
        return new Imported(org, newName, counts, made[0], linkedAccounts.size(), files.size(), Map.copyOf(ids));
    }

    /** A username not taken here: the same, or with the lowest number after it that is free. */
    private String freeUsername(String wanted) {
        String base = wanted.length() > 55 ? wanted.substring(0, 55) : wanted;
        String candidate = wanted;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private boolean taken(String username) {
        return jdbc.sql("select count(*) from user_account where lower(username) = lower(:u)").param("u", username).query(Integer.class).single() > 0;
    }

    private boolean primaryKeyIsId(String table) {
        return jdbc.sql("""
                        select count(*) from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                        where i.indrelid = cast(:t as regclass) and i.indisprimary and a.attname = 'id'
                          and format_type(a.atttypid, a.atttypmod) = 'uuid' and cardinality(i.indkey) = 1
                        """).param("t", quote(table)).query(Integer.class).single() > 0;
    }

    /** The tables in an order where each comes after every table it refers to (a table referring to itself is loaded row by row). */
    private List<String> inForeignKeyOrder(Set<String> tables) {
        Map<String, Set<String>> needs = new HashMap<>();
        for (String t : tables) {
            needs.put(t, new HashSet<>(jdbc.sql("""
                            select distinct cast(confrelid as regclass)::text from pg_constraint
                            where contype = 'f' and conrelid = cast(:t as regclass) and confrelid <> conrelid
                            """).param("t", quote(t)).query(String.class).list().stream().map(n -> n.replace("\"", "")).filter(tables::contains).toList()));
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            ready.clear();
            tables.stream().sorted().filter(t -> !placed.contains(t) && placed.containsAll(needs.get(t))).forEach(ready::add);
            if (ready.isEmpty()) {
                throw new IllegalStateException("tables refer to each other in a circle: " + tables.stream().filter(t -> !placed.contains(t)).toList());
            }
            placed.addAll(ready);
            order.addAll(ready);
        }
        return order;
    }

    private List<Column> columns(String table) {
        return jdbc.sql("""
                        select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null, a.atthasdef as has_default
                        from pg_attribute a
                        where a.attrelid = cast(:t as regclass) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                        order by a.attnum
                        """).param("t", quote(table)).query(Column.class).list();
    }

    /** Primary-key columns the database numbers itself (serial or identity), which an import leaves to it. */
    public Set<String> numberedKeys(String table) {
        return new HashSet<>(jdbc.sql("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                        where i.indrelid = cast(:t as regclass) and i.indisprimary
                          and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like 'nextval(%')
                        """).param("t", quote(table)).query(String.class).list());
    }

    /** The columns of the table that refer to the same table (a parent row), which must be loaded first. */
    private List<String> selfReferences(String table) {
        return jdbc.sql("""
                        select a.attname from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                        where c.contype = 'f' and c.conrelid = cast(:t as regclass) and c.confrelid = c.conrelid
                        """).param("t", quote(table)).query(String.class).list();
    }

    private void insert(String table, List<Map<String, String>> rows, Map<String, String> ids, Map<String, byte[]> files,
            Map<String, Integer> counts) {
        if (rows.isEmpty()) {
            counts.put(table, 0);
            return;
        }
        List<Column> columns = columns(table);
        Set<String> given = rows.getFirst().keySet();
        // A number the database gives (a serial or identity key) is given afresh here, never copied from the file.
        Set<String> numbered = numberedKeys(table);
        List<Column> used = columns.stream().filter(c -> !numbered.contains(c.name()))
                .filter(c -> given.contains(c.name()) || (c.notNull() && !c.hasDefault())).toList();
        String sql = "insert into " + quote(table) + " (" + String.join(", ", used.stream().map(c -> quote(c.name())).toList()) + ") values ("
                + String.join(", ", used.stream().map(c -> "cast(:" + param(c.name()) + " as " + c.type() + ")").toList()) + ")";
        List<Map<String, String>> ordered = parentsFirst(rows, selfReferences(table));
        for (Map<String, String> row : ordered) {
            JdbcClient.StatementSpec spec = jdbc.sql(sql);
            for (Column c : used) {
                spec = spec.param(param(c.name()), value(table, c, row, ids, files));
            }
            spec.update();
        }
        counts.put(table, rows.size());
    }

    /** Rows whose parent (a self-reference) is in the file come after it. */
    private static List<Map<String, String>> parentsFirst(List<Map<String, String>> rows, List<String> parents) {
        if (parents.isEmpty()) {
            return rows;
        }
        List<Map<String, String>> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> present = new HashSet<>();
        rows.forEach(r -> present.add(r.get("id")));
        List<Map<String, String>> left = new ArrayList<>(rows);
        while (!left.isEmpty()) {
            List<Map<String, String>> next = left.stream().filter(r -> parents.stream().map(r::get)
                    .allMatch(p -> p == null || p.isEmpty() || !present.contains(p) || done.contains(p))).toList();
            if (next.isEmpty()) {
                throw new Refused("organisation.import.refused.changed");
            }
            next.forEach(r -> done.add(r.get("id")));
            ordered.addAll(next);
            left.removeAll(next);
        }
        return ordered;
    }

    /** A cell as it goes into the new organisation: ids mapped, secrets the export left out made afresh. */
    private @Nullable Object value(String table, Column c, Map<String, String> row, Map<String, String> ids, Map<String, byte[]> files) {
        String cell = row.get(c.name());
        if (cell == null) {
            // Left out of the export: a secret or bytes.
            if (c.type().equals("bytea")) {
                if (table.equals("media_content")) {
                    byte[] bytes = files.get(row.get("media_id"));
                    if (bytes == null) {
                        throw new Refused("organisation.import.refused.changed");
                    }
                    return bytes;
                }
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                return random;
            }
            if (c.name().equals("password_hash")) {
                return encoder.encode(UUID.randomUUID() + "" + UUID.randomUUID());
            }
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        if (cell.isEmpty()) {
            return c.notNull() ? "" : null;
        }
        return mapIds(cell, ids);
    }

    /** Every id of the file in the text replaced by its new one (ids of nothing in the file are kept). */
    static String mapIds(String text, Map<String, String> ids) {
        Matcher m = UUID_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads the zip's tables (each a list of rows by column name, cells as stored) and files. */
    private static void read(byte[] zip, Map<String, List<Map<String, String>>> tables, Map<String, byte[]> files) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                byte[] bytes = in.readAllBytes();
                if (name.startsWith("tables/") && name.endsWith(".csv")) {
                    tables.put(name.substring("tables/".length(), name.length() - 4), rows(bytes));
                } else if (name.startsWith("files/")) {
                    files.put(name.substring("files/".length()), bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> rows(byte[] csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : header) {
                    row.put(h, ExportZip.readCell(r.get(h)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String param(String column) {
        return "c_" + column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
