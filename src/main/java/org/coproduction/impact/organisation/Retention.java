package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.organisation.DataProtectionSettings.Run;
import org.coproduction.impact.organisation.DataProtectionSettings.Settings;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily clean-up (issue 15): for each organisation that set how long its data is kept
 * ({@link DataProtectionSettings}), deletes the half-done answers, responses, records, files and
 * audit entries past their time, with what depends on them ({@link Cascade}), and reports what it
 * deleted (a row shown on the settings page, and an audit entry).
 *
 * <p>Safe with several instances: each organisation is cleaned in one transaction that first takes
 * a PostgreSQL advisory lock for it ({@code pg_try_advisory_xact_lock}); an instance that does not
 * get the lock leaves that organisation to the one that has it, and an organisation cleaned in the
 * last {@link #NOT_AGAIN_WITHIN} is not cleaned again, so two instances' daily runs delete once.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    static final Duration NOT_AGAIN_WITHIN = Duration.ofHours(20);

    /** The first half of the advisory lock's key: this job's own number, the organisation is the second half. */
    private static final int LOCK = 15_036;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Cascade cascade;
    private final DataProtectionSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Retention(JdbcClient jdbc, NamedParameterJdbcTemplate named, Cascade cascade, DataProtectionSettings settings, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = named;
        this.cascade = cascade;
        this.settings = settings;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Cleans every organisation that set a period; returns how many it cleaned. */
    public int runAll() {
        List<UUID> due = OrganisationScope.asTheService("finding the organisations that keep data for a set time", () -> jdbc.sql("""
                        select organisation_id from data_protection_setting
                        where coalesce(drafts_months, responses_months, records_months, files_months, audit_months) is not null
                        order by organisation_id
                        """)
                .query(UUID.class)
                .list());
        int cleaned = 0;
        for (UUID org : due) {
            try {
                if (runFor(new OrganisationId(org), NOT_AGAIN_WITHIN).isPresent()) {
                    cleaned++;
                }
            } catch (RuntimeException e) {
                // One organisation's trouble must not keep the others' data past its time; tomorrow tries again.
                log.warn("Retention: could not clean organisation {}: {}", org, e.getMessage());
            }
        }
        return cleaned;
    }

    /**
     * Cleans one organisation in one transaction, unless another instance is cleaning it or it was
     * cleaned within {@code notAgainWithin}; returns what was deleted.
     */
    Optional<Run> runFor(OrganisationId org, Duration notAgainWithin) {
        // Within the organisation, so a delete that lost its organisation condition still reaches no other's rows.
        return Optional.ofNullable(OrganisationScope.within(org, () -> transaction.execute(status -> clean(org, notAgainWithin))));
    }

    private @Nullable Run clean(OrganisationId org, Duration notAgainWithin) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock, hashtext(cast(:org as text)))")
                .param("lock", LOCK)
                .param("org", org.value())
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        boolean recent = jdbc.sql("""
                        select exists (select 1 from retention_run
                                       where organisation_id = :org and ran_at > now() - make_interval(secs => :secs))
                        """)
                .param("org", org.value())
                .param("secs", (double) notAgainWithin.toSeconds())
                .query(Boolean.class)
                .single();
        if (recent && !notAgainWithin.isZero()) {
            return null;
        }
        Settings s = settings.of(org);
        int drafts = delete(org, "form_draft", "updated_at", s.draftsMonths());
        int responses = responses(org, s.responsesMonths());
        int records = delete(org, "record_item", "created_at", s.recordsMonths());
        int files = delete(org, "media_file", "uploaded_at", s.filesMonths());
        int auditEntries = delete(org, "audit_event", "at", s.auditMonths());
        Run run = jdbc.sql("""
                        insert into retention_run (organisation_id, drafts, responses, records, files, audit)
                        values (:org, :drafts, :responses, :records, :files, :audit)
                        returning ran_at, drafts, responses, records, files, audit
                        """)
                .param("org", org.value())
                .param("drafts", drafts)
                .param("responses", responses)
                .param("records", records)
                .param("files", files)
                .param("audit", auditEntries)
                .query(Run.class)
                .single();
        audit.record(org, null, "RETENTION_RUN", "organisation", org,
                "drafts " + drafts + ", responses " + responses + ", records " + records + ", files " + files + ", audit " + auditEntries);
        return run;
    }

    private static Map<String, Object> params(OrganisationId org, int months) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", org.value());
        params.put("months", months);
        return params;
    }

    private static String pastTime(String column) {
        return "t.organisation_id = :org and t." + Cascade.quote(column) + " < now() - make_interval(months => :months)";
    }

    private int delete(OrganisationId org, String table, String column, @Nullable Integer months) {
        return months == null ? 0 : cascade.delete(table, pastTime(column), params(org, months));
    }

    /** Responses past their time, and the settled counts of their forms, which are counted again when next asked for. */
    private int responses(OrganisationId org, @Nullable Integer months) {
        if (months == null) {
            return 0;
        }
        Map<String, Object> params = params(org, months);
        List<UUID> forms = named.queryForList("select distinct t.form_id from form_response t where " + pastTime("submitted_at"),
                params, UUID.class);
        int deleted = cascade.delete("form_response", pastTime("submitted_at"), params);
        if (!forms.isEmpty()) {
            params.put("forms", forms);
            cascade.delete("form_answer_settled", "t.organisation_id = :org and t.form_id in (:forms)", params);
        }
        return deleted;
    }
}
