package org.coproduction.impact.form;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A form's answer counts without counting every response on every request (issue 11): the counts
 * of responses that came in more than {@link #LAG} ago are kept, settled, in the database
 * ({@code V0018}); a request adds the responses since. The settled part moves forward at most
 * every {@link #STEP}, by counting only the responses in between, under a lock on the form's row so
 * two requests never add the same responses twice. Leaving a response out, or counting it again,
 * corrects the settled counts in the same transaction ({@link #excluded}). The settled responses per
 * month ({@link ResponseMonths}, for the organisation overview) move with them.
 *
 * <p>Why an hour: a response's time is set when it is inserted, and it is seen when its
 * transaction commits, a few milliseconds later. Only a transaction still open after an hour could
 * add a response behind the settled line, and none of ours runs for more than seconds. Sending a
 * form writes nothing here, so the send path keeps its speed.
 */
@Component
class AnswerCounts {

    static final Duration LAG = Duration.ofHours(1);

    static final Duration STEP = Duration.ofMinutes(10);

    /** The counts and totals of a form's counted responses, as of now. */
    record Current(Counts counts, ResponseRepository.Totals totals) {}

    private final ResponseRepository responses;
    private final FormRepository forms;
    private final ResponseMonths months;
    private final AnswerDays days;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    AnswerCounts(ResponseRepository responses, FormRepository forms, ResponseMonths months, AnswerDays days,
            JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.responses = responses;
        this.forms = forms;
        this.months = months;
        this.days = days;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The fields whose values are counted (not free text) and the before-and-after questions, across the form's versions. */
    private record Asked(List<String> valueFields, List<String> movementKeys, AnswerDays.Asked perDay) {}

    private Asked asked(OrganisationId org, UUID formId) {
        List<String> values = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        List<MappedQuestion> mapped = FormResults.mapped(forms.versionQuestions(org, formId));
        for (MappedQuestion m : mapped) {
            Question q = m.question();
            switch (q.type()) {
                case RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, BEFORE_AFTER, YES_NO, ABOUT_YOU, NUMBER -> values.addAll(q.fields());
                default -> {}
            }
            if (q.type() == QuestionType.BEFORE_AFTER) {
                moves.add(q.key());
            }
        }
        return new Asked(values, moves, AnswerDays.Asked.of(mapped));
    }

    Current current(OrganisationId org, UUID formId) {
        Asked asked = asked(org, formId);
        return transaction.execute(status -> {
            OffsetDateTime line = jdbc.sql("select now() - cast(:lag as interval)").param("lag", LAG.toSeconds() + " seconds")
                    .query(OffsetDateTime.class).single();
            // The per-day counts of outcome evidence (review rounds) keep their own line, moved here too.
            days.settle(org, formId, asked.perDay(), line);
            if (responses.lockSettled(org, formId).isEmpty()) {
                // First time: everything before the line. Another request doing the same waits on the new row, then finds it.
                if (responses.createSettled(org, formId, line)) {
                    responses.addSettledCounts(org, formId, responses.counts(org, formId, asked.valueFields(), asked.movementKeys(), null, line), 1);
                    months.settle(org, formId, null, line);
                    responses.moveSettled(org, formId, line, responses.totals(org, formId, null)
                            .plus(negate(responses.totals(org, formId, line))));
                }
            }
            ResponseRepository.Settled settled = responses.lockSettled(org, formId).orElseThrow();
            OffsetDateTime before = settled.settledBefore();
            if (before.plus(STEP).isBefore(line)) {
                responses.addSettledCounts(org, formId, responses.counts(org, formId, asked.valueFields(), asked.movementKeys(), before, line), 1);
                months.settle(org, formId, before, line);
                responses.moveSettled(org, formId, line, responses.totals(org, formId, before).plus(negate(responses.totals(org, formId, line))));
                settled = responses.lockSettled(org, formId).orElseThrow();
                before = line;
            }
            Counts counts = responses.settledCounts(org, formId)
                    .plus(responses.counts(org, formId, asked.valueFields(), asked.movementKeys(), before, null));
            ResponseRepository.Totals totals = new ResponseRepository.Totals(settled.counted(), settled.excluded())
                    .plus(responses.totals(org, formId, before));
            return new Current(counts, totals);
        });
    }

    /**
     * Called in the transaction that has just added responses with times of their own (brought in from
     * another tool): those behind the settled lines are added to the settled counts, months and days,
     * which would otherwise never see them. {@code added} is a select of the new responses' ids taking
     * {@code :org} and {@code :added}. Locks in the same order as {@link #current}.
     */
    void addedBehind(OrganisationId org, UUID formId, String added, Object addedParam) {
        Asked asked = asked(org, formId);
        days.addedBehind(org, formId, asked.perDay(), added, addedParam);
        var settled = responses.lockSettled(org, formId);
        if (settled.isEmpty()) {
            return;
        }
        OffsetDateTime before = settled.get().settledBefore();
        responses.addSettledCounts(org, formId,
                responses.countsAddedBehind(org, formId, before, added, addedParam, asked.valueFields(), asked.movementKeys()), 1);
        months.addedBehind(org, formId, before, added, addedParam);
        responses.moveSettled(org, formId, before,
                new ResponseRepository.Totals(responses.countAddedBehind(org, formId, before, added, addedParam), 0));
    }

    private static ResponseRepository.Totals negate(ResponseRepository.Totals t) {
        return new ResponseRepository.Totals(-t.counted(), -t.excluded());
    }

    /**
     * Called in the transaction that leaves a response out ({@code nowExcluded}) or counts it
     * again, before the change: where the response is in the settled counts, they are corrected.
     */
    void excluded(OrganisationId org, UUID formId, UUID responseId, boolean nowExcluded) {
        Asked asked = asked(org, formId);
        days.correct(org, formId, asked.perDay(), responseId, nowExcluded);
        var settled = responses.lockSettled(org, formId);
        var standing = responses.standing(org, formId, responseId);
        if (settled.isEmpty() || standing.isEmpty() || standing.get().excluded() == nowExcluded
                || !standing.get().submittedAt().isBefore(settled.get().settledBefore())) {
            return;
        }
        responses.addSettledCounts(org, formId, responses.countsOf(org, formId, responseId, asked.valueFields(), asked.movementKeys()),
                nowExcluded ? -1 : 1);
        months.correct(org, formId, standing.get().submittedAt(), nowExcluded ? -1 : 1);
        responses.moveSettled(org, formId, settled.get().settledBefore(),
                nowExcluded ? new ResponseRepository.Totals(-1, 1) : new ResponseRepository.Totals(1, -1));
    }
}
