package org.coproduction.impact.form;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.document.CsvStream;
import org.coproduction.impact.shared.document.XlsxStream;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reading a form's responses: the table facilitators see, the single response, the export (CSV
 * and Excel) and the analysis. Questions are read across versions by their key, so answers given
 * on different versions to an unchanged question count together.
 */
@Service
public class FormResults {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** When a response came in, in the export: sortable as text, in UK time. */
    private static final java.time.format.DateTimeFormatter SUBMITTED_AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FormService formService;
    private final RespondentService respondents;
    private final FormRepository forms;
    private final ResponseRepository responses;
    private final AnswerCounts answerCounts;

    FormResults(FormService formService, RespondentService respondents, FormRepository forms, ResponseRepository responses,
            AnswerCounts answerCounts) {
        this.answerCounts = answerCounts;
        this.formService = formService;
        this.respondents = respondents;
        this.forms = forms;
        this.responses = responses;
    }

    // ---------------------------------------------------------------------------------------
    // Questions across versions

    /** The form's questions across all its versions, the newest version's first and in its order. */
    public List<MappedQuestion> mapped(Tenant tenant, UUID formId) {
        formService.form(tenant, formId);
        return mapped(forms.versionQuestions(tenant.organisationId(), formId));
    }

    static List<MappedQuestion> mapped(List<FormVersion> versions) {
        List<FormVersion> newestFirst = versions.stream().sorted(Comparator.comparingInt(FormVersion::number).reversed()).toList();
        Map<String, Question> byKey = new LinkedHashMap<>();
        Map<String, List<Integer>> askedOn = new HashMap<>();
        for (FormVersion v : newestFirst) {
            for (Question q : v.questions()) {
                byKey.putIfAbsent(q.key(), q);
                askedOn.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(v.number());
            }
        }
        return byKey.values().stream()
                .map(q -> new MappedQuestion(q, askedOn.get(q.key()).stream().sorted().toList()))
                .toList();
    }

    /** The questions of one version of the form, as they were asked. */
    public List<Question> questionsOf(Tenant tenant, UUID formId, int version) {
        return formService.versions(tenant, formId).stream()
                .filter(v -> v.number() == version)
                .findFirst()
                .map(FormVersion::questions)
                .orElseThrow(() -> new NotFoundException("version"));
    }

    // ---------------------------------------------------------------------------------------
    // Words for answers

    /** What an answer field asks: the question, the "now" question of a pair, or the part of "about you". */
    public static String fieldLabel(Question q, String field) {
        if (q.type() == QuestionType.BEFORE_AFTER && field.endsWith(".after")) {
            return q.afterText() == null ? q.text() : q.afterText();
        }
        if (q.type() == QuestionType.ABOUT_YOU) {
            return Ui.standard(aboutYou(field).messageKey());
        }
        return q.text();
    }

    /**
     * The language of a question's words as staff read them: the organisation's own words (English:
     * {@link Ui#OWN_WORDS}), except the "about you" block, whose words are the service's, in the page's
     * language (null).
     */
    public static @Nullable String labelLanguage(Question q) {
        return q.type() == QuestionType.ABOUT_YOU ? null : Ui.OWN_WORDS;
    }

    /**
     * The language of an answer as {@link #show} gives it: words the person typed are in the language
     * they chose for the form (the best we know); choices and scale points are the organisation's own
     * words; yes or no, dates, numbers and "about you" are in the page's language (null).
     */
    public static @Nullable String answerLanguage(Question q, String responseLanguage) {
        return switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT -> responseLanguage;
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE -> Ui.OWN_WORDS;
            default -> null;
        };
    }

    /** An answer in words: the labels of choices and scale points, not their positions; dates as people read them. */
    public static String show(Question q, String field, List<String> values) {
        return values.stream().map(v -> showOne(q, field, v)).collect(Collectors.joining("; "));
    }

    private static String showOne(Question q, String field, String value) {
        return switch (q.type()) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                Integer n = position(value);
                yield n != null && n >= 1 && n <= q.options().size() ? q.options().get(n - 1) : value;
            }
            case YES_NO -> value.equals("yes") ? Ui.standard("form.responses.yes") : value.equals("no") ? Ui.standard("form.responses.no") : value;
            case ABOUT_YOU -> {
                AboutYou part = aboutYou(field);
                yield part.choices().contains(value) ? Ui.standard(part.choiceKey(value)) : value;
            }
            case DATE -> {
                try {
                    yield Ui.day(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    yield value;
                }
            }
            default -> value;
        };
    }

    private static AboutYou aboutYou(String field) {
        return AboutYou.fromSlug(field.substring(field.lastIndexOf('.') + 1)).orElseThrow();
    }

    private static @Nullable Integer position(String value) {
        if (value.isEmpty() || value.length() > 3 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(value);
    }

    /** Text cut to about {@code max} characters at a word boundary, with an ellipsis, for a table cell. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }

    // ---------------------------------------------------------------------------------------
    // Responses

    /** Responses, newest first, optionally only those on one version and between two days (inclusive). */
    /**
     * One page of the responses table, newest first, filtered by version and by day (both days
     * inclusive, in UK time). A page past the end gives the last page, one before the start the
     * first: counted and read in SQL, so a form with tens of thousands of answers reads only one
     * page of them.
     */
    public ResponsePage responses(Tenant tenant, UUID formId, @Nullable Integer version, @Nullable LocalDate from, @Nullable LocalDate to,
            long page, int size) {
        formService.form(tenant, formId);
        OrganisationId org = tenant.organisationId();
        OffsetDateTime start = from == null ? null : from.atStartOfDay(UK).toOffsetDateTime();
        OffsetDateTime before = to == null ? null : to.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
        long counted = responses.countMatching(org, formId, version, start, before, ResponsePage.LISTED + 1L);
        boolean more = counted > ResponsePage.LISTED;
        long total = Math.min(counted, ResponsePage.LISTED);
        int shown = ResponsePage.nearest(page, total, size);
        int pages = ResponsePage.nearest(Long.MAX_VALUE, total, size);
        List<Response> rows = total == 0 ? List.of() : responses.page(org, formId, version, start, before, size, (long) (shown - 1) * size);
        return new ResponsePage(rows, total, shown, pages, size, more);
    }

    /** One response, read alone (a form may have tens of thousands). */
    public Response response(Tenant tenant, UUID formId, UUID responseId) {
        formService.form(tenant, formId);
        return responses.one(tenant.organisationId(), formId, responseId).orElseThrow(() -> new NotFoundException("response"));
    }

    /** How many counted responses were typed in from paper. */
    public long enteredFromPaper(Tenant tenant, UUID formId) {
        formService.form(tenant, formId);
        return responses.countCounted(tenant.organisationId(), formId, Source.PAPER);
    }

    // ---------------------------------------------------------------------------------------
    // Export

    /**
     * The export's columns: the response's details, then one per answer field across all versions,
     * with a score column (the position on the scale, 1 = the first) beside each rating and each
     * half of a before-and-after pair, so answers can be averaged and before compared with now.
     */
    private record Column(MappedQuestion question, String field, boolean score) {}

    private static final int DETAILS = 6;

    private static List<Column> columns(List<MappedQuestion> mapped) {
        List<Column> columns = new ArrayList<>();
        for (MappedQuestion m : mapped) {
            for (String field : m.fields()) {
                columns.add(new Column(m, field, false));
                if (m.question().type().isScale()) {
                    columns.add(new Column(m, field, true));
                }
            }
        }
        return columns;
    }

    private static List<String> header(List<Column> columns) {
        List<String> header = new ArrayList<>(List.of(Ui.standard("form.export.response"), Ui.standard("form.export.submitted-at"),
                Ui.standard("form.export.version"), Ui.standard("form.export.source"), Ui.standard("form.export.member"),
                Ui.standard("form.export.excluded")));
        for (Column c : columns) {
            String label = fieldLabel(c.question().question(), c.field());
            header.add(c.score() ? Ui.standard("form.export.score", label) : label);
        }
        return header;
    }

    /**
     * One response as typed cells: text as {@link String}, numbers as {@link BigDecimal} or
     * {@link Integer} (scores), when it came in as a {@link java.time.ZonedDateTime} in UK time, date answers
     * as {@link LocalDate}; an empty answer is null.
     */
    private static List<@Nullable Object> cells(Response r, List<Column> columns) {
        List<@Nullable Object> row = new ArrayList<>(DETAILS + columns.size());
        row.add(r.id().toString());
        row.add(r.submittedAt().atZoneSameInstant(UK).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // The version is a number people read, not one to add up: kept as text like the other details.
        row.add(String.valueOf(r.versionNumber()));
        row.add(Ui.standard(r.source().messageKey()));
        row.add(r.memberName() == null ? "" : r.memberName());
        row.add(r.excluded() == null ? "" : Ui.standard(r.excluded().messageKey()));
        for (Column c : columns) {
            row.add(cell(c.question().question(), c.field(), r.answers().get(c.field()), c.score()));
        }
        return row;
    }

    private static @Nullable Object cell(Question q, String field, List<String> values, boolean score) {
        if (values.isEmpty()) {
            return null;
        }
        if (score) {
            Integer n = position(values.getFirst());
            return n != null && n >= 1 && n <= q.options().size() ? n : null;
        }
        if (values.size() == 1 && q.type() == QuestionType.NUMBER) {
            BigDecimal n = number(values.getFirst());
            if (n != null) {
                return n;
            }
        }
        if (values.size() == 1 && q.type() == QuestionType.DATE) {
            try {
                return LocalDate.parse(values.getFirst());
            } catch (DateTimeParseException e) {
                return values.getFirst();
            }
        }
        return show(q, field, values);
    }

    private static @Nullable BigDecimal number(String value) {
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A typed cell as CSV text: numbers plain, when it came in sortable, dates as yyyy-mm-dd. */
    private static String csvText(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal b -> b.toPlainString();
            case java.time.ZonedDateTime t -> t.format(SUBMITTED_AT);
            default -> value.toString();
        };
    }

    /**
     * Writes every response as CSV to {@code out}, oldest first, as the database cursor reads them:
     * memory stays flat in the number of responses.
     */
    public void writeCsv(Tenant tenant, UUID formId, OutputStream out) {
        formService.form(tenant, formId);
        List<Column> columns = columns(mapped(tenant, formId));
        try (CsvStream csv = new CsvStream(out, header(columns))) {
            responses.eachResponse(tenant.organisationId(), formId, r -> csv.row(cells(r, columns).stream().map(FormResults::csvText).toList()));
        }
    }

    /**
     * Writes every response as an Excel workbook to {@code out}, streamed (see {@link XlsxStream}):
     * numbers, scores, dates and when each came in are typed cells; memory stays flat in the number
     * of responses.
     */
    public void writeXlsx(Tenant tenant, UUID formId, OutputStream out) {
        formService.form(tenant, formId);
        List<Column> columns = columns(mapped(tenant, formId));
        try (XlsxStream xlsx = new XlsxStream(Ui.standard("form.export.sheet"), header(columns))) {
            responses.eachResponse(tenant.organisationId(), formId, r -> xlsx.row(cells(r, columns)));
            xlsx.writeTo(out);
        }
    }

    /** The CSV export as one string: for small forms and tests; downloads use {@link #writeCsv}. */
    public String csv(Tenant tenant, UUID formId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeCsv(tenant, formId, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The Excel export in memory: for small forms and tests; downloads use {@link #writeXlsx}. */
    public byte[] xlsx(Tenant tenant, UUID formId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeXlsx(tenant, formId, out);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------
    // Analysis

    /** Free-text (and date) answers shown per question on the analysis page: the latest ones; the rest are a link away, paged. */
    public static final int LATEST_TEXTS = 20;

    /**
     * What the counted responses say, question by question. Counted in PostgreSQL, from settled
     * counts plus the responses since ({@link AnswerCounts}): Java receives one row per field and
     * choice, and at most {@link #LATEST_TEXTS} free-text answers per question, whatever the number
     * of responses.
     */
    public Analysis analysis(Tenant tenant, UUID formId) {
        Form form = formService.form(tenant, formId);
        OrganisationId org = tenant.organisationId();
        List<MappedQuestion> mapped = mapped(tenant, formId);
        AnswerCounts.Current current = answerCounts.current(org, formId);
        Counts counts = current.counts();
        List<String> pairs = new ArrayList<>();
        List<Analysis.QuestionResult> results = new ArrayList<>();
        for (MappedQuestion m : mapped) {
            Question q = m.question();
            if (q.type().isScale() || q.type() == QuestionType.NUMBER) {
                pairs.addAll(q.fields());
            }
            List<Analysis.TextAnswer> texts = switch (q.type()) {
                case SHORT_TEXT, LONG_TEXT, DATE -> counts.field(q.key()) == 0
                        ? List.of()
                        : texts(q, responses.fieldAnswers(org, formId, q.key(), LATEST_TEXTS, 0));
                default -> List.of();
            };
            results.add(result(m, counts, texts));
        }
        List<Analysis.Pairing> pairings = pairings(mapped, responses.pairs(org, formId, pairs));
        return new Analysis(form, (int) current.totals().counted(), (int) current.totals().excluded(), results, pairings);
    }

    private static List<Analysis.TextAnswer> texts(Question q, List<ResponseRepository.FieldAnswer> answers) {
        return answers.stream().map(a -> new Analysis.TextAnswer(show(q, q.key(), a.list()), a.responseId(), a.submittedAt(),
                q.type() == QuestionType.DATE ? null : a.language())).toList();
    }

    /** One page of every counted answer to a free-text or date question, newest first. */
    public record TextPage(MappedQuestion question, List<Analysis.TextAnswer> answers, long total, int page, int pages, int size) {

        /** Whether only the newest {@link ResponsePage#LISTED} of the answers are listed. */
        public boolean more() {
            return total > ResponsePage.LISTED;
        }
    }

    public TextPage textAnswers(Tenant tenant, UUID formId, String questionKey, long page, int size) {
        formService.form(tenant, formId);
        MappedQuestion m = mapped(tenant, formId).stream()
                .filter(q -> q.question().key().equals(questionKey) && switch (q.question().type()) {
                    case SHORT_TEXT, LONG_TEXT, DATE -> true;
                    default -> false;
                })
                .findFirst()
                .orElseThrow(() -> new NotFoundException("question"));
        OrganisationId org = tenant.organisationId();
        // From the settled counts (V0018), so a deep list costs no count of every response.
        long total = answerCounts.current(org, formId).counts().field(questionKey);
        // Deep pages read every answer before them: only the newest LISTED are paged through.
        long listed = Math.min(total, ResponsePage.LISTED);
        int shown = ResponsePage.nearest(page, listed, size);
        int pages = ResponsePage.nearest(Long.MAX_VALUE, listed, size);
        List<Analysis.TextAnswer> answers = total == 0
                ? List.of()
                : texts(m.question(), responses.fieldAnswers(org, formId, questionKey, size, (long) (shown - 1) * size));
        return new TextPage(m, answers, total, shown, pages, size);
    }

    static Analysis.QuestionResult result(MappedQuestion m, Counts counts, List<Analysis.TextAnswer> texts) {
        Question q = m.question();
        int answered = (int) counts.question(q.key());
        List<Analysis.Tally> tallies = new ArrayList<>();
        Analysis.NumberSummary numbers = null;
        Analysis.Movement movement = null;
        switch (q.type()) {
            case RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, BEFORE_AFTER -> {
                for (String field : q.fields()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= q.options().size(); i++) {
                        values.add(String.valueOf(i));
                    }
                    tallies.add(tally(q, field, values, counts));
                }
                if (q.type() == QuestionType.BEFORE_AFTER) {
                    movement = new Analysis.Movement((int) counts.moved(q.key(), "up"), (int) counts.moved(q.key(), "same"),
                            (int) counts.moved(q.key(), "down"));
                }
            }
            case YES_NO -> tallies.add(tally(q, q.key(), List.of("yes", "no"), counts));
            // Kept apart as special-category data and never counted per form: who took part is shown,
            // with small numbers hidden, on the who-took-part pages (AboutYouAnswers).
            case ABOUT_YOU -> {}
            case NUMBER -> numbers = numbers(counts.values(q.key()));
            case SHORT_TEXT, LONG_TEXT, DATE -> {}
        }
        return new Analysis.QuestionResult(m, answered, tallies, numbers, texts, movement);
    }

    private static Analysis.Tally tally(Question q, String field, List<String> values, Counts counts) {
        int answered = (int) counts.field(field);
        List<Analysis.Count> out = new ArrayList<>();
        for (String value : values) {
            int n = (int) counts.chose(field, value);
            out.add(new Analysis.Count(showOne(q, field, value), n, answered == 0 ? 0 : (int) Math.round(100.0 * n / answered)));
        }
        return new Analysis.Tally(field, fieldLabel(q, field), answered, out);
    }

    /**
     * The summary of a number question from how many gave each answer: the mean to two places, the
     * median the middle value or the mean of the two middle ones. Answers that are not numbers are
     * left out.
     */
    static Analysis.@Nullable NumberSummary numbers(Map<String, Long> answers) {
        java.util.TreeMap<BigDecimal, Long> byValue = new java.util.TreeMap<>();
        answers.forEach((text, n) -> {
            BigDecimal value = number(text);
            if (value != null) {
                byValue.merge(value, n, Long::sum);
            }
        });
        if (byValue.isEmpty()) {
            return null;
        }
        long count = byValue.values().stream().mapToLong(Long::longValue).sum();
        BigDecimal sum = byValue.entrySet().stream().map(e -> e.getKey().multiply(BigDecimal.valueOf(e.getValue()))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        BigDecimal lower = nth(byValue, (count - 1) / 2);
        BigDecimal upper = nth(byValue, count / 2);
        BigDecimal median = lower.compareTo(upper) == 0 ? lower : lower.add(upper).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new Analysis.NumberSummary((int) count, plain(byValue.firstKey()), plain(byValue.lastKey()), plain(mean), plain(median));
    }

    /** The value at a position (from 0) in the sorted answers. */
    private static BigDecimal nth(java.util.NavigableMap<BigDecimal, Long> byValue, long position) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> e : byValue.entrySet()) {
            seen += e.getValue();
            if (position < seen) {
                return e.getKey();
            }
        }
        return byValue.lastKey();
    }

    private static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * For each named member and each scale or number question: their earliest and latest answer,
     * across their counted responses, where they answered it at least twice (found in SQL: two rows
     * per member and field reach Java).
     */
    static List<Analysis.Pairing> pairings(List<MappedQuestion> mapped, List<ResponseRepository.PairRow> rows) {
        Map<UUID, Map<String, ResponseRepository.PairRow[]>> byMember = new LinkedHashMap<>();
        for (ResponseRepository.PairRow row : rows) {
            ResponseRepository.PairRow[] ends = byMember.computeIfAbsent(row.memberId(), k -> new HashMap<>())
                    .computeIfAbsent(row.field(), k -> new ResponseRepository.PairRow[2]);
            ends[row.earliest() ? 0 : 1] = row;
        }
        List<Analysis.Pairing> out = new ArrayList<>();
        for (Map<String, ResponseRepository.PairRow[]> theirs : byMember.values()) {
            for (MappedQuestion m : mapped) {
                Question q = m.question();
                if (!q.type().isScale() && q.type() != QuestionType.NUMBER) {
                    continue;
                }
                for (String field : q.fields()) {
                    ResponseRepository.PairRow[] ends = theirs.get(field);
                    if (ends == null || ends[0] == null || ends[1] == null) {
                        continue;
                    }
                    ResponseRepository.PairRow first = ends[0];
                    ResponseRepository.PairRow last = ends[1];
                    BigDecimal a = number(first.value());
                    BigDecimal b = number(last.value());
                    if (a == null || b == null) {
                        continue;
                    }
                    int cmp = b.compareTo(a);
                    Analysis.Change change = cmp > 0 ? Analysis.Change.UP : cmp == 0 ? Analysis.Change.SAME : Analysis.Change.DOWN;
                    String name = Objects.requireNonNullElse(first.memberName(), "");
                    out.add(new Analysis.Pairing(name, fieldLabel(q, field), show(q, field, List.of(first.value())), first.submittedAt(),
                            show(q, field, List.of(last.value())), last.submittedAt(), change));
                }
            }
        }
        out.sort(Comparator.comparing(Analysis.Pairing::memberName, String.CASE_INSENSITIVE_ORDER));
        return out;
    }
}
