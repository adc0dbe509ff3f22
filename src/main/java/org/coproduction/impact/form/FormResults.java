package org.coproduction.impact.form;

import java.math.BigDecimal;
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
import org.coproduction.impact.shared.document.Csv;
import org.coproduction.impact.shared.document.Xlsx;
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

    FormResults(FormService formService, RespondentService respondents, FormRepository forms, ResponseRepository responses) {
        this.formService = formService;
        this.respondents = respondents;
        this.forms = forms;
        this.responses = responses;
    }

    // ---------------------------------------------------------------------------------------
    // Questions across versions

    /** The form's questions across all its versions, the newest version's first and in its order. */
    public List<MappedQuestion> mapped(Tenant tenant, UUID formId) {
        return mapped(formService.versions(tenant, formId));
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
        return AboutYou.valueOf(field.substring(field.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT));
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
        long total = responses.countMatching(org, formId, version, start, before);
        int shown = ResponsePage.nearest(page, total, size);
        int pages = ResponsePage.nearest(Long.MAX_VALUE, total, size);
        List<Response> rows = total == 0 ? List.of() : responses.page(org, formId, version, start, before, size, (long) (shown - 1) * size);
        return new ResponsePage(rows, total, shown, pages, size);
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

    /** Every response, one column per answer field across all versions; numbers of number questions stay numbers. */
    public record Sheet(String title, List<String> header, List<List<@Nullable Object>> rows) {}

    public Sheet sheet(Tenant tenant, UUID formId) {
        Form form = formService.form(tenant, formId);
        List<MappedQuestion> mapped = mapped(tenant, formId);
        List<String> header = new ArrayList<>(List.of(Ui.standard("form.export.response"), Ui.standard("form.export.submitted-at"),
                Ui.standard("form.export.version"), Ui.standard("form.export.source"), Ui.standard("form.export.member"),
                Ui.standard("form.export.excluded")));
        for (MappedQuestion m : mapped) {
            for (String field : m.fields()) {
                header.add(fieldLabel(m.question(), field));
            }
        }
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Response r : respondents.responses(tenant, formId, null, null, null)) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(r.id().toString());
            row.add(r.submittedAt().atZoneSameInstant(UK).format(SUBMITTED_AT));
            row.add(r.versionNumber());
            row.add(Ui.standard(r.source().messageKey()));
            row.add(r.memberName() == null ? "" : r.memberName());
            row.add(r.excluded() == null ? "" : Ui.standard(r.excluded().messageKey()));
            for (MappedQuestion m : mapped) {
                for (String field : m.fields()) {
                    List<String> values = r.answers().get(field);
                    row.add(cell(m.question(), field, values));
                }
            }
            rows.add(row);
        }
        return new Sheet(form.title(), header, rows);
    }

    private static @Nullable Object cell(Question q, String field, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (q.type() == QuestionType.NUMBER && values.size() == 1) {
            BigDecimal n = number(values.getFirst());
            if (n != null) {
                return n;
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

    public String csv(Tenant tenant, UUID formId) {
        Sheet sheet = sheet(tenant, formId);
        List<List<String>> rows = sheet.rows().stream()
                .map(row -> row.stream().map(v -> v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString()).toList())
                .toList();
        return Csv.write(sheet.header(), rows);
    }

    public byte[] xlsx(Tenant tenant, UUID formId) {
        Sheet sheet = sheet(tenant, formId);
        // The version is a number people read, not one to add up: keep it as text like the other details.
        List<List<@Nullable Object>> rows = sheet.rows().stream()
                .map(row -> {
                    List<@Nullable Object> copy = new ArrayList<>(row);
                    copy.set(2, String.valueOf(row.get(2)));
                    return copy;
                })
                .toList();
        return Xlsx.write(Ui.standard("form.export.sheet"), sheet.header(), rows);
    }

    // ---------------------------------------------------------------------------------------
    // Analysis

    public Analysis analysis(Tenant tenant, UUID formId) {
        Form form = formService.form(tenant, formId);
        List<Response> all = respondents.responses(tenant, formId, null, null, null);
        List<Response> counted = all.stream().filter(Response::counted).toList();
        List<MappedQuestion> mapped = mapped(tenant, formId);
        List<Analysis.QuestionResult> results = mapped.stream().map(m -> result(m, counted)).toList();
        return new Analysis(form, counted.size(), all.size() - counted.size(), results, pairings(mapped, counted));
    }

    static Analysis.QuestionResult result(MappedQuestion m, List<Response> counted) {
        Question q = m.question();
        int answered = (int) counted.stream().filter(r -> q.fields().stream().anyMatch(f -> r.answers().has(f))).count();
        List<Analysis.Tally> tallies = new ArrayList<>();
        Analysis.NumberSummary numbers = null;
        List<Analysis.TextAnswer> texts = new ArrayList<>();
        Analysis.Movement movement = null;
        switch (q.type()) {
            case RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, BEFORE_AFTER -> {
                for (String field : q.fields()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= q.options().size(); i++) {
                        values.add(String.valueOf(i));
                    }
                    tallies.add(tally(q, field, values, counted));
                }
                if (q.type() == QuestionType.BEFORE_AFTER) {
                    movement = movement(q, counted);
                }
            }
            case YES_NO -> tallies.add(tally(q, q.key(), List.of("yes", "no"), counted));
            case ABOUT_YOU -> {
                for (String field : q.fields()) {
                    tallies.add(tally(q, field, aboutYou(field).choices(), counted));
                }
            }
            case NUMBER -> numbers = numbers(counted.stream().map(r -> r.answers().first(q.key())).filter(v -> !v.isEmpty()).map(FormResults::number)
                    .filter(Objects::nonNull).toList());
            case SHORT_TEXT, LONG_TEXT, DATE -> counted.stream()
                    .filter(r -> r.answers().has(q.key()))
                    .sorted(Comparator.comparing(Response::submittedAt).reversed())
                    .forEach(r -> texts.add(new Analysis.TextAnswer(show(q, q.key(), r.answers().get(q.key())), r.id(), r.submittedAt())));
        }
        return new Analysis.QuestionResult(m, answered, tallies, numbers, texts, movement);
    }

    private static Analysis.Tally tally(Question q, String field, List<String> values, List<Response> counted) {
        int answered = (int) counted.stream().filter(r -> r.answers().has(field)).count();
        List<Analysis.Count> counts = new ArrayList<>();
        for (String value : values) {
            int n = (int) counted.stream().filter(r -> r.answers().get(field).contains(value)).count();
            counts.add(new Analysis.Count(showOne(q, field, value), n, answered == 0 ? 0 : (int) Math.round(100.0 * n / answered)));
        }
        return new Analysis.Tally(field, fieldLabel(q, field), answered, counts);
    }

    private static Analysis.Movement movement(Question q, List<Response> counted) {
        int up = 0;
        int same = 0;
        int down = 0;
        for (Response r : counted) {
            Integer before = position(r.answers().first(q.key() + ".before"));
            Integer after = position(r.answers().first(q.key() + ".after"));
            if (before == null || after == null) {
                continue;
            }
            if (after > before) {
                up++;
            } else if (after.equals(before)) {
                same++;
            } else {
                down++;
            }
        }
        return new Analysis.Movement(up, same, down);
    }

    static Analysis.@Nullable NumberSummary numbers(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new Analysis.NumberSummary(n, plain(sorted.getFirst()), plain(sorted.getLast()), plain(mean), plain(median));
    }

    private static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * For each named member and each scale or number question: their earliest and latest answer,
     * across their counted responses, where they answered it at least twice.
     */
    static List<Analysis.Pairing> pairings(List<MappedQuestion> mapped, List<Response> counted) {
        Map<UUID, List<Response>> byMember = counted.stream()
                .filter(r -> r.memberId() != null)
                .collect(Collectors.groupingBy(r -> Objects.requireNonNull(r.memberId()), LinkedHashMap::new, Collectors.toList()));
        List<Analysis.Pairing> out = new ArrayList<>();
        for (List<Response> theirs : byMember.values()) {
            List<Response> inOrder = theirs.stream().sorted(Comparator.comparing(Response::submittedAt).thenComparing(Response::id)).toList();
            String name = Objects.requireNonNullElse(inOrder.getFirst().memberName(), "");
            for (MappedQuestion m : mapped) {
                Question q = m.question();
                if (!q.type().isScale() && q.type() != QuestionType.NUMBER) {
                    continue;
                }
                for (String field : q.fields()) {
                    List<Response> answered = inOrder.stream().filter(r -> r.answers().has(field)).toList();
                    if (answered.size() < 2) {
                        continue;
                    }
                    Response first = answered.getFirst();
                    Response last = answered.getLast();
                    BigDecimal a = number(first.answers().first(field));
                    BigDecimal b = number(last.answers().first(field));
                    if (a == null || b == null) {
                        continue;
                    }
                    int cmp = b.compareTo(a);
                    Analysis.Change change = cmp > 0 ? Analysis.Change.UP : cmp == 0 ? Analysis.Change.SAME : Analysis.Change.DOWN;
                    out.add(new Analysis.Pairing(name, fieldLabel(q, field), show(q, field, first.answers().get(field)), first.submittedAt(),
                            show(q, field, last.answers().get(field)), last.submittedAt(), change));
                }
            }
        }
        out.sort(Comparator.comparing(Analysis.Pairing::memberName, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    // For the evidence reader, which has no signed-in person: the same reading, by organisation.
    List<MappedQuestion> mapped(OrganisationId org, UUID formId) {
        return mapped(forms.versions(org, formId));
    }

    List<Response> counted(OrganisationId org, UUID formId) {
        return responses.list(org, formId, null, null, null, UK.getId()).stream().filter(Response::counted).toList();
    }
}
