package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counted answers of a project's forms as figures for other modules (outcome reviews): how many chose
 * each answer, and for a before-and-after pair how many people gave each (before, now) pair. Every
 * figure is a SQL aggregate over the counted responses of a period, so reading one costs the same at
 * ten answers or a million: no response is read one by one. Choices and scale points are positions
 * (1 = the first), as {@link Answers} stores them.
 */
@Service
public class AnswerFigures {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FormService forms;
    private final FormResults results;
    private final JdbcClient jdbc;

    AnswerFigures(FormService forms, FormResults results, JdbcClient jdbc) {
        this.forms = forms;
        this.results = results;
        this.jdbc = jdbc;
    }

    /** A question of one of the project's forms that is evidence for an outcome or a plan row. */
    public record Asked(UUID formId, String formTitle, Question question) {}

    /** How many responses answered a field, and how many chose each value (a multiple choice counts each value chosen). */
    public record Counts(int responses, Map<String, Integer> byValue) {

        public Counts {
            byValue = Map.copyOf(byValue);
        }

        public int of(String value) {
            return byValue.getOrDefault(value, 0);
        }
    }

    /**
     * How many people gave one (before, now) pair of answers; a side is null when that person gave only
     * the other one.
     */
    public record PairCount(@Nullable String before, @Nullable String after, int people) {}

    /**
     * The questions of the project's forms (across their versions, by key) tagged to one of the outcomes
     * or plan rows, facilitators and admins only.
     */
    @Transactional
    public List<Asked> askedFor(Tenant tenant, UUID projectId, Set<UUID> outcomeIds, Set<UUID> planRowIds) {
        List<Asked> asked = new ArrayList<>();
        for (Form form : forms.forms(tenant, projectId)) {
            for (MappedQuestion m : results.mapped(tenant, form.id())) {
                Question q = m.question();
                boolean tagged = (q.outcomeId() != null && outcomeIds.contains(q.outcomeId()))
                        || (q.planRowId() != null && planRowIds.contains(q.planRowId()));
                if (tagged) {
                    asked.add(new Asked(form.id(), form.title(), q));
                }
            }
        }
        return asked;
    }

    /**
     * The counts of one answer field of the form's counted responses submitted from {@code from} to
     * {@code to} (days, UK): the days settled behind the form's day line ({@link AnswerDays}) summed,
     * plus the responses since the line counted on the (organisation, form, submitted at) index. One
     * statement, so one snapshot: a settling that moves the line meanwhile is seen wholly or not at all.
     */
    @Transactional
    public Counts counts(Tenant tenant, UUID formId, String field, @Nullable LocalDate from, LocalDate to) {
        forms.form(tenant, formId);
        Map<String, Integer> byValue = new LinkedHashMap<>();
        int[] responses = {0};
        jdbc.sql("""
                        with line as (
                            select settled_before from form_answer_day_settled where organisation_id = :org and form_id = :form
                        ), live as (
                            -- The lower bound is one scalar subquery, so it is an index condition: written as
                            -- greatest(:from, (select ...)) it is not leakproof, and under row-level security the
                            -- planner then scanned every response (1 s at a million; bench/README.md).
                            select r.answers from form_response r
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                              and r.submitted_at >= (select greatest(:from, coalesce(max(settled_before), '-infinity')) from line)
                              and r.submitted_at < :to and jsonb_exists(r.answers, :field)
                        )
                        select d.kind, d.value, sum(d.responses) as n from form_answer_day d
                        where d.organisation_id = :org and d.form_id = :form and d.name = :field and d.kind in ('f', 'v')
                          and d.day between :fromDay and :toDay
                        group by d.kind, d.value
                        union all
                        select 'v', v.value, count(*) from live cross join lateral jsonb_array_elements_text(live.answers -> :field) as v(value)
                        group by v.value
                        union all
                        select 'f', '', count(*) from live
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("field", field)
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .param("fromDay", from == null ? FIRST_DAY : from)
                .param("toDay", to)
                .query((rs, i) -> {
                    int n = rs.getInt("n");
                    if ("f".equals(rs.getString("kind"))) {
                        responses[0] += n;
                    } else if (n != 0) {
                        byValue.merge(rs.getString("value"), n, Integer::sum);
                    }
                    return n;
                })
                .list();
        byValue.values().removeIf(n -> n == 0);
        return new Counts(responses[0], byValue);
    }

    /**
     * A before-and-after question's answers paired by person: a named member's earliest "before" and
     * latest "now" across their responses (a personal link or paper entered for them), and an unnamed
     * response's own two answers. Counted by pair, so the number of rows is at most the scale's size squared.
     * Unnamed responses behind the form's day line are read from their settled days ({@link AnswerDays});
     * named members' responses are paired across the period, read on the member index.
     */
    @Transactional
    public List<PairCount> pairs(Tenant tenant, UUID formId, String questionKey, @Nullable LocalDate from, LocalDate to) {
        forms.form(tenant, formId);
        return jdbc.sql("""
                        with line as (
                            select settled_before from form_answer_day_settled where organisation_id = :org and form_id = :form
                        ), named_r as (
                            select r.member_user_id as member, r.submitted_at,
                                   r.answers -> :before ->> 0 as b, r.answers -> :after ->> 0 as a
                            from form_response r
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.member_user_id is not null
                              and r.submitted_at >= :from and r.submitted_at < :to
                              and (jsonb_exists(r.answers, :before) or jsonb_exists(r.answers, :after))
                        ), named as (
                            select (array_agg(b order by submitted_at) filter (where b is not null))[1] as b,
                                   (array_agg(a order by submitted_at desc) filter (where a is not null))[1] as a
                            from named_r group by member
                        ), everyone as (
                            select b, a, 1 as n from named
                            union all
                            select r.answers -> :before ->> 0, r.answers -> :after ->> 0, 1
                            from form_response r
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.member_user_id is null
                              and r.submitted_at >= (select greatest(:from, coalesce(max(settled_before), '-infinity')) from line)
                              and r.submitted_at < :to
                              and (jsonb_exists(r.answers, :before) or jsonb_exists(r.answers, :after))
                            union all
                            select nullif(d.value, ''), nullif(d.value2, ''), d.responses
                            from form_answer_day d
                            where d.organisation_id = :org and d.form_id = :form and d.name = :key and d.kind = 'p'
                              and d.day between :fromDay and :toDay
                        )
                        select b, a, sum(n) as people from everyone group by b, a having sum(n) <> 0
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("key", questionKey)
                .param("before", questionKey + ".before")
                .param("after", questionKey + ".after")
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .param("fromDay", from == null ? FIRST_DAY : from)
                .param("toDay", to)
                .query((rs, i) -> new PairCount(rs.getString("b"), rs.getString("a"), rs.getInt("people")))
                .list();
    }

    /** Before any response: the day the period "from the start" begins ({@link #start} of null is later). */
    private static final LocalDate FIRST_DAY = LocalDate.of(1999, 12, 31);

    private static OffsetDateTime start(@Nullable LocalDate day) {
        return day == null ? OffsetDateTime.parse("2000-01-01T00:00:00Z") : day.atStartOfDay(UK).toOffsetDateTime();
    }

    /** Whether a question's answers can be counted as figures (a scale, choices or yes/no). */
    public static boolean counted(Question q) {
        return switch (q.type()) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> true;
            default -> false;
        };
    }
}
