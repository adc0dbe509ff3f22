package org.coproduction.impact.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.sheet.SheetRows;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Responses brought in from an export of Microsoft Forms, Google Forms or SurveyMonkey (issue #13).
 * The upload is recognised from its headers and kept while the facilitator matches the export's
 * questions to the form's (proposed where the words are the same); then it is read, in the
 * background with its progress shown, into staged responses and refused rows with their reasons.
 * Nothing is added to the form until the facilitator confirms, and each row of an export is added
 * once: its submission token is made from the form, the tool and the row itself, so confirming twice,
 * or bringing in the same file or a later export of the same survey, adds only rows not added before.
 * Imported responses keep the time the tool recorded, and are counted in the analysis like any other.
 */
@Service
public class ResponseImports {

    private static final Logger log = LoggerFactory.getLogger(ResponseImports.class);

    /** Largest file taken (within the upload limit): about 100,000 responses of a short survey. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    static final int BATCH = 1000;

    static final int PROGRESS_EVERY = 2000;

    /** How many staged responses and refused rows a preview lists; the rest are counted. */
    public static final int SHOWN = 20;

    /** Where the answer field of a question is chosen for none ("leave this column out"). */
    public static final String LEAVE_OUT = "";

    /** Not a problem: the file was being read already (the button pressed twice). */
    private static final String STARTED = "started";

    private static final String STAGED = "select response_id from form_response_import_row where organisation_id = :org and import_id = :added";

    private static final TypeReference<ResponseExports.Layout> LAYOUT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};

    public enum Status { MAPPING, READING, READ, REFUSED }

    /** What an upload gave: the matching page to go on to, or why the file is refused (a message key; nothing is kept). */
    public sealed interface Upload {
        record Recognised(UUID importId) implements Upload {}

        record Refused(String messageKey) implements Upload {}
    }

    /** An answer field of the form a column may go to. */
    public record Target(String field, String label) {}

    /** One question of the export, and the field chosen or proposed for it. */
    public record Column(int index, String label, String chosen) {}

    /** The matching page: the export's questions and the form's fields. */
    public record Matching(UUID id, String filename, String toolKey, Status status, List<Column> columns, List<Target> targets) {}

    public record Refusal(int row, String reasonKey, List<String> details) {}

    /** A staged response as the preview shows it: when, and each brought-in answer in words. */
    public record Staged(OffsetDateTime submittedAt, List<String> answers) {}

    /** What confirming will add, or how far reading has gone. */
    public record Preview(UUID id, String filename, String toolKey, Status status, @Nullable String refusedKey, int rowsRead,
            @Nullable Integer rowsExpected, int responses, int alreadyIn, List<String> headings, List<Staged> first, List<String> leftOut,
            int refusals, List<Refusal> firstRefusals, boolean confirmed, @Nullable Integer created) {

        public int percent() {
            return rowsExpected == null || rowsExpected == 0 ? 0 : (int) Math.min(99, 100L * rowsRead / rowsExpected);
        }
    }

    public sealed interface Confirmed {
        record Added(int responses) implements Confirmed {}

        record AlreadyImported() implements Confirmed {}
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FormService forms;
    private final AnswerCounts counts;
    private final AuditLog audit;
    private final AsyncTaskExecutor executor;
    private final MessageSource messages;

    ResponseImports(JdbcClient jdbc, JdbcTemplate template, FormService forms, AnswerCounts counts, AuditLog audit,
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.template = template;
        this.forms = forms;
        this.counts = counts;
        this.audit = audit;
        this.executor = executor;
    }

    /** A message's words in every language the service has (English, Welsh), to recognise answers written in either. */
    List<String> labels(String key) {
        Set<String> words = new LinkedHashSet<>();
        for (Locale language : List.of(Locale.UK, Locale.forLanguageTag("cy"))) {
            String w = messages.getMessage(key, null, null, language);
            if (w != null) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /** An "about you" part's words in the page's language, to name it on the matching and check pages. */
    private String partLabel(AboutYou part) {
        return messages.getMessage(part.messageKey(), null, part.slug(), LocaleContextHolder.getLocale());
    }

    /** The "about you" field a column of this label goes to, if the form asks "about you" and the words say which part. */
    private Optional<String> aboutYouProposal(String label, List<Question> questions) {
        Optional<Question> block = questions.stream().filter(q -> q.type() == QuestionType.ABOUT_YOU).findFirst();
        if (block.isEmpty()) {
            return Optional.empty();
        }
        return AboutYouColumns.part(label, this::labels).map(part -> block.get().key() + "." + part.slug());
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("response import");
        }
    }

    /** The header rows of a file: the first rows that are not blank (two are enough for any tool). */
    private record Head(int firstRow, List<List<String>> rows) {}

    private static Optional<Head> head(String filename, byte[] bytes, List<String> refused) {
        List<List<String>> rows = new ArrayList<>();
        int[] first = {0};
        SheetRows.Outcome outcome = SheetRows.read(filename, bytes, "form.import.file.", (number, cells, dates) -> {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return null;
            }
            if (rows.isEmpty()) {
                first[0] = number;
            }
            rows.add(cells);
            return rows.size() == 2 ? "stop" : null;
        });
        if (outcome.refused() && !"stop".equals(outcome.refusedKey())) {
            refused.add(outcome.refusedKey());
            return Optional.empty();
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Head(first[0], rows));
    }

    /** An upload's layout as another tool exported it, or the message key of why it is refused (exactly one is set). */
    private record Recognised(ResponseExports.@Nullable Layout layout, @Nullable String refused) {}

    /**
     * Reads the head of an upload and recognises the tool's layout: refused when the file cannot be
     * read, is empty, is not an export of a tool we read, or has no questions.
     */
    private static Recognised recognise(String filename, byte[] bytes) {
        List<String> refused = new ArrayList<>();
        Optional<Head> head = head(filename, bytes, refused);
        if (!refused.isEmpty()) {
            return new Recognised(null, refused.getFirst());
        }
        if (head.isEmpty()) {
            return new Recognised(null, "form.import.file.empty");
        }
        List<List<String>> rows = head.get().rows();
        return ResponseExports.layout(head.get().firstRow(), rows.getFirst(), rows.size() > 1 ? rows.get(1) : null)
                .map(l -> new Recognised(l, null))
                .orElseGet(() -> new Recognised(null, ResponseExports.detect(rows.getFirst()).isPresent() ? "form.import.file.no-questions"
                        : "form.import.file.not-an-export"));
    }

    /**
     * Recognises an upload and keeps it for matching. A file that is not an export of a tool we read,
     * or has no questions, is refused with the reason and nothing is kept.
     */
    @Transactional
    public Upload upload(Tenant tenant, UUID formId, String filename, byte[] bytes) {
        requireManager(tenant);
        Form form = forms.form(tenant, formId);
        forgetOld(tenant);
        Recognised recognised = recognise(filename, bytes);
        if (recognised.refused() != null) {
            return new Upload.Refused(recognised.refused());
        }
        ResponseExports.Layout layout = java.util.Objects.requireNonNull(recognised.layout());
        Map<String, String> proposed = new LinkedHashMap<>();
        List<ResponseExports.Asked> asked = layout.asked();
        for (int i = 0; i < asked.size(); i++) {
            ResponseExports.Asked column = asked.get(i);
            String field = ResponseExports.proposal(column, form.questions()).or(() -> aboutYouProposal(column.label(), form.questions()))
                    .orElse(LEAVE_OUT);
            if (!field.isEmpty() && !proposed.containsValue(field)) {
                proposed.put(String.valueOf(i), field);
            }
        }
        String name = filename.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        UUID id = UUID.randomUUID();
        Integer expected = SheetRows.isWorkbook(bytes) ? null : Math.max(SheetRows.lines(bytes) - layout.headerRows(), 1);
        jdbc.sql("""
                        insert into form_response_import (id, organisation_id, form_id, version_number, filename, file_sha256, tool, file, status,
                                                          layout, mapping, rows_expected)
                        values (:id, :org, :form, :version, :filename, :hash, :tool, :file, 'MAPPING', cast(:layout as jsonb),
                                cast(:mapping as jsonb), :expected)
                        """)
                .param("id", id)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("version", form.currentVersion())
                .param("filename", name)
                .param("hash", sha256(bytes))
                .param("tool", layout.tool().name())
                .param("file", bytes)
                .param("layout", FormRepository.JSON.writeValueAsString(layout))
                .param("mapping", FormRepository.JSON.writeValueAsString(proposed))
                .param("expected", expected)
                .update();
        return new Upload.Recognised(id);
    }

    /** What an upload for a new form gave: the new form and its import's matching page, or why the file is refused. */
    public sealed interface NewForm {
        record Made(UUID formId, UUID importId) implements NewForm {}

        record Refused(String messageKey) implements NewForm {}
    }

    /**
     * Makes a new form (a draft, in the project or the organisation's own forms) from an export's
     * questions, each given the type its answers suggest ({@link ResponseExports#infer}), and keeps
     * the upload for matching with every question matched to its new one. A refused file makes nothing.
     */
    @Transactional
    public NewForm uploadAsNewForm(Tenant tenant, @Nullable UUID projectId, String filename, byte[] bytes, String untitled) {
        requireManager(tenant);
        Recognised recognised = recognise(filename, bytes);
        if (recognised.refused() != null) {
            return new NewForm.Refused(recognised.refused());
        }
        ResponseExports.Layout layout = java.util.Objects.requireNonNull(recognised.layout());
        List<ResponseExports.Seen> seen = layout.asked().stream().map(a -> new ResponseExports.Seen()).toList();
        SheetRows.read(filename, bytes, "form.import.file.", (number, cells, dates) -> {
            if (number >= layout.firstRow() + layout.headerRows()) {
                for (int i = 0; i < layout.asked().size(); i++) {
                    List<String> raw = new ArrayList<>();
                    for (int c : layout.asked().get(i).columns()) {
                        if (c < cells.size() && cells.get(c) != null) {
                            raw.add(cells.get(c));
                        }
                    }
                    seen.get(i).add(layout.tool(), raw);
                }
            }
            return null;
        });
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < layout.asked().size(); i++) {
            questions.add(ResponseExports.infer(layout.asked().get(i), seen.get(i)));
        }
        UUID formId = forms.create(tenant, projectId, XlsFormImports.titleFrom(filename.strip(), untitled), null, false, null, questions);
        return switch (upload(tenant, formId, filename, bytes)) {
            case Upload.Recognised(UUID importId) -> new NewForm.Made(formId, importId);
            case Upload.Refused(String key) -> throw new IllegalStateException("an export read once was refused the second time: " + key);
        };
    }

    /**
     * Staged responses hold people's answers: they are kept a day, no longer. Older imports keep only
     * their head (what was brought in, when, how many) and lose their file, rows and refusals. Done
     * whenever the organisation starts another import, so no job is needed.
     */
    private void forgetOld(Tenant tenant) {
        var org = tenant.organisationId().value();
        String old = "select id from form_response_import where organisation_id = :org and created_at < now() - interval '1 day'";
        jdbc.sql("delete from form_response_import_row where organisation_id = :org and import_id in (" + old + ")").param("org", org).update();
        jdbc.sql("delete from form_response_import_refusal where organisation_id = :org and import_id in (" + old + ")").param("org", org).update();
        jdbc.sql("update form_response_import set file = null where organisation_id = :org and file is not null and created_at < now() - interval '1 day'")
                .param("org", org).update();
    }

    private record Row(UUID id, UUID formId, int versionNumber, String filename, String tool, String status, @Nullable String refusedKey,
            String layout, @Nullable String mapping, int rowsRead, @Nullable Integer rowsExpected, @Nullable OffsetDateTime confirmedAt,
            @Nullable Integer responsesCreated) {

        ResponseExports.Layout layoutRead() {
            return FormRepository.JSON.readValue(layout, LAYOUT);
        }

        Map<String, String> mappingRead() {
            return mapping == null ? Map.of() : FormRepository.JSON.readValue(mapping, MAPPING);
        }

        String toolKey() {
            return ResponseExports.Tool.valueOf(tool).messageKey();
        }
    }

    private Row row(Tenant tenant, UUID formId, UUID importId) {
        requireManager(tenant);
        forms.form(tenant, formId);
        return jdbc.sql("""
                        select id, form_id, version_number, filename, tool, status, refused_key, layout::text as layout, mapping::text as mapping,
                               rows_read, rows_expected, confirmed_at, responses_created
                        from form_response_import where organisation_id = :org and form_id = :form and id = :id
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("id", importId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("response import"));
    }

    /**
     * The form's answer fields a column may go to, in the form's order, with words that tell them
     * apart; each part of an "about you" block is one ({@code part} names it).
     */
    static List<Target> targets(List<Question> questions, String before, String after, Function<AboutYou, String> part) {
        List<Target> targets = new ArrayList<>();
        for (Question q : questions) {
            if (q.type() == QuestionType.ABOUT_YOU) {
                for (AboutYou about : AboutYou.values()) {
                    targets.add(new Target(q.key() + "." + about.slug(), q.text() + ": " + part.apply(about)));
                }
                continue;
            }
            if (!ResponseExports.mappable(q)) {
                continue;
            }
            if (q.type() == QuestionType.BEFORE_AFTER) {
                targets.add(new Target(q.fields().get(0), q.text() + " " + before));
                targets.add(new Target(q.fields().get(1), q.text() + " " + after));
            } else {
                targets.add(new Target(q.key(), q.text()));
            }
        }
        return targets;
    }

    /** The matching page's data. {@code before} and {@code after} are the words marking a before-and-after question's two fields. */
    @Transactional(readOnly = true)
    public Matching matching(Tenant tenant, UUID formId, UUID importId, String before, String after) {
        Row r = row(tenant, formId, importId);
        Map<String, String> chosen = r.mappingRead();
        List<ResponseExports.Asked> asked = r.layoutRead().asked();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            columns.add(new Column(i, asked.get(i).label(), chosen.getOrDefault(String.valueOf(i), LEAVE_OUT)));
        }
        return new Matching(r.id(), r.filename(), r.toolKey(), Status.valueOf(r.status()), columns,
                targets(questionsOf(tenant.organisationId().value(), formId, r.versionNumber()), before, after, this::partLabel));
    }

    /**
     * Keeps the matching and starts reading the file in the background. Returns problems by column
     * index (a field chosen for two columns; nothing chosen at all): nothing is started then.
     */
    public Map<String, String> start(Tenant tenant, UUID formId, UUID importId, Map<Integer, String> chosen) {
        Map<String, String> problems = choose(tenant, formId, importId, chosen);
        if (problems.isEmpty()) {
            executor.execute(() -> readInto(tenant.organisationId().value(), importId));
        }
        return problems.containsKey(STARTED) ? Map.of() : problems;
    }

    /** As {@link #start}, reading the file to the end before returning (tests, the bench). */
    public Map<String, String> startAndRead(Tenant tenant, UUID formId, UUID importId, Map<Integer, String> chosen) {
        Map<String, String> problems = choose(tenant, formId, importId, chosen);
        if (problems.isEmpty()) {
            readInto(tenant.organisationId().value(), importId);
        }
        return problems.containsKey(STARTED) ? Map.of() : problems;
    }

    private Map<String, String> choose(Tenant tenant, UUID formId, UUID importId, Map<Integer, String> chosen) {
        Row r = row(tenant, formId, importId);
        if (!r.status().equals(Status.MAPPING.name())) {
            return Map.of(STARTED, "");
        }
        List<String> fields = targets(questionsOf(tenant.organisationId().value(), formId, r.versionNumber()), "", "", AboutYou::slug).stream().map(Target::field).toList();
        int columns = r.layoutRead().asked().size();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < columns; i++) {
            String field = chosen.getOrDefault(i, LEAVE_OUT);
            if (field.isEmpty()) {
                continue;
            }
            if (!fields.contains(field)) {
                problems.put(String.valueOf(i), "form.import.match.unknown");
            } else if (taken.containsKey(field)) {
                problems.put(String.valueOf(i), "form.import.match.twice");
            } else {
                taken.put(field, i);
                mapping.put(String.valueOf(i), field);
            }
        }
        if (problems.isEmpty() && mapping.isEmpty()) {
            problems.put("0", "form.import.match.none");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        int changed = jdbc.sql("""
                        update form_response_import set mapping = cast(:mapping as jsonb), status = 'READING'
                        where organisation_id = :org and id = :id and status = 'MAPPING'
                        """)
                .param("mapping", FormRepository.JSON.writeValueAsString(mapping))
                .param("org", tenant.organisationId().value())
                .param("id", importId)
                .update();
        // changed == 0: started already (a second click); the progress page follows the first.
        return changed == 0 ? Map.of(STARTED, "") : Map.of();
    }

    /** A staged response: where it is in the file, and what it will be. */
    /** What one row of an export gives: a staged response, or why it is refused. */
    private sealed interface RowRead permits Taken, Refused {}

    private record Taken(int position, String token, OffsetDateTime at, String answers) implements RowRead {}

    private record Refused(int row, String key, List<String> details) implements RowRead {}

    /**
     * Reads the file into staged responses and refused rows, writing both in batches as it goes and
     * noting the progress, so the page can show it. Not one transaction; a file that fails part way
     * is marked refused and its staged rows removed.
     */
    void readInto(UUID org, UUID id) {
        record File(UUID formId, int versionNumber, String filename, String tool, String layout, String mapping, byte[] file) {}
        File f = jdbc.sql("""
                        select form_id, version_number, filename, tool, layout::text as layout, mapping::text as mapping, file
                        from form_response_import where organisation_id = :org and id = :id and status = 'READING' and file is not null
                        """)
                .param("org", org).param("id", id).query(File.class).optional().orElse(null);
        if (f == null) {
            return;
        }
        ResponseExports.Layout layout = FormRepository.JSON.readValue(f.layout(), LAYOUT);
        Map<String, String> mapping = FormRepository.JSON.readValue(f.mapping(), MAPPING);
        List<Question> questions = questionsOf(org, f.formId(), f.versionNumber());
        Map<String, Question> byField = new HashMap<>();
        questions.forEach(q -> q.fields().forEach(field -> byField.put(field, q)));
        ResponseExports.Tool tool = layout.tool();
        List<Taken> taken = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        int[] position = {0};
        int[] seen = {0};
        OffsetDateTime latest = OffsetDateTime.now().plusMinutes(10);
        try {
            SheetRows.Outcome outcome = SheetRows.read(f.filename(), f.file(), "form.import.file.", (number, cells, dates) -> {
                if (number < layout.firstRow() + layout.headerRows() || cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return null;
                }
                seen[0]++;
                RowRead result = row(number, cells, dates, layout, mapping, byField, questions, tool, latest, this::labels);
                switch (result) {
                    case Refused r -> refused.add(r);
                    case Taken t -> {
                        String token = token(f.formId(), tool,
                                layout.idColumn() >= 0 && layout.idColumn() < cells.size() ? cells.get(layout.idColumn()) : "", t.at(), cells);
                        taken.add(new Taken(position[0]++, token, t.at(), t.answers()));
                    }
                }
                if (taken.size() >= BATCH) {
                    writeRows(org, id, taken);
                    taken.clear();
                }
                if (refused.size() >= BATCH) {
                    writeRefusals(org, id, refused);
                    refused.clear();
                }
                if (seen[0] % PROGRESS_EVERY == 0) {
                    jdbc.sql("update form_response_import set rows_read = :n where id = :id").param("n", seen[0]).param("id", id).update();
                }
                return null;
            });
            if (outcome.refused()) {
                clearStaged(id);
                jdbc.sql("update form_response_import set status = 'REFUSED', refused_key = :key, file = null, read_at = now() where id = :id")
                        .param("key", outcome.refusedKey()).param("id", id).update();
                return;
            }
            writeRows(org, id, taken);
            writeRefusals(org, id, refused);
            jdbc.sql("update form_response_import set status = 'READ', rows_read = :n, file = null, read_at = now() where id = :id")
                    .param("n", seen[0]).param("id", id).update();
        } catch (RuntimeException e) {
            log.warn("Reading response import {} failed", id, e);
            clearStaged(id);
            jdbc.sql("update form_response_import set status = 'REFUSED', refused_key = 'form.import.file.unreadable', file = null, read_at = now()"
                            + " where id = :id")
                    .param("id", id).update();
        }
    }

    private void clearStaged(UUID id) {
        jdbc.sql("delete from form_response_import_row where import_id = :id").param("id", id).update();
        jdbc.sql("delete from form_response_import_refusal where import_id = :id").param("id", id).update();
    }

    private List<Question> questionsOf(UUID org, UUID formId, int version) {
        String json = jdbc.sql("select questions::text from form_version where organisation_id = :org and form_id = :form and number = :n")
                .param("org", org).param("form", formId).param("n", version).query(String.class).single();
        return FormRepository.JSON.readValue(json, new TypeReference<List<Question>>() {});
    }

    /** One row of the export: a staged response (position and token filled in later), or why it is refused. */
    private static RowRead row(int number, List<String> cells, List<@Nullable OffsetDateTime> dates, ResponseExports.Layout layout,
            Map<String, String> mapping, Map<String, Question> byField, List<Question> questions, ResponseExports.Tool tool,
            OffsetDateTime latest, Function<String, List<String>> labels) {
        int tc = layout.timeColumn();
        String timeText = tc < cells.size() && cells.get(tc) != null ? cells.get(tc).strip() : "";
        if (timeText.isEmpty()) {
            return new Refused(number, "form.import.refused.no-time", List.of());
        }
        OffsetDateTime at = ResponseExports.time(tool, timeText, tc < dates.size() ? dates.get(tc) : null);
        if (at == null) {
            return new Refused(number, "form.import.refused.time", List.of(timeText));
        }
        if (at.isAfter(latest)) {
            return new Refused(number, "form.import.refused.future", List.of(timeText));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            ResponseExports.Asked asked = layout.asked().get(Integer.parseInt(m.getKey()));
            Question q = byField.get(m.getValue());
            if (q == null) {
                continue;
            }
            List<String> raw = new ArrayList<>();
            for (int c : asked.columns()) {
                if (c < cells.size() && cells.get(c) != null && !cells.get(c).isBlank()) {
                    raw.add(cells.get(c));
                }
            }
            Optional<AboutYou> part = q.type() == QuestionType.ABOUT_YOU
                    ? AboutYou.fromSlug(m.getValue().substring(m.getValue().lastIndexOf('.') + 1)) : Optional.empty();
            ResponseExports.Read read = part.isPresent() ? AboutYouColumns.convert(part.get(), asked.label(), raw, labels)
                    : ResponseExports.convert(q, tool, asked.label(), raw);
            switch (read) {
                case ResponseExports.Read.Values v -> {
                    if (!v.values().isEmpty()) {
                        values.put(m.getValue(), v.values());
                    }
                }
                case ResponseExports.Read.Wrong w -> {
                    return new Refused(number, w.reasonKey(), w.details());
                }
            }
        }
        if (values.isEmpty()) {
            return new Refused(number, "form.import.refused.empty", List.of());
        }
        Answers answers = new Answers(values);
        Map<String, String> problems = Answers.transcriptionProblems(questions, answers);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            Question q = byField.get(first.getKey());
            return new Refused(number, "form.import.refused.answer", List.of(q == null ? first.getKey() : q.text(), first.getValue()));
        }
        return new Taken(0, "", at, ResponseRepository.json(answers));
    }

    /**
     * The submission token of an export's row: the tool's own response id where it writes one, the
     * time and every cell otherwise, so that the same row always gives the same token.
     */
    static String token(UUID formId, ResponseExports.Tool tool, String responseId, OffsetDateTime at, List<String> cells) {
        String identity = responseId.isBlank() ? "row:" + at.toInstant() + "\u001f" + String.join("\u001f", cells) : "id:" + responseId.strip();
        return "imp" + sha256((formId + "\u001f" + tool + "\u001f" + identity).getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    private void writeRows(UUID org, UUID id, List<Taken> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into form_response_import_row (organisation_id, import_id, position, response_id, submission_token, submitted_at, answers)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Taken t = rows.get(i);
                ps.setObject(1, org);
                ps.setObject(2, id);
                ps.setInt(3, t.position());
                ps.setObject(4, UUID.randomUUID());
                ps.setString(5, t.token());
                ps.setObject(6, t.at());
                ps.setString(7, t.answers());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void writeRefusals(UUID org, UUID id, List<Refused> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into form_response_import_refusal (organisation_id, import_id, row_number, reason_key, detail) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Refused r = rows.get(i);
                ps.setObject(1, org);
                ps.setObject(2, id);
                ps.setInt(3, r.row());
                ps.setString(4, r.key());
                List<String> details = r.details().stream().map(d -> d.length() > 200 ? d.substring(0, 200) + "…" : d).toList();
                ps.setString(5, String.join("\u001f", details));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** What the import will add (or has added), or how far reading has gone. */
    @Transactional(readOnly = true)
    public Preview preview(Tenant tenant, UUID formId, UUID importId) {
        Row r = row(tenant, formId, importId);
        Status status = Status.valueOf(r.status());
        var org = tenant.organisationId().value();
        if (status != Status.READ) {
            return new Preview(r.id(), r.filename(), r.toolKey(), status, r.refusedKey(), r.rowsRead(), r.rowsExpected(), 0, 0, List.of(), List.of(),
                    List.of(), 0, List.of(), r.confirmedAt() != null, r.responsesCreated());
        }
        List<Question> questions = questionsOf(org, formId, r.versionNumber());
        ResponseExports.Layout layout = r.layoutRead();
        Map<String, String> mapping = r.mappingRead();
        List<String> fields = new ArrayList<>(mapping.values());
        Map<String, Question> byField = new HashMap<>();
        questions.forEach(q -> q.fields().forEach(f -> byField.put(f, q)));
        List<String> headings = fields.stream().map(f -> !byField.containsKey(f) ? f
                : aboutYouPart(byField.get(f), f).map(part -> byField.get(f).text() + ": " + partLabel(part)).orElse(byField.get(f).text())).toList();
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < layout.asked().size(); i++) {
            if (!mapping.containsKey(String.valueOf(i))) {
                leftOut.add(layout.asked().get(i).label());
            }
        }
        int responses = jdbc.sql("select count(*) from form_response_import_row where organisation_id = :org and import_id = :id")
                .param("org", org).param("id", importId).query(Integer.class).single();
        int alreadyIn = jdbc.sql("""
                        select count(*) from form_response_import_row s
                        where s.organisation_id = :org and s.import_id = :id
                          and exists (select 1 from form_response r where r.form_id = :form and r.submission_token = s.submission_token)
                        """)
                .param("org", org).param("id", importId).param("form", formId).query(Integer.class).single();
        List<Staged> first = jdbc.sql("""
                        select submitted_at, answers::text as answers from form_response_import_row
                        where organisation_id = :org and import_id = :id order by position limit :n
                        """)
                .param("org", org).param("id", importId).param("n", SHOWN)
                .query((rs, n) -> {
                    Answers a = ResponseRepository.answers(rs.getString("answers"));
                    List<String> shown = fields.stream().map(f -> aboutYouPart(byField.get(f), f)
                            .map(part -> a.get(f).isEmpty() ? "" : messages.getMessage(part.choiceKey(a.get(f).getFirst()), null, a.get(f).getFirst(),
                                    LocaleContextHolder.getLocale()))
                            .orElseGet(() -> words(byField.get(f), a.get(f)))).toList();
                    return new Staged(rs.getObject("submitted_at", OffsetDateTime.class), shown);
                })
                .list();
        int refusals = jdbc.sql("select count(*) from form_response_import_refusal where organisation_id = :org and import_id = :id")
                .param("org", org).param("id", importId).query(Integer.class).single();
        List<Refusal> firstRefusals = jdbc.sql("""
                        select row_number, reason_key, detail from form_response_import_refusal
                        where organisation_id = :org and import_id = :id order by row_number limit :n
                        """)
                .param("org", org).param("id", importId).param("n", SHOWN)
                .query((rs, n) -> new Refusal(rs.getInt(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split("\u001f", -1))))
                .list();
        return new Preview(r.id(), r.filename(), r.toolKey(), status, null, r.rowsRead(), r.rowsExpected(), responses, alreadyIn, headings, first,
                leftOut, refusals, firstRefusals, r.confirmedAt() != null, r.responsesCreated());
    }

    /** The "about you" part a field is, when its question is the "about you" block. */
    private static Optional<AboutYou> aboutYouPart(@Nullable Question q, String field) {
        return q != null && q.type() == QuestionType.ABOUT_YOU ? AboutYou.fromSlug(field.substring(field.lastIndexOf('.') + 1)) : Optional.empty();
    }

    /** An answer in words, as the form's questions give them (choices by their label). */
    private static String words(@Nullable Question q, List<String> values) {
        if (q == null || values.isEmpty()) {
            return "";
        }
        if (q.type().hasOptions()) {
            List<String> labels = new ArrayList<>();
            for (String v : values) {
                int at = v.chars().allMatch(Character::isDigit) && v.length() < 4 ? Integer.parseInt(v) : 0;
                labels.add(at >= 1 && at <= q.options().size() ? q.options().get(at - 1) : v);
            }
            return String.join(", ", labels);
        }
        return String.join(", ", values);
    }

    /**
     * Adds the staged responses to the form, once: an import confirmed before adds nothing, and a row
     * already in the form (the same export row, by its token) is not added again. The form's settled
     * counts take in the responses whose times are behind their lines, in the same transaction.
     */
    @Transactional
    public Confirmed confirm(Tenant tenant, UUID formId, UUID importId) {
        Row r = row(tenant, formId, importId);
        if (!r.status().equals(Status.READ.name())) {
            throw new NotFoundException("response import");
        }
        var org = tenant.organisationId().value();
        boolean first = jdbc.sql("update form_response_import set confirmed_at = now() where organisation_id = :org and id = :id and confirmed_at is null")
                .param("org", org).param("id", importId).update() == 1;
        if (!first) {
            return new Confirmed.AlreadyImported();
        }
        int added = jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, entered_by,
                                                   submitted_at)
                        select s.response_id, s.organisation_id, :form, :version, s.submission_token, s.answers, 'IMPORT', :by, s.submitted_at
                        from form_response_import_row s
                        where s.organisation_id = :org and s.import_id = :id
                        order by s.position
                        on conflict (form_id, submission_token) do nothing
                        """)
                .param("form", formId).param("version", r.versionNumber()).param("by", tenant.userId().value())
                .param("org", org).param("id", importId).update();
        keepAboutYouApart(org, importId, questionsOf(org, formId, r.versionNumber()));
        counts.addedBehind(tenant.organisationId(), formId, STAGED, importId);
        jdbc.sql("update form_response_import set responses_created = :n where id = :id").param("n", added).param("id", importId).update();
        jdbc.sql("delete from form_response_import_row where organisation_id = :org and import_id = :id").param("org", org).param("id", importId)
                .update();
        audit.record(tenant.organisationId(), tenant.userId(), "RESPONSES_IMPORTED", "form", formId, r.filename() + ": " + added + " responses");
        return added == 0 ? new Confirmed.AlreadyImported() : new Confirmed.Added(added);
    }

    /**
     * Moves the "about you" answers of the responses just added out of their answers and into
     * {@code about_you_answer}, as {@link AboutYouAnswers#keepApart} does for an answered form:
     * special-category data is kept apart (UK GDPR article 9), never with the other answers.
     */
    private void keepAboutYouApart(UUID org, UUID importId, List<Question> questions) {
        List<String> fields = new ArrayList<>();
        for (Question q : questions) {
            if (q.type() != QuestionType.ABOUT_YOU) {
                continue;
            }
            for (AboutYou part : AboutYou.values()) {
                String field = q.key() + "." + part.slug();
                fields.add(field);
                jdbc.sql("""
                                insert into about_you_answer (organisation_id, form_response_id, user_id, part, value)
                                select r.organisation_id, r.id, null, :part, r.answers -> :field ->> 0
                                from form_response r join form_response_import_row s on s.organisation_id = r.organisation_id and s.response_id = r.id
                                where s.organisation_id = :org and s.import_id = :id and r.answers -> :field is not null
                                on conflict (form_response_id, part) do nothing
                                """)
                        .param("part", part.slug()).param("field", field).param("org", org).param("id", importId).update();
            }
        }
        if (!fields.isEmpty()) {
            jdbc.sql("""
                            update form_response r set answers = r.answers - cast(:fields as text[])
                            from form_response_import_row s
                            where s.organisation_id = r.organisation_id and s.response_id = r.id and s.organisation_id = :org and s.import_id = :id
                            """)
                    .param("fields", fields.toArray(String[]::new)).param("org", org).param("id", importId).update();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
