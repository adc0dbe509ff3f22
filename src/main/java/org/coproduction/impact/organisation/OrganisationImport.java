package org.coproduction.impact.organisation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.export.ExportCheck;
import org.coproduction.impact.shared.export.ExportZip;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a whole-organisation export (docs/export-format.md) back in as a new organisation (issue #15):
 * leaving one instance for another, or moving. The file is checked first ({@link ExportCheck}); then,
 * in one transaction, every table is loaded in foreign-key order with every id replaced by a new one
 * (the same new id for an old one wherever it appears: id columns, arrays, JSON and "source:id"
 * text), secrets the export left out made afresh (tokens, submission tokens; a media file's bytes
 * from its {@code files/} entry), and the people's accounts re-created without a usable password
 * (each sets one with "Forgot your password?" or an ADMIN's reset link). An account is linked instead
 * where this instance already has one with the same email address; a username already taken here
 * gets a number after it. A file is brought in once: its SHA-256 is kept, and the same file again is
 * refused.
 *
 * <p>No step holds the whole file, a whole table or the files' bytes in memory: an upload is checked
 * as a stream and kept in the database in parts of 1 MiB as it is read; the check page and the
 * loader copy it back to a temporary file and read the zip's entries from it one row at a time,
 * inserting in batches. What it holds is the old ids of the file
 * (16 bytes and an object each), which it needs to know which ids to replace. A table whose rows refer
 * to each other is the one exception (its rows are ordered parents first in memory).
 */
@Service
public class OrganisationImport {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An upload is kept in the database in parts of this size. */
    static final int PART_BYTES = 1024 * 1024;

    /** Rows inserted in one batch; a batch of media bytes is also sent once it holds this many bytes. */
    private static final int BATCH_ROWS = 500;

    private static final long BATCH_BYTES = 16L * 1024 * 1024;

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

    /**
     * What was brought in; {@code newIds} gives any text of the file with every id of the file
     * replaced by its new one (an id of nothing in the file is left as it is).
     */
    public record Imported(OrganisationId organisationId, String name, Map<String, Integer> rows, int accountsMade, int accountsLinked, int files,
            UnaryOperator<String> newIds) {}

    /** An uploaded export as the operator checks it: what it holds, and who will have their account linked or made. */
    /**
     * What a kept upload holds, worked out once when it was uploaded: where it comes from, its rows in
     * how many tables, its files, its accounts and how many of those already have an account here.
     */
    public record Staged(UUID id, String organisation, String appVersion, long rows, int tables, int files, int accounts, int accountsLinked,
            boolean broughtInBefore) {}

    private record Column(String name, String type, boolean notNull, boolean hasDefault) {}

    /** An upload copied to a temporary file, and its SHA-256. */
    private record Copied(Path file, String sha256) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    OrganisationImport(JdbcClient jdbc, NamedParameterJdbcTemplate batches, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.encoder = encoder;
        this.audit = audit;
    }

    /**
     * Keeps an upload for the operator to check, after checking it is a whole, unchanged export (a
     * refused file keeps nothing). Uploads older than a day are forgotten here.
     */
    @Transactional
    public UUID stage(InputStream upload) {
        jdbc.sql("delete from organisation_import_upload where created_at < now() - interval '1 day'").update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation_import_upload (id, file_sha256) values (:id, '')").param("id", id).update();
        // One pass over the upload: the check reads it as a stream while every byte read is hashed,
        // kept in parts and copied to a temporary file; what the check does not need to read (the
        // zip's directory) is kept after. The accounts are then read from the copy, once: the check
        // page shows what is worked out here and does not read the file again.
        MessageDigest digest = sha256();
        Path copy;
        try {
            copy = Files.createTempFile("organisation-import-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ExportCheck.Summary summary = keep(id, upload, digest, copy);
            List<String> emails = accountEmails(copy);
            jdbc.sql("""
                            update organisation_import_upload
                            set file_sha256 = :hash, source_organisation = :organisation, app_version = :version, table_rows = :rows,
                                tables = :tables, files = :files, accounts = :accounts, account_emails = :emails
                            where id = :id
                            """)
                    .param("id", id).param("hash", HexFormat.of().formatHex(digest.digest()))
                    .param("organisation", summary.organisation()).param("version", summary.appVersion())
                    .param("rows", summary.rows().values().stream().mapToLong(Long::longValue).sum()).param("tables", summary.rows().size())
                    .param("files", summary.files()).param("accounts", emails.size())
                    .param("emails", emails.stream().filter(e -> !e.isEmpty()).distinct().toArray(String[]::new)).update();
            return id;
        } finally {
            forget(copy);
        }
    }

    /** Checks the upload while keeping it in parts and copying it to {@code copy}; what the check found. */
    private ExportCheck.Summary keep(UUID id, InputStream upload, MessageDigest digest, Path copy) {
        try (Parts parts = new Parts(id); OutputStream copied = Files.newOutputStream(copy)) {
            InputStream kept = new FilterInputStream(upload) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        digest.update((byte) b);
                        parts.write(b);
                        copied.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    int n = super.read(into, offset, length);
                    if (n > 0) {
                        digest.update(into, offset, n);
                        parts.write(into, offset, n);
                        copied.write(into, offset, n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    return n <= 0 ? 0 : Math.max(read(new byte[(int) Math.min(n, 8192)]), 0);
                }

                @Override
                public void close() {
                    // The check closes its stream; the rest of the upload is still to be kept.
                }
            };
            ExportCheck.Summary summary;
            try {
                summary = ExportCheck.check(kept);
            } catch (ExportCheck.Refused e) {
                throw new Refused(e.key());
            }
            kept.transferTo(OutputStream.nullOutputStream());
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The email of each account in an export (lower case; empty where it has none). */
    private static List<String> accountEmails(Path file) {
        List<String> emails = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            eachRow(zip, "user_account", (header, account) -> {
                String email = account.get("email");
                emails.add(email == null ? "" : email.toLowerCase(Locale.ROOT));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return emails;
    }

    /** Keeps what is written to it as an upload's parts of {@link #PART_BYTES}. */
    private final class Parts extends OutputStream {
        private final UUID id;
        private final byte[] part = new byte[PART_BYTES];
        private int filled;
        private int next;

        Parts(UUID id) {
            this.id = id;
        }

        @Override
        public void write(int b) {
            part[filled++] = (byte) b;
            if (filled == part.length) {
                keep();
            }
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, part.length - filled);
                System.arraycopy(from, offset, part, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == part.length) {
                    keep();
                }
            }
        }

        private void keep() {
            jdbc.sql("insert into organisation_import_upload_part (upload_id, part, bytes) values (:id, :n, :bytes)")
                    .param("id", id).param("n", next++).param("bytes", Arrays.copyOf(part, filled)).update();
            filled = 0;
        }

        @Override
        public void close() {
            if (filled > 0) {
                keep();
            }
        }
    }

    /**
     * What a kept upload holds, as worked out when it was uploaded (the file is not read again), with
     * how many of its accounts already have an account here and whether it was brought in before, as
     * they are now.
     */
    @Transactional(readOnly = true)
    public Staged staged(UUID id) {
        return jdbc.sql("""
                        select u.source_organisation, u.app_version, u.table_rows, u.tables, u.files, u.accounts,
                               (select count(*) from unnest(u.account_emails) e
                                where exists (select from user_account a where lower(a.email) = e)) as linked,
                               exists (select from organisation_import i where i.file_sha256 = u.file_sha256) as before
                        from organisation_import_upload u
                        where u.id = :id
                        """).param("id", id)
                .query((rs, n) -> new Staged(id, rs.getString("source_organisation"), rs.getString("app_version"), rs.getLong("table_rows"),
                        rs.getInt("tables"), rs.getInt("files"), rs.getInt("accounts"), rs.getInt("linked"), rs.getBoolean("before")))
                .optional().orElseThrow(() -> new NotFoundException("organisation import"));
    }

    /** Brings a kept upload in (see {@link #load}) and forgets the upload. */
    @Transactional
    public Imported confirm(UUID id, @Nullable String name, @Nullable UserId by) {
        uploadHash(id);
        Imported imported = load(upload(id), name, by);
        jdbc.sql("delete from organisation_import_upload where id = :id").param("id", id).update();
        return imported;
    }

    /** Brings the file in as a new organisation, named {@code name} (the file's own name when blank). */
    @Transactional
    public Imported load(InputStream file, @Nullable String name, @Nullable UserId by) {
        Copied copied = copy(file);
        try (ZipFile zip = new ZipFile(copied.file().toFile(), StandardCharsets.UTF_8)) {
            return load(copied, zip, name, by);
        } catch (IOException e) {
            throw new Refused("organisation.import.refused.changed");
        } finally {
            forget(copied.file());
        }
    }

    private Imported load(Copied copied, ZipFile zip, @Nullable String name, @Nullable UserId by) throws IOException {
        ExportCheck.Summary summary = check(copied.file());
        if (jdbc.sql("select count(*) from organisation_import where file_sha256 = :hash").param("hash", copied.sha256())
                .query(Integer.class).single() > 0) {
            throw new Refused("organisation.import.refused.again");
        }
        // The check read the zip as a stream; the loader reads it by its directory. Each entry is read
        // here once more and must have the hash the manifest gives, so a file whose two views differ is
        // refused before anything is made. The same pass finds the ids of the file.
        Set<String> entries = new TreeSet<>();
        zip.stream().map(ZipEntry::getName).filter(n -> !n.equals("manifest.json")).forEach(entries::add);
        if (!entries.equals(new TreeSet<>(summary.sha256().keySet()))) {
            throw new Refused("organisation.import.refused.changed");
        }
        List<UUID> oldIds = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        int files = 0;
        for (String entry : entries) {
            String table = tableOf(entry);
            ZipEntry zipEntry = zip.getEntry(entry);
            try (DigestInputStream in = new DigestInputStream(zip.getInputStream(zipEntry), sha256())) {
                if (table != null) {
                    tables.add(table);
                    boolean keyed = primaryKeyIsId(table);
                    eachRow(in, (header, row) -> {
                        if (keyed) {
                            oldIds.add(UUID.fromString(row.get("id")));
                        }
                    });
                } else if (entry.startsWith("files/")) {
                    files++;
                }
                in.transferTo(OutputStream.nullOutputStream());
                if (!HexFormat.of().formatHex(in.getMessageDigest().digest()).equals(summary.sha256().get(entry))) {
                    throw new Refused("organisation.import.refused.changed");
                }
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                throw new Refused("organisation.import.refused.changed");
            }
        }

        // Accounts are matched first, as they may be linked instead of made.
        Map<UUID, UUID> linked = new HashMap<>();
        List<Map<String, String>> accounts = new ArrayList<>();
        eachRow(zip, "user_account", (header, account) -> {
            String email = account.get("email");
            UUID existing = email == null || email.isEmpty() ? null
                    : jdbc.sql("select id from user_account where lower(email) = lower(:email)").param("email", email).query(UUID.class).optional()
                            .orElse(null);
            if (existing != null) {
                linked.put(UUID.fromString(account.get("id")), existing);
            } else {
                accounts.add(account);
            }
        });
        NewIds ids = new NewIds(oldIds, linked);
        oldIds.clear();

        List<Map<String, String>> organisation = new ArrayList<>();
        eachRow(zip, "organisation", (header, row) -> organisation.add(row));
        if (organisation.size() != 1) {
            throw new Refused("organisation.import.refused.no-organisation");
        }
        String newName = name == null || name.isBlank() ? organisation.getFirst().get("name") : name.strip();
        if (newName.length() > 200) {
            throw new Refused("organisation.import.refused.name");
        }
        organisation.getFirst().put("name", newName);
        OrganisationId org = new OrganisationId(UUID.fromString(ids.apply(organisation.getFirst().get("id"))));

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("organisation", insertAll("organisation", organisation, ids, zip));
        for (Map<String, String> account : accounts) {
            account.put("username", freeUsername(account.get("username")));
        }
        counts.put("user_account", insertAll("user_account", accounts, ids, zip));
        for (String table : inForeignKeyOrder(tables)) {
            if (!table.equals("organisation") && !table.equals("user_account")) {
                counts.put(table, insertTable(table, ids, zip));
            }
        }
        jdbc.sql("insert into organisation_import (file_sha256, imported_organisation, source_name) values (:hash, :org, :source)")
                .param("hash", copied.sha256()).param("org", org.value()).param("source", summary.organisation()).update();
        audit.record(org, by, "ORGANISATION_IMPORTED", "organisation", org.value(),
                summary.organisation() + ": " + counts.values().stream().mapToInt(Integer::intValue).sum() + " rows");
        return new Imported(org, newName, counts, accounts.size(), linked.size(), files, ids);
    }

    /**
     * The new id of each old one: an account linked to one of this instance has that account's id;
     * any other id of the file gets a new random-looking id made from it and a secret of this import
     * (so no map of new ids is held); an id of nothing in the file is kept.
     */
    private static final class NewIds implements UnaryOperator<String> {
        private final UUID[] inFile;
        private final Map<UUID, UUID> linked;
        private final byte[] secret = new byte[32];

        NewIds(List<UUID> inFile, Map<UUID, UUID> linked) {
            this.inFile = inFile.toArray(UUID[]::new);
            Arrays.sort(this.inFile);
            this.linked = Map.copyOf(linked);
            RANDOM.nextBytes(secret);
        }

        private @Nullable UUID of(UUID old) {
            UUID account = linked.get(old);
            if (account != null) {
                return account;
            }
            if (Arrays.binarySearch(inFile, old) < 0) {
                return null;
            }
            MessageDigest digest = sha256();
            digest.update(secret);
            digest.update(old.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] hash = digest.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x40); // version 4
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the IETF variant
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (hash[i] & 0xff);
                low = (low << 8) | (hash[8 + i] & 0xff);
            }
            return new UUID(high, low);
        }

        /** The text with every id of the file replaced by its new one. */
        @Override
        public String apply(String text) {
            Matcher m = UUID_TEXT.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            m.reset();
            while (m.find()) {
                UUID now = of(UUID.fromString(m.group()));
                m.appendReplacement(out, now == null ? m.group() : now.toString());
            }
            m.appendTail(out);
            return out.toString();
        }
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

    /** Loads one table's rows from the file, in batches; a table whose rows refer to each other is ordered parents first. */
    private int insertTable(String table, NewIds ids, ZipFile zip) throws IOException {
        List<String> parents = selfReferences(table);
        if (!parents.isEmpty()) {
            List<Map<String, String>> rows = new ArrayList<>();
            eachRow(zip, table, (header, row) -> rows.add(row));
            return insertAll(table, parentsFirst(rows, parents), ids, zip);
        }
        Inserter inserter = new Inserter(table, ids, zip);
        eachRow(zip, table, inserter::add);
        return inserter.finish();
    }

    private int insertAll(String table, List<Map<String, String>> rows, NewIds ids, ZipFile zip) {
        Inserter inserter = new Inserter(table, ids, zip);
        rows.forEach(row -> inserter.add(List.copyOf(row.keySet()), row));
        return inserter.finish();
    }

    /** Inserts one table's rows in batches of {@link #BATCH_ROWS} rows (or {@link #BATCH_BYTES} of media bytes). */
    private final class Inserter {
        private final String table;
        private final NewIds ids;
        private final ZipFile zip;
        private final List<MapSqlParameterSource> batch = new ArrayList<>();
        private @Nullable List<Column> used;
        private @Nullable String sql;
        private long bytes;
        private int rows;

        Inserter(String table, NewIds ids, ZipFile zip) {
            this.table = table;
            this.ids = ids;
            this.zip = zip;
        }

        void add(List<String> header, Map<String, String> row) {
            if (sql == null) {
                // A number the database gives (a serial or identity key) is given afresh here, never copied from the file.
                Set<String> numbered = numberedKeys(table);
                used = columns(table).stream().filter(c -> !numbered.contains(c.name()))
                        .filter(c -> header.contains(c.name()) || (c.notNull() && !c.hasDefault())).toList();
                sql = "insert into " + quote(table) + " (" + String.join(", ", used.stream().map(c -> quote(c.name())).toList()) + ") values ("
                        + String.join(", ", used.stream().map(c -> "cast(:" + param(c.name()) + " as " + c.type() + ")").toList()) + ")";
            }
            MapSqlParameterSource values = new MapSqlParameterSource();
            for (Column c : used) {
                Object value = value(table, c, row, ids, zip);
                if (value instanceof byte[] b) {
                    bytes += b.length;
                }
                values.addValue(param(c.name()), value);
            }
            batch.add(values);
            rows++;
            if (batch.size() >= BATCH_ROWS || bytes >= BATCH_BYTES) {
                flush();
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                batches.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
                batch.clear();
                bytes = 0;
            }
        }

        int finish() {
            flush();
            return rows;
        }
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
    private @Nullable Object value(String table, Column c, Map<String, String> row, NewIds ids, ZipFile zip) {
        String cell = row.get(c.name());
        if (cell == null) {
            // Left out of the export: a secret or bytes.
            if (c.type().equals("bytea")) {
                if (table.equals("media_content")) {
                    ZipEntry file = zip.getEntry("files/" + row.get("media_id"));
                    if (file == null) {
                        throw new Refused("organisation.import.refused.changed");
                    }
                    try (InputStream in = zip.getInputStream(file)) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
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
        return ids.apply(cell);
    }

    /** What to do with each row of a table: given the header and the row's cells by column, as stored. */
    private interface RowHandler {
        void row(List<String> header, Map<String, String> row);
    }

    /** Reads the rows of {@code tables/<table>.csv} one at a time (none if the file has no such table). */
    private static void eachRow(ZipFile zip, String table, RowHandler handler) throws IOException {
        ZipEntry entry = zip.getEntry("tables/" + table + ".csv");
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                eachRow(in, handler);
            }
        }
    }

    private static void eachRow(InputStream csv, RowHandler handler) throws IOException {
        CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get());
        List<String> header = parser.getHeaderNames();
        for (CSVRecord r : parser) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String h : header) {
                row.put(h, ExportZip.readCell(r.get(h)));
            }
            handler.row(header, row);
        }
    }

    /** The table a zip entry holds ({@code tables/<table>.csv}), or null. */
    private static @Nullable String tableOf(String entry) {
        return entry.startsWith("tables/") && entry.endsWith(".csv") ? entry.substring("tables/".length(), entry.length() - 4) : null;
    }

    private static ExportCheck.Summary check(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ExportCheck.check(in);
        } catch (ExportCheck.Refused e) {
            throw new Refused(e.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies an upload to a temporary file (removed by {@link #forget}), hashing it on the way. */
    private static Copied copy(InputStream upload) {
        Path file = null;
        try (DigestInputStream in = new DigestInputStream(upload, sha256())) {
            file = Files.createTempFile("organisation-import-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return new Copied(file, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException e) {
            forget(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void forget(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private String uploadHash(UUID id) {
        return jdbc.sql("select file_sha256 from organisation_import_upload where id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("organisation import"));
    }

    /** A kept upload, read back one part at a time. */
    private InputStream upload(UUID id) {
        return new InputStream() {
            private byte[] part = new byte[0];
            private int at;
            private int next;
            private boolean ended;

            private boolean more() {
                while (at >= part.length && !ended) {
                    byte[] read = jdbc.sql("select bytes from organisation_import_upload_part where upload_id = :id and part = :n")
                            .param("id", id).param("n", next++).query(byte[].class).optional().orElse(null);
                    if (read == null) {
                        ended = true;
                    } else {
                        part = read;
                        at = 0;
                    }
                }
                return at < part.length;
            }

            @Override
            public int read() {
                return more() ? part[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!more()) {
                    return -1;
                }
                int n = Math.min(length, part.length - at);
                System.arraycopy(part, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String param(String column) {
        return "c_" + column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
