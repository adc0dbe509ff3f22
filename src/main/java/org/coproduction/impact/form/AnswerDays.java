package org.coproduction.impact.form;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answer counts per day (UK time) of the questions counted as outcome evidence, settled in
 * {@code form_answer_day} (V0026) behind the form's own day line, so that a review round's figures
 * ({@link AnswerFigures}) are a sum over at most days x choices rows plus the responses since the
 * line, whatever the number of responses. Moved forward by {@link AnswerCounts} (the background
 * settling job) under a lock on the form's row in {@code form_answer_day_settled}; corrected in
 * the transaction that leaves a response out or counts it again.
 */
@Repository
class AnswerDays {

    static final String DAY = "cast(r.submitted_at at time zone 'Europe/London' as date)";

    private final JdbcClient jdbc;

    AnswerDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields whose values are counted per day (every field of a counted question, and its key) and the before-and-after keys. */
    record Asked(List<String> fields, List<String> pairKeys) {

        static Asked of(List<MappedQuestion> mapped) {
            List<String> fields = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (MappedQuestion m : mapped) {
                Question q = m.question();
                if (AnswerFigures.counted(q)) {
                    if (!fields.contains(q.key())) {
                        fields.add(q.key());
                    }
                    q.fields().stream().filter(f -> !fields.contains(f)).forEach(fields::add);
                    if (q.type() == QuestionType.BEFORE_AFTER && !keys.contains(q.key())) {
                        keys.add(q.key());
                    }
                }
            }
            return new Asked(fields, keys);
        }
    }

    /** The counts of the responses selected by {@code where} (over {@code r}), grouped by day, as a select. */
    private static String rows(String where) {
        return """
                select %1$s as day, 'f' as kind, f.name, '' as value, '' as value2
                from form_response r cross join unnest(cast(:fields as text[])) as f(name)
                where %2$s and jsonb_exists(r.answers, f.name)
                union all
                select %1$s, 'v', f.name, v.value, ''
                from form_response r cross join unnest(cast(:fields as text[])) as f(name)
                cross join lateral jsonb_array_elements_text(r.answers -> f.name) as v(value)
                where %2$s and jsonb_exists(r.answers, f.name)
                union all
                select %1$s, 'p', k.name, coalesce(r.answers -> (k.name || '.before') ->> 0, ''), coalesce(r.answers -> (k.name || '.after') ->> 0, '')
                from form_response r cross join unnest(cast(:keys as text[])) as k(name)
                where %2$s and r.member_user_id is null
                  and (jsonb_exists(r.answers, k.name || '.before') or jsonb_exists(r.answers, k.name || '.after'))
                """.formatted(DAY, where);
    }

    private static String add(String select, String sign) {
        return """
                insert into form_answer_day (form_id, organisation_id, day, kind, name, value, value2, responses)
                select :form, :org, day, kind, name, value, value2, %s * count(*)
                from (%s) t
                group by day, kind, name, value, value2
                on conflict (form_id, name, kind, day, value, value2) do update set responses = form_answer_day.responses + excluded.responses
                """.formatted(sign, select);
    }

    /**
     * Moves the form's day line to {@code line}, counting only the responses in between (every
     * response before it the first time); nothing when the line moved less than {@link AnswerCounts#STEP} ago.
     * Runs in the caller's transaction.
     */
    void settle(OrganisationId org, UUID formId, Asked asked, OffsetDateTime line) {
        Optional<OffsetDateTime> before = lock(org, formId);
        @Nullable OffsetDateTime from;
        if (before.isEmpty()) {
            int made = jdbc.sql("""
                            insert into form_answer_day_settled (form_id, organisation_id, settled_before) values (:form, :org, :line)
                            on conflict (form_id) do nothing
                            """)
                    .param("form", formId).param("org", org.value()).param("line", line).update();
            if (made == 0) {
                return; // another settled it first, just now
            }
            from = null;
        } else if (before.get().plus(AnswerCounts.STEP).isBefore(line)) {
            from = before.get();
        } else {
            return;
        }
        String where = "r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.submitted_at < :line"
                + (from == null ? "" : " and r.submitted_at >= :from");
        JdbcClient.StatementSpec statement = jdbc.sql(add(rows(where), "1"))
                .param("org", org.value())
                .param("form", formId)
                .param("line", line)
                .param("fields", asked.fields().toArray(String[]::new))
                .param("keys", asked.pairKeys().toArray(String[]::new));
        (from == null ? statement : statement.param("from", from)).update();
        jdbc.sql("update form_answer_day_settled set settled_before = :line where form_id = :form and organisation_id = :org")
                .param("line", line).param("form", formId).param("org", org.value()).update();
    }

    /**
     * Called before a response is left out ({@code nowExcluded}) or counted again: where it is behind
     * the form's day line, its day's counts are corrected.
     */
    void correct(OrganisationId org, UUID formId, Asked asked, UUID responseId, boolean nowExcluded) {
        Optional<OffsetDateTime> before = lock(org, formId);
        if (before.isEmpty()) {
            return;
        }
        // Only a response whose standing changes and that is behind the line: the statement selects nothing otherwise.
        String where = "r.organisation_id = :org and r.form_id = :form and r.id = :id and r.submitted_at < :line and "
                + (nowExcluded ? "r.excluded is null" : "r.excluded is not null");
        jdbc.sql(add(rows(where), nowExcluded ? "-1" : "1"))
                .param("org", org.value())
                .param("form", formId)
                .param("id", responseId)
                .param("line", before.get())
                .param("fields", asked.fields().toArray(String[]::new))
                .param("keys", asked.pairKeys().toArray(String[]::new))
                .update();
    }

    /**
     * Responses just added with times behind the day line (brought in from another tool, keeping their
     * original times): their counts are added to the settled days, in the caller's transaction.
     * {@code added} is a select of the new responses' ids taking {@code :org} and {@code :added}.
     */
    void addedBehind(OrganisationId org, UUID formId, Asked asked, String added, Object addedParam) {
        Optional<OffsetDateTime> before = lock(org, formId);
        if (before.isEmpty()) {
            return;
        }
        String where = "r.organisation_id = :org and r.form_id = :form and r.excluded is null and r.submitted_at < :line and r.id in ("
                + added + ")";
        jdbc.sql(add(rows(where), "1"))
                .param("org", org.value())
                .param("form", formId)
                .param("line", before.get())
                .param("added", addedParam)
                .param("fields", asked.fields().toArray(String[]::new))
                .param("keys", asked.pairKeys().toArray(String[]::new))
                .update();
    }

    private Optional<OffsetDateTime> lock(OrganisationId org, UUID formId) {
        return jdbc.sql("select settled_before from form_answer_day_settled where organisation_id = :org and form_id = :form for update")
                .param("org", org.value())
                .param("form", formId)
                .query(OffsetDateTime.class)
                .optional();
    }
}
