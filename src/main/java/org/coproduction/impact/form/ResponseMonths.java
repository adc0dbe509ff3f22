package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counted responses per month (UK time), settled in {@code form_response_month} (V0025) with the other
 * settled counts ({@link AnswerCounts}), plus the responses since each form's settled line, counted on
 * the {@code (organisation_id, form_id, submitted_at)} index. Nothing here reads a response's answers.
 */
@Repository
class ResponseMonths {

    private static final String MONTH = "cast(date_trunc('month', r.submitted_at at time zone 'Europe/London') as date)";

    private final JdbcClient jdbc;

    ResponseMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the months of the form's counted responses from {@code from} (inclusive; all when null) to {@code before}. */
    void settle(OrganisationId org, UUID formId, @Nullable OffsetDateTime from, OffsetDateTime before) {
        // No "(:from is null or …)": a generic plan could not then use the index for the span (bench/README.md).
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        insert into form_response_month (form_id, organisation_id, month, responses)
                        select r.form_id, r.organisation_id, %s, count(*)
                        from form_response r
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.submitted_at < :before
                        %s
                        group by 1, 2, 3
                        on conflict (form_id, month) do update set responses = form_response_month.responses + excluded.responses
                        """.formatted(MONTH, from == null ? "" : "and r.submitted_at >= :from"))
                .param("org", org.value())
                .param("form", formId)
                .param("before", before);
        (from == null ? statement : statement.param("from", from)).update();
    }

    /** Responses just added with times behind the settled line (see {@link AnswerDays#addedBehind}): their months. */
    void addedBehind(OrganisationId org, UUID formId, OffsetDateTime before, String added, Object addedParam) {
        jdbc.sql("""
                        insert into form_response_month (form_id, organisation_id, month, responses)
                        select r.form_id, r.organisation_id, %s, count(*)
                        from form_response r
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.submitted_at < :before
                          and r.id in (%s)
                        group by 1, 2, 3
                        on conflict (form_id, month) do update set responses = form_response_month.responses + excluded.responses
                        """.formatted(MONTH, added))
                .param("org", org.value())
                .param("form", formId)
                .param("before", before)
                .param("added", addedParam)
                .update();
    }

    /** One response left out ({@code -1}) or counted again ({@code +1}) behind the settled line. */
    void correct(OrganisationId org, UUID formId, OffsetDateTime submittedAt, int sign) {
        jdbc.sql("""
                        insert into form_response_month (form_id, organisation_id, month, responses)
                        values (:form, :org, cast(date_trunc('month', cast(:at as timestamptz) at time zone 'Europe/London') as date), :sign)
                        on conflict (form_id, month) do update set responses = form_response_month.responses + excluded.responses
                        """)
                .param("form", formId)
                .param("org", org.value())
                .param("at", submittedAt)
                .param("sign", sign)
                .update();
    }

    /** Responses in one month of one project's forms (the organisation's own forms: {@code projectId} null). */
    record Month(@Nullable UUID projectId, LocalDate month, long responses) {}

    /**
     * The organisation's counted responses per project and month, for the months from {@code first}
     * to {@code last} (first days of months). The settled months are read as they are; each form's
     * responses since its line (every response of a form never settled) are counted on the index.
     */
    List<Month> perMonth(OrganisationId org, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select project_id, month, sum(n) as responses from (
                            select f.project_id, m.month, m.responses as n
                            from form_response_month m
                            join form f on f.id = m.form_id and f.organisation_id = m.organisation_id
                            where m.organisation_id = :org and m.month between :first and :last
                            union all
                            -- Per form, only the responses since its settled line: a lateral range on the index,
                            -- so a settled form with a million responses reads none of them (a plain join let the
                            -- planner range over the period and filter the line: 834 ms at 1,000,000, bench/README.md).
                            -- The line is one scalar subquery so that the range is an index condition: as
                            -- greatest(s.settled_before, ...) over a join it is not leakproof, and under row-level
                            -- security the planner scanned every response once per form (14 s at a million).
                            select f.project_id, live.month, live.n
                            from form f
                            cross join lateral (
                                select %s as month, count(*) as n
                                from form_response r
                                where r.organisation_id = f.organisation_id and r.form_id = f.id and r.excluded is null
                                  and r.submitted_at >= (select greatest(coalesce(max(s.settled_before), '-infinity'),
                                                                         cast(:first as timestamp) at time zone 'Europe/London')
                                                         from form_answer_settled s
                                                         where s.form_id = f.id and s.organisation_id = f.organisation_id)
                                  and r.submitted_at < cast(:end as timestamp) at time zone 'Europe/London'
                                group by 1
                            ) live
                            where f.organisation_id = :org
                        ) t
                        group by project_id, month
                        order by month
                        """.formatted(MONTH))
                .param("org", org.value())
                .param("first", first)
                .param("last", last)
                .param("end", last.plusMonths(1))
                .query((rs, n) -> new Month(rs.getObject("project_id", UUID.class), rs.getObject("month", LocalDate.class),
                        rs.getLong("responses")))
                .list();
    }
}
