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

    /** The counts of one answer field of the form's counted responses submitted from {@code from} to {@code to} (days, UK). */
    @Transactional
    public Counts counts(Tenant tenant, UUID formId, String field, @Nullable LocalDate from, LocalDate to) {
        forms.form(tenant, formId);
        Map<String, Integer> byValue = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.value, count(*) as n
                        from form_response r cross join lateral jsonb_array_elements_text(r.answers -> :field) as v(value)
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                          and r.submitted_at >= :from and r.submitted_at < :to and jsonb_exists(r.answers, :field)
                        group by v.value
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("field", field)
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .query((rs, i) -> byValue.put(rs.getString("value"), rs.getInt("n")))
                .list();
        Integer responses = jdbc.sql("""
                        select count(*) from form_response r
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                          and r.submitted_at >= :from and r.submitted_at < :to and jsonb_exists(r.answers, :field)
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("field", field)
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .query(Integer.class)
                .single();
        return new Counts(responses, byValue);
    }

    /**
     * A before-and-after question's answers paired by person: a named member's earliest "before" and
     * latest "now" across their responses (a personal link or paper entered for them), and an unnamed
     * response's own two answers. Counted by pair, so the number of rows is at most the scale's size squared.
     */
    @Transactional
    public List<PairCount> pairs(Tenant tenant, UUID formId, String questionKey, @Nullable LocalDate from, LocalDate to) {
        forms.form(tenant, formId);
        return jdbc.sql("""
                        with r as (
                            select r.member_user_id as member, r.submitted_at,
                                   r.answers -> :before ->> 0 as b, r.answers -> :after ->> 0 as a
                            from form_response r
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                              and r.submitted_at >= :from and r.submitted_at < :to
                              and (jsonb_exists(r.answers, :before) or jsonb_exists(r.answers, :after))
                        ), named as (
                            select (array_agg(b order by submitted_at) filter (where b is not null))[1] as b,
                                   (array_agg(a order by submitted_at desc) filter (where a is not null))[1] as a
                            from r where member is not null group by member
                        ), everyone as (
                            select b, a from named
                            union all
                            select b, a from r where member is null
                        )
                        select b, a, count(*) as people from everyone group by b, a
                        """)
                .param("org", tenant.organisationId().value())
                .param("form", formId)
                .param("before", questionKey + ".before")
                .param("after", questionKey + ".after")
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .query((rs, i) -> new PairCount(rs.getString("b"), rs.getString("a"), rs.getInt("people")))
                .list();
    }

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
