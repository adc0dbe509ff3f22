package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Responses, drafts and personal links. Every query names the organisation. */
@Repository
class ResponseRepository {

    private static final TypeReference<Map<String, List<String>>> VALUES = new TypeReference<>() {};

    /** A response with the names of the member it is from and of who typed it in from paper. */
    private static final String RESPONSES = """
            select r.id, r.version_number, r.answers::text as answers, r.source, r.member_user_id,
                   m.display_name as member_name, e.display_name as entered_by_name, r.submitted_at, r.excluded,
                   r.language
            from form_response r
            left join user_account m on m.id = r.member_user_id
            left join user_account e on e.id = r.entered_by
            """;

    /** The filters of a page of responses: one form, optionally one version and a span of time. */
    /**
     * The responses {@link #page} and {@link #countMatching} read: only the conditions given are
     * written, because a prepared statement's generic plan for {@code (:from is null or ...)} scans
     * every response of the form (found at a million: about a second a page).
     */
    private static String matching(@Nullable Integer versionNumber, @Nullable OffsetDateTime from, @Nullable OffsetDateTime before) {
        return " where r.organisation_id = :org and r.form_id = :form"
                + (versionNumber == null ? "" : " and r.version_number = :number")
                + (from == null ? "" : " and r.submitted_at >= :from")
                + (before == null ? "" : " and r.submitted_at < :before");
    }

    private static JdbcClient.StatementSpec matchingParams(JdbcClient.StatementSpec spec, @Nullable Integer versionNumber,
            @Nullable OffsetDateTime from, @Nullable OffsetDateTime before) {
        if (versionNumber != null) {
            spec = spec.param("number", versionNumber);
        }
        if (from != null) {
            spec = spec.param("from", from);
        }
        if (before != null) {
            spec = spec.param("before", before);
        }
        return spec;
    }

    /** Rows fetched from the server at a time when a whole form's responses are streamed. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ResponseRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL's driver reads a result in batches of the fetch size only inside a transaction;
        // otherwise it reads every row before returning the first.
        JdbcTemplate batched = new JdbcTemplate(dataSource);
        batched.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(batched);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    static Answers answers(String json) {
        return new Answers(FormRepository.JSON.readValue(json, VALUES));
    }

    static String json(Answers answers) {
        return FormRepository.JSON.writeValueAsString(answers.values());
    }

    /**
     * Saves a response in one insert. Returns the new id, or empty when a response with this
     * submission token already exists (the same submission sent again): nothing is added.
     */
    Optional<UUID> insert(OrganisationId org, UUID formId, int versionNumber, String submissionToken, Answers answers, Source source,
            @Nullable UUID memberId, @Nullable UserId enteredBy, String language) {
        return jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source,
                                                   member_user_id, entered_by, language)
                        values (:id, :org, :form, :number, :token, cast(:answers as jsonb), :source, :member, :by, :language)
                        on conflict (form_id, submission_token) do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("form", formId)
                .param("number", versionNumber)
                .param("token", submissionToken)
                .param("answers", json(answers))
                .param("source", source.name())
                .param("member", memberId)
                .param("by", enteredBy == null ? null : enteredBy.value())
                .param("language", language)
                .query(UUID.class)
                .optional();
    }

    /** The response saved with this submission token, if any. */
    Optional<UUID> submitted(OrganisationId org, UUID formId, String submissionToken) {
        return jdbc.sql("select id from form_response where organisation_id = :org and form_id = :form and submission_token = :token")
                .param("org", org.value())
                .param("form", formId)
                .param("token", submissionToken)
                .query(UUID.class)
                .optional();
    }

    private record Row(UUID id, int versionNumber, String answers, Source source, @Nullable UUID memberUserId, @Nullable String memberName,
            @Nullable String enteredByName, OffsetDateTime submittedAt, Response.@Nullable Exclusion excluded, String language) {

        Response response() {
            return new Response(id, versionNumber, ResponseRepository.answers(answers), source, memberUserId, memberName, enteredByName, submittedAt, excluded,
                    language);
        }
    }

    /**
     * Responses to a form, oldest first, optionally only those on one version and between two
     * days (inclusive, in the given zone's calendar).
     */
    List<Response> list(OrganisationId org, UUID formId, @Nullable Integer versionNumber, @Nullable LocalDate from, @Nullable LocalDate to,
            String zone) {
        return jdbc.sql(RESPONSES + """
                        where r.organisation_id = :org and r.form_id = :form
                          and (cast(:number as integer) is null or r.version_number = :number)
                          and (cast(:from as date) is null or (r.submitted_at at time zone :zone)::date >= :from)
                          and (cast(:to as date) is null or (r.submitted_at at time zone :zone)::date <= :to)
                        order by r.submitted_at, r.id
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("number", versionNumber)
                .param("from", from)
                .param("to", to)
                .param("zone", zone)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::response)
                .toList();
    }

    /**
     * One page of a form's responses, newest first, with the same filters as {@link #list}: a day
     * is turned into the moments it starts and ends in the given zone, so the index on
     * (organisation, form, submitted at) can be used.
     */
    List<Response> page(OrganisationId org, UUID formId, @Nullable Integer versionNumber, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime before, int limit, long offset) {
        return matchingParams(jdbc.sql(RESPONSES + matching(versionNumber, from, before) + """
                         order by r.submitted_at desc, r.id desc
                        limit :limit offset :offset
                        """), versionNumber, from, before)
                .param("org", org.value())
                .param("form", formId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::response)
                .toList();
    }

    private static final DataClassRowMapper<Row> ROW = new DataClassRowMapper<>(Row.class);

    /**
     * Every response to a form, oldest first, handed over one at a time as the database cursor
     * reads them ({@value #FETCH_SIZE} rows a fetch, in one read-only transaction), for exports: a
     * form with a million responses is never held in memory.
     */
    void eachResponse(OrganisationId org, UUID formId, Consumer<Response> each) {
        Map<String, Object> params = Map.of("org", org.value(), "form", formId);
        readOnly.executeWithoutResult(status -> cursor.query(RESPONSES + """
                        where r.organisation_id = :org and r.form_id = :form
                        order by r.submitted_at, r.id
                        """, params, (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, rs.getRow()).response())));
    }

    /** One response to a form, if it is the organisation's. */
    Optional<Response> one(OrganisationId org, UUID formId, UUID responseId) {
        return jdbc.sql(RESPONSES + """
                        where r.organisation_id = :org and r.form_id = :form and r.id = :id
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("id", responseId)
                .query(Row.class)
                .optional()
                .map(Row::response);
    }

    /**
     * For several forms at once, how many counted responses answered each question: the settled
     * counts ({@link AnswerCounts}) of each form that has a settled line, plus its responses from that
     * line on (all of them for a form not settled yet). A form with no counted answers is left out.
     *
     * <p>Two statements: the lines, then every count in one statement whose ranges start at those
     * lines as values (a range bound read inside the statement leaves the planner guessing a third
     * of the responses, and it then reads them all). The second statement also reads the lines again,
     * in its own snapshot; if the settling job moved one in between, the counts are read again.
     */
    Map<UUID, Map<String, Long>> answeredQuestions(OrganisationId org, Collection<UUID> formIds) {
        if (formIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> forms = List.copyOf(new java.util.LinkedHashSet<>(formIds));
        Map<UUID, OffsetDateTime> lines = settledLines(org, forms);
        for (int attempt = 1; ; attempt++) {
            Map<UUID, OffsetDateTime> linesNow = new java.util.HashMap<>();
            Map<UUID, Map<String, Long>> byForm = new java.util.LinkedHashMap<>();
            StringBuilder sql = new StringBuilder("""
                    select s.form_id, null as name, 0 as n, s.settled_before as line
                    from form_answer_settled s where s.organisation_id = :org and s.form_id in (:forms)
                    union all
                    select c.form_id, c.name, c.responses, null
                    from form_answer_count c
                    where c.organisation_id = :org and c.form_id in (:settled) and c.kind = 'q' and c.value = ''
                    """);
            List<UUID> settled = new java.util.ArrayList<>(lines.keySet());
            settled.add(new UUID(0, 0)); // never empty: "in ()" is not SQL
            for (int i = 0; i < forms.size(); i++) {
                sql.append("""
                        union all
                        select r.form_id, q.name, count(*), null
                        from form_response r
                        cross join lateral (select distinct split_part(k, '.', 1) as name from jsonb_object_keys(r.answers) k) q
                        where r.organisation_id = :org and r.form_id = :form%1$d and r.excluded is null%2$s
                        group by r.form_id, q.name
                        """.formatted(i, lines.containsKey(forms.get(i)) ? " and r.submitted_at >= :line" + i : ""));
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("org", org.value()).param("forms", forms).param("settled", settled);
            for (int i = 0; i < forms.size(); i++) {
                statement = statement.param("form" + i, forms.get(i));
                if (lines.containsKey(forms.get(i))) {
                    statement = statement.param("line" + i, lines.get(forms.get(i)));
                }
            }
            statement.query((rs, n) -> {
                        UUID form = rs.getObject("form_id", UUID.class);
                        OffsetDateTime line = rs.getObject("line", OffsetDateTime.class);
                        String name = rs.getString("name");
                        if (line != null) {
                            linesNow.put(form, line);
                        } else if (name != null && rs.getLong("n") != 0) {
                            byForm.computeIfAbsent(form, k -> new java.util.HashMap<>()).merge(name, rs.getLong("n"), Long::sum);
                        }
                        return n;
                    })
                    .list();
            if (linesNow.equals(lines) || attempt == 3) {
                return byForm;
            }
            lines = linesNow;
        }
    }

    /** The moment each form's answers are settled up to (see {@link AnswerCounts}); forms never settled are left out. */
    private Map<UUID, OffsetDateTime> settledLines(OrganisationId org, List<UUID> forms) {
        Map<UUID, OffsetDateTime> lines = new java.util.HashMap<>();
        jdbc.sql("select form_id, settled_before from form_answer_settled where organisation_id = :org and form_id in (:forms)")
                .param("org", org.value())
                .param("forms", forms)
                .query((rs, n) -> lines.put(rs.getObject("form_id", UUID.class), rs.getObject("settled_before", OffsetDateTime.class)))
                .list();
        return lines;
    }

    /** A question of a form, to ask {@link #latestAnswered(OrganisationId, List)} about. */
    record FormQuestion(UUID formId, String key) {}

    /** When the latest counted response that answered each question (any of its fields) came in, for several questions of several forms in one statement (unanswered ones left out): each read newest first on the {@code (organisation_id, form_id, submitted_at)} index, stopping at the first. */
    Map<FormQuestion, OffsetDateTime> latestAnswered(OrganisationId org, List<FormQuestion> questions) {
        if (questions.isEmpty()) {
            return Map.of();
        }
        Map<FormQuestion, OffsetDateTime> latest = new java.util.HashMap<>();
        jdbc.sql("""
                        select q.form_id, q.key,
                               (select r.submitted_at from form_response r
                                where r.organisation_id = :org and r.form_id = q.form_id and r.excluded is null
                                  and exists (select 1 from jsonb_object_keys(r.answers) k where split_part(k, '.', 1) = q.key)
                                order by r.submitted_at desc
                                limit 1) as latest
                        from unnest(cast(:forms as uuid[]), cast(:keys as text[])) q(form_id, key)
                        """)
                .param("org", org.value())
                .param("forms", questions.stream().map(FormQuestion::formId).toArray(UUID[]::new))
                .param("keys", questions.stream().map(FormQuestion::key).toArray(String[]::new))
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject("latest", OffsetDateTime.class);
                    if (at != null) {
                        latest.put(new FormQuestion(rs.getObject("form_id", UUID.class), rs.getString("key")), at);
                    }
                    return n;
                })
                .list();
        return latest;
    }

    /** How many counted responses came in from one source (paper, say). */
    long countCounted(OrganisationId org, UUID formId, Source source) {
        return jdbc.sql("""
                        select count(*) from form_response
                        where organisation_id = :org and form_id = :form and source = :source and excluded is null
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("source", source.name())
                .query(Long.class)
                .single();
    }

    /**
     * How many responses {@link #page} pages through (the same filters), counting no further than
     * {@code atMost}: read along the index, so the count costs the same at a million.
     */
    long countMatching(OrganisationId org, UUID formId, @Nullable Integer versionNumber, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime before, long atMost) {
        // Any atMost of them will do for counting: no order, so no sort and no more rows read than that.
        return matchingParams(jdbc.sql("select count(*) from (select 1 from form_response r" + matching(versionNumber, from, before)
                        + " limit :atMost) as counted"), versionNumber, from, before)
                .param("atMost", atMost)
                .param("org", org.value())
                .param("form", formId)
                .query(Long.class)
                .single();
    }

    /** Every counted response to any form of the organisation given by this member, oldest first. */
    List<Response> byMember(OrganisationId org, UUID formId, UUID memberId) {
        return list(org, formId, null, null, null, "UTC").stream()
                .filter(r -> memberId.equals(r.memberId()) && r.counted())
                .toList();
    }

    // -------------------------------------------------------------------------------------
    // Analysis, counted in PostgreSQL: what reaches Java is one row per answer field and choice,
    // never one per response, so the analysis costs the same memory for ten responses or a million.

    /** How many responses are counted and how many are left out as tests or duplicates. */
    record Totals(long counted, long excluded) {

        Totals plus(Totals other) {
            return new Totals(counted + other.counted, excluded + other.excluded);
        }
    }

    /** The totals of the responses that came in at or after {@code from} (all of them when null). */
    Totals totals(OrganisationId org, UUID formId, @Nullable OffsetDateTime from) {
        // No "(:from is null or …)": a prepared statement's generic plan could not then use the index for the time span.
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select count(*) filter (where excluded is null) as counted, count(*) filter (where excluded is not null) as excluded
                        from form_response
                        where organisation_id = :org and form_id = :form
                        """ + (from == null ? "" : " and submitted_at >= :from"))
                .param("org", org.value())
                .param("form", formId);
        return (from == null ? statement : statement.param("from", from)).query(Totals.class).single();
    }

    /**
     * One pass over counted responses, grouped in PostgreSQL (see V0018 for the kinds): free text
     * is never grouped; only the given value fields are. Either a span of time ({@code from}
     * inclusive, {@code before} exclusive, each open when null) or, with {@code responseId}, that
     * one response whether counted or not (to correct settled counts when it is left out).
     */
    private static final String COUNTS = """
            select x.kind, x.name, x.value, count(*) as n
            from form_response r
            cross join lateral (
                select 'q' as kind, q.name, '' as value
                from (select distinct split_part(k, '.', 1) as name from jsonb_object_keys(r.answers) k) q
                union all
                select 'f', k, '' from jsonb_object_keys(r.answers) k
                union all
                select 'v', e.key, v
                from jsonb_each(r.answers) e cross join lateral jsonb_array_elements_text(e.value) v
                where e.key = any(:fields)
                union all
                select 'm', p.question, case when p.after > p.before then 'up' when p.after = p.before then 'same' else 'down' end
                from (select k as question,
                             case when b ~ '^[0-9]{1,3}$' then b::integer end as before,
                             case when a ~ '^[0-9]{1,3}$' then a::integer end as after
                      from unnest(cast(:moves as text[])) k
                      cross join lateral (select r.answers -> (k || '.before') ->> 0 as b, r.answers -> (k || '.after') ->> 0 as a) raw) p
                where p.before is not null and p.after is not null
            ) x
            where r.organisation_id = :org and r.form_id = :form
            """;

    Counts counts(OrganisationId org, UUID formId, List<String> valueFields, List<String> movementKeys, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime before) {
        // The span written only as far as it is given, so the (organisation, form, submitted at) index serves it.
        JdbcClient.StatementSpec statement = jdbc.sql(COUNTS + " and r.excluded is null"
                + (from == null ? "" : " and r.submitted_at >= :from")
                + (before == null ? "" : " and r.submitted_at < :before")
                + " group by x.kind, x.name, x.value");
        if (from != null) {
            statement = statement.param("from", from);
        }
        if (before != null) {
            statement = statement.param("before", before);
        }
        return counts(statement, org, formId, valueFields, movementKeys);
    }

    Counts countsOf(OrganisationId org, UUID formId, UUID responseId, List<String> valueFields, List<String> movementKeys) {
        return counts(jdbc.sql(COUNTS + """
                          and r.id = :id
                        group by x.kind, x.name, x.value
                        """)
                .param("id", responseId), org, formId, valueFields, movementKeys);
    }

    /** The counts of responses just added behind the settled line (see {@link AnswerDays#addedBehind}). */
    Counts countsAddedBehind(OrganisationId org, UUID formId, OffsetDateTime before, String added, Object addedParam, List<String> valueFields,
            List<String> movementKeys) {
        return counts(jdbc.sql(COUNTS + " and r.excluded is null and r.submitted_at < :before and r.id in (" + added + ")"
                        + " group by x.kind, x.name, x.value")
                .param("before", before)
                .param("added", addedParam), org, formId, valueFields, movementKeys);
    }

    /** How many of the responses just added are behind the settled line. */
    long countAddedBehind(OrganisationId org, UUID formId, OffsetDateTime before, String added, Object addedParam) {
        return jdbc.sql("select count(*) from form_response r where r.organisation_id = :org and r.form_id = :form and r.excluded is null"
                        + " and r.submitted_at < :before and r.id in (" + added + ")")
                .param("org", org.value())
                .param("form", formId)
                .param("before", before)
                .param("added", addedParam)
                .query(Long.class)
                .single();
    }

    private static Counts counts(JdbcClient.StatementSpec statement, OrganisationId org, UUID formId, List<String> valueFields,
            List<String> movementKeys) {
        Map<Counts.Key, Long> rows = new java.util.HashMap<>();
        statement.param("org", org.value())
                .param("form", formId)
                .param("fields", valueFields.toArray(String[]::new))
                .param("moves", movementKeys.toArray(String[]::new))
                .query((rs, n) -> rows.put(new Counts.Key(rs.getString("kind"), rs.getString("name"), rs.getString("value")), rs.getLong("n")))
                .list();
        return new Counts(rows);
    }

    /** Settled counts: what the form's row in form_answer_settled says, read with a lock (see {@link AnswerCounts}). */
    record Settled(OffsetDateTime settledBefore, long counted, long excluded) {}

    Optional<Settled> lockSettled(OrganisationId org, UUID formId) {
        return jdbc.sql("""
                        select settled_before, counted, excluded from form_answer_settled
                        where organisation_id = :org and form_id = :form
                        for update
                        """)
                .param("org", org.value())
                .param("form", formId)
                .query(Settled.class)
                .optional();
    }

    /** Creates the form's row if it has none (then locked like {@link #lockSettled}); false when another made it first. */
    boolean createSettled(OrganisationId org, UUID formId, OffsetDateTime before) {
        return jdbc.sql("""
                        insert into form_answer_settled (form_id, organisation_id, settled_before, counted, excluded)
                        values (:form, :org, :before, 0, 0)
                        on conflict (form_id) do nothing
                        """)
                        .param("form", formId)
                        .param("org", org.value())
                        .param("before", before)
                        .update()
                == 1;
    }

    void moveSettled(OrganisationId org, UUID formId, OffsetDateTime before, Totals add) {
        jdbc.sql("""
                        update form_answer_settled set settled_before = :before, counted = counted + :counted, excluded = excluded + :excluded
                        where organisation_id = :org and form_id = :form
                        """)
                .param("before", before)
                .param("counted", add.counted())
                .param("excluded", add.excluded())
                .param("org", org.value())
                .param("form", formId)
                .update();
    }

    /** Adds counts to the settled ones ({@code sign} -1 takes them away), in one statement. */
    void addSettledCounts(OrganisationId org, UUID formId, Counts counts, int sign) {
        if (counts.rows().isEmpty()) {
            return;
        }
        List<Map.Entry<Counts.Key, Long>> rows = List.copyOf(counts.rows().entrySet());
        jdbc.sql("""
                        insert into form_answer_count (form_id, organisation_id, kind, name, value, responses)
                        select :form, :org, k, n, v, c
                        from unnest(cast(:kinds as text[]), cast(:names as text[]), cast(:values as text[]), cast(:counts as bigint[])) as t(k, n, v, c)
                        on conflict (form_id, kind, name, value) do update set responses = form_answer_count.responses + excluded.responses
                        """)
                .param("form", formId)
                .param("org", org.value())
                .param("kinds", rows.stream().map(e -> e.getKey().kind()).toArray(String[]::new))
                .param("names", rows.stream().map(e -> e.getKey().name()).toArray(String[]::new))
                .param("values", rows.stream().map(e -> e.getKey().value()).toArray(String[]::new))
                .param("counts", rows.stream().map(e -> sign * e.getValue()).toArray(Long[]::new))
                .update();
    }

    Counts settledCounts(OrganisationId org, UUID formId) {
        Map<Counts.Key, Long> rows = new java.util.HashMap<>();
        jdbc.sql("select kind, name, value, responses from form_answer_count where organisation_id = :org and form_id = :form")
                .param("org", org.value())
                .param("form", formId)
                .query((rs, n) -> rows.put(new Counts.Key(rs.getString("kind"), rs.getString("name"), rs.getString("value")), rs.getLong("responses")))
                .list();
        return new Counts(rows);
    }

    /** When a response came in and whether it is left out, read with a lock on the response. */
    record Standing(OffsetDateTime submittedAt, boolean excluded) {}

    Optional<Standing> standing(OrganisationId org, UUID formId, UUID responseId) {
        return jdbc.sql("""
                        select submitted_at, excluded is not null as excluded from form_response
                        where organisation_id = :org and form_id = :form and id = :id
                        for update
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("id", responseId)
                .query(Standing.class)
                .optional();
    }

    /** One answer to one field, with the response it is from and the language that response was given in. */
    record FieldAnswer(UUID responseId, OffsetDateTime submittedAt, String values, String language) {

        List<String> list() {
            return FormRepository.JSON.readValue(values, LIST);
        }
    }

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    /** A page of the counted answers to one field, newest first (the index on submitted_at is read backwards). */
    List<FieldAnswer> fieldAnswers(OrganisationId org, UUID formId, String field, int limit, long offset) {
        return jdbc.sql("""
                        select r.id as response_id, r.submitted_at, (r.answers -> :field)::text as values, r.language
                        from form_response r
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null and jsonb_exists(r.answers, :field)
                        order by r.submitted_at desc, r.id desc
                        limit :limit offset :offset
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("field", field)
                .param("limit", limit)
                .param("offset", offset)
                .query(FieldAnswer.class)
                .list();
    }

    /**
     * For each named member and each of the given fields they answered at least twice in counted
     * responses: their earliest and latest answer (by time, then id). Two rows per member and field.
     */
    record PairRow(UUID memberId, @Nullable String memberName, String field, boolean earliest, String value, OffsetDateTime submittedAt) {}

    List<PairRow> pairs(OrganisationId org, UUID formId, List<String> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with a as (
                            select r.member_user_id, k.field, r.answers -> k.field ->> 0 as value, r.submitted_at,
                                   row_number() over (partition by r.member_user_id, k.field order by r.submitted_at, r.id) as from_start,
                                   row_number() over (partition by r.member_user_id, k.field order by r.submitted_at desc, r.id desc) as from_end,
                                   count(*) over (partition by r.member_user_id, k.field) as answers
                            from form_response r cross join unnest(cast(:fields as text[])) k(field)
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                              and r.member_user_id is not null and jsonb_exists(r.answers, k.field)
                        )
                        select a.member_user_id as member_id, u.display_name as member_name, a.field, a.from_start = 1 as earliest, a.value,
                               a.submitted_at
                        from a left join user_account u on u.id = a.member_user_id
                        where a.answers >= 2 and (a.from_start = 1 or a.from_end = 1)
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("fields", fields.toArray(String[]::new))
                .query(PairRow.class)
                .list();
    }

    boolean exclude(OrganisationId org, UUID formId, UUID responseId, Response.@Nullable Exclusion exclusion, UserId by) {
        return jdbc.sql("""
                        update form_response set excluded = :excluded,
                               excluded_by = case when cast(:excluded as text) is null then null else cast(:by as uuid) end,
                               excluded_at = case when cast(:excluded as text) is null then null else now() end
                        where organisation_id = :org and form_id = :form and id = :id
                        """)
                        .param("excluded", exclusion == null ? null : exclusion.name())
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("form", formId)
                        .param("id", responseId)
                        .update()
                == 1;
    }

    int count(OrganisationId org, UUID formId) {
        return jdbc.sql("select count(*) from form_response where organisation_id = :org and form_id = :form and excluded is null")
                .param("org", org.value())
                .param("form", formId)
                .query(Integer.class)
                .single();
    }

    // Drafts

    void createDraft(OrganisationId org, String token, UUID formId, int versionNumber, Source source, @Nullable UUID memberId) {
        jdbc.sql("""
                        insert into form_draft (token, organisation_id, form_id, version_number, source, member_user_id)
                        values (:token, :org, :form, :number, :source, :member)
                        """)
                .param("token", token)
                .param("org", org.value())
                .param("form", formId)
                .param("number", versionNumber)
                .param("source", source.name())
                .param("member", memberId)
                .update();
    }

    private record DraftRow(String token, UUID formId, int versionNumber, String answers, Source source, @Nullable UUID memberUserId,
            OffsetDateTime updatedAt) {}

    Optional<Draft> draft(OrganisationId org, UUID formId, String token) {
        return jdbc.sql("""
                        select token, form_id, version_number, answers::text as answers, source, member_user_id, updated_at
                        from form_draft where organisation_id = :org and form_id = :form and token = :token
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("token", token)
                .query(DraftRow.class)
                .optional()
                .map(d -> new Draft(d.token(), d.formId(), d.versionNumber(), answers(d.answers()), d.source(), d.memberUserId(),
                        d.updatedAt()));
    }

    /** A draft taken and sent in one statement: what it held, and the new response's id (null when its token was used already). */
    record Sent(Draft draft, @Nullable UUID responseId) {}

    /**
     * Takes a draft and saves it as a response in one statement (one round trip): the draft is
     * deleted and its answers are copied into the response row inside PostgreSQL. Empty when there
     * is no such draft. The caller checks the answers afterwards, and rolls the transaction back if
     * they are not right: the draft is then back and no response was added. Concurrent sends of the
     * same draft queue on its row: only one gets it; the others find no draft.
     */
    Optional<Sent> sendDraft(OrganisationId org, UUID formId, String token, String language) {
        return sendDraft(org, formId, null, token, language).sent();
    }

    /**
     * What {@link #sendDraft(OrganisationId, UUID, String, String, String)} found: whether the form
     * was as stamped (always, when no stamp was given), and the draft it took and saved.
     */
    record Sending(boolean fresh, Optional<Sent> sent) {}

    /**
     * {@link #sendDraft(OrganisationId, UUID, String, String)}, taking the draft only if the form
     * and its current version are still exactly as they were read when {@code formStamp} was made
     * ({@link FormRepository#byTokenStamped}); otherwise nothing changes and {@code fresh} is false.
     * This lets a send use a form read on an earlier request, checked in the same statement and
     * snapshot that saves the answers, instead of reading the form again first (issue 11: one round
     * trip fewer on the busiest path).
     */
    Sending sendDraft(OrganisationId org, UUID formId, @Nullable String formStamp, String token, String language) {
        return jdbc.sql("""
                        with fresh as (
                            select 1 from form f join form_version v on v.form_id = f.id and v.number = f.current_version
                            where f.organisation_id = :org and f.id = :form
                              and (cast(:stamp as text) is null or f.xmin::text || '/' || v.xmin::text = :stamp)
                        ), taken as (
                            delete from form_draft
                            where organisation_id = :org and form_id = :form and token = :token and exists (select 1 from fresh)
                            returning token, organisation_id, form_id, version_number, answers, source, member_user_id, updated_at
                        ), saved as (
                            insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source,
                                                       member_user_id, language)
                            select :id, organisation_id, form_id, version_number, token, answers, source, member_user_id, :language
                            from taken
                            on conflict (form_id, submission_token) do nothing
                            returning id
                        )
                        select exists (select 1 from fresh) as fresh, t.token, t.form_id, t.version_number, t.answers::text as answers,
                               t.source, t.member_user_id, t.updated_at, (select id from saved) as response_id
                        from (select 1) one left join taken t on true
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("stamp", formStamp)
                .param("token", token)
                .param("id", UUID.randomUUID())
                .param("language", language)
                .query((rs, n) -> {
                    boolean fresh = rs.getBoolean("fresh");
                    String taken = rs.getString("token");
                    if (taken == null) {
                        return new Sending(fresh, Optional.empty());
                    }
                    Draft draft = new Draft(taken, rs.getObject("form_id", UUID.class), rs.getInt("version_number"), answers(rs.getString("answers")),
                            Source.valueOf(rs.getString("source")), rs.getObject("member_user_id", UUID.class),
                            rs.getObject("updated_at", OffsetDateTime.class));
                    return new Sending(fresh, Optional.of(new Sent(draft, rs.getObject("response_id", UUID.class))));
                })
                .single();
    }

    void saveDraft(OrganisationId org, UUID formId, String token, Answers answers) {
        jdbc.sql("""
                        update form_draft set answers = cast(:answers as jsonb), updated_at = clock_timestamp()
                        where organisation_id = :org and form_id = :form and token = :token
                        """)
                .param("answers", json(answers))
                .param("org", org.value())
                .param("form", formId)
                .param("token", token)
                .update();
    }

    void deleteDraft(OrganisationId org, UUID formId, String token) {
        jdbc.sql("delete from form_draft where organisation_id = :org and form_id = :form and token = :token")
                .param("org", org.value())
                .param("form", formId)
                .param("token", token)
                .update();
    }

    /** Removes drafts nobody touched since the given time. Not tenant data anyone reads: a clean-up across organisations. */
    int deleteDraftsBefore(OffsetDateTime before) {
        return jdbc.sql("delete from form_draft where updated_at < :before").param("before", before).update();
    }

    // Personal links

    record PersonalLink(String token, UUID userId, String displayName) {}

    List<PersonalLink> personalLinks(OrganisationId org, UUID formId) {
        return jdbc.sql("""
                        select l.token, l.user_id, u.display_name
                        from form_personal_link l join user_account u on u.id = l.user_id
                        where l.organisation_id = :org and l.form_id = :form
                        order by lower(u.display_name), l.user_id
                        """)
                .param("org", org.value())
                .param("form", formId)
                .query(PersonalLink.class)
                .list();
    }

    void addPersonalLink(OrganisationId org, UUID formId, UUID userId) {
        jdbc.sql("""
                        insert into form_personal_link (token, organisation_id, form_id, user_id)
                        values (:token, :org, :form, :user)
                        on conflict (form_id, user_id) do nothing
                        """)
                .param("token", FormTokens.secret())
                .param("org", org.value())
                .param("form", formId)
                .param("user", userId)
                .update();
    }

    Optional<UUID> personalLinkUser(OrganisationId org, UUID formId, String token) {
        return jdbc.sql("select user_id from form_personal_link where organisation_id = :org and form_id = :form and token = :token")
                .param("org", org.value())
                .param("form", formId)
                .param("token", token)
                .query(UUID.class)
                .optional();
    }
}
