package org.coproduction.impact.form;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves forms' settled answer counts ({@link AnswerCounts}) forward in the background, so that no
 * person's request is the one that counts a form's backlog: without it, the first analysis of a
 * form that already held a million responses counted them all while the person waited (85 s on
 * the benchmark machine). Every ten minutes it settles each form that has responses older than
 * the settled line and is not settled up to the last step. Safe on several instances: a form's
 * settled row is locked while its counts move, so two instances never count the same responses.
 * Off in tests ({@code app.forms.settle-counts=false}), which settle forms themselves.
 */
@Component
@ConditionalOnProperty(name = "app.forms.settle-counts", havingValue = "true", matchIfMissing = true)
class AnswerCountsSettler {

    private static final Logger log = LoggerFactory.getLogger(AnswerCountsSettler.class);

    private record Due(UUID organisationId, UUID formId) {}

    private final JdbcClient jdbc;
    private final AnswerCounts counts;

    AnswerCountsSettler(JdbcClient jdbc, AnswerCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void settleDue() {
        int settled = settleAll();
        if (settled > 0) {
            log.info("Settled the answer counts of {} forms", settled);
        }
    }

    /** Settles every form that is due, one transaction each; returns how many. */
    int settleAll() {
        List<Due> due = OrganisationScope.asTheService("finding every organisation's forms whose counts are due", this::due);
        int settled = 0;
        for (Due d : due) {
            OrganisationId organisation = new OrganisationId(d.organisationId());
            try {
                OrganisationScope.within(organisation, () -> counts.current(organisation, d.formId()));
                settled++;
            } catch (RuntimeException e) {
                // One form's trouble must not stop the others; the next run tries again.
                log.warn("Could not settle the answer counts of form {}: {}", d.formId(), e.getMessage());
            }
        }
        return settled;
    }

    private List<Due> due() {
        return jdbc.sql("""
                        select f.organisation_id, f.id as form_id
                        from form f
                        left join form_answer_settled s on s.form_id = f.id
                        left join form_answer_day_settled d on d.form_id = f.id
                        where (exists (select 1 from form_response r
                                       where r.organisation_id = f.organisation_id and r.form_id = f.id
                                         and r.submitted_at < now() - cast(:lag as interval)
                                         and (s.settled_before is null or r.submitted_at >= s.settled_before))
                               and (s.settled_before is null or s.settled_before < now() - cast(:behind as interval)))
                           -- a form settled before its days were (V0026) and quiet since: its days once
                           or (d.form_id is null and exists (select 1 from form_response r
                                                            where r.organisation_id = f.organisation_id and r.form_id = f.id
                                                              and r.submitted_at < now() - cast(:lag as interval)))
                        """)
                .param("lag", AnswerCounts.LAG.toSeconds() + " seconds")
                .param("behind", AnswerCounts.LAG.plus(AnswerCounts.STEP).toSeconds() + " seconds")
                .query(Due.class)
                .list();
    }
}
