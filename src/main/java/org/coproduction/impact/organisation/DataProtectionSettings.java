package org.coproduction.impact.organisation;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation chose about its data (issue 15): how long each kind is kept before the
 * daily clean-up ({@link Retention}) deletes it, and whether an erased person's form answers stay
 * as anonymous figures ({@link Erasure}). Until an ADMIN chooses, everything is kept and an erased
 * person's answers are deleted.
 */
@Service
public class DataProtectionSettings {

    /**
     * The organisation's choices. Periods are in months; an empty one keeps that kind of data until
     * someone deletes it.
     */
    public record Settings(
            boolean keepAnswersAsFigures,
            @Nullable Integer draftsMonths,
            @Nullable Integer responsesMonths,
            @Nullable Integer recordsMonths,
            @Nullable Integer filesMonths,
            @Nullable Integer auditMonths) {

        public static final Settings DEFAULT = new Settings(false, null, null, null, null, null);

        public boolean keepsEverything() {
            return draftsMonths == null && responsesMonths == null && recordsMonths == null && filesMonths == null
                    && auditMonths == null;
        }
    }

    /** What one daily run deleted. */
    public record Run(OffsetDateTime ranAt, int drafts, int responses, int records, int files, int audit) {

        public int total() {
            return drafts + responses + records + files + audit;
        }
    }

    /** The longest period that can be set: fifty years. */
    public static final int MAX_MONTHS = 600;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    DataProtectionSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Settings of(OrganisationId org) {
        return jdbc.sql("""
                        select keep_answers_as_figures, drafts_months, responses_months, records_months, files_months, audit_months
                        from data_protection_setting where organisation_id = :org
                        """)
                .param("org", org.value())
                .query(Settings.class)
                .optional()
                .orElse(Settings.DEFAULT);
    }

    @Transactional
    public void save(Tenant admin, Settings settings) {
        jdbc.sql("""
                        insert into data_protection_setting (organisation_id, keep_answers_as_figures, drafts_months, responses_months,
                                                             records_months, files_months, audit_months, updated_by)
                        values (:org, :keep, :drafts, :responses, :records, :files, :audit, :by)
                        on conflict (organisation_id) do update set
                            keep_answers_as_figures = excluded.keep_answers_as_figures, drafts_months = excluded.drafts_months,
                            responses_months = excluded.responses_months, records_months = excluded.records_months,
                            files_months = excluded.files_months, audit_months = excluded.audit_months,
                            version = data_protection_setting.version + 1, updated_at = now(), updated_by = excluded.updated_by
                        """)
                .param("org", admin.organisationId().value())
                .param("keep", settings.keepAnswersAsFigures())
                .param("drafts", settings.draftsMonths())
                .param("responses", settings.responsesMonths())
                .param("records", settings.recordsMonths())
                .param("files", settings.filesMonths())
                .param("audit", settings.auditMonths())
                .param("by", admin.userId().value())
                .update();
        audit.record(admin.organisationId(), admin.userId(), "DATA_SETTINGS_CHANGED", "organisation", admin.organisationId(),
                "answers kept as figures: " + settings.keepAnswersAsFigures() + "; months: drafts " + settings.draftsMonths()
                        + ", responses " + settings.responsesMonths() + ", records " + settings.recordsMonths()
                        + ", files " + settings.filesMonths() + ", audit " + settings.auditMonths());
    }

    /** The last daily clean-up's report, if one has run. */
    public Optional<Run> lastRun(OrganisationId org) {
        return jdbc.sql("""
                        select ran_at, drafts, responses, records, files, audit from retention_run
                        where organisation_id = :org order by ran_at desc, id desc limit 1
                        """)
                .param("org", org.value())
                .query(Run.class)
                .optional();
    }
}
