package org.coproduction.impact.report;

import org.coproduction.impact.shared.tenancy.WordsLanguageChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an organisation changes the language it writes in, a report draft's title and words given in
 * both languages swap boxes, so the main words are the new language's. Published versions are not
 * touched: each keeps the language its main words were in when it was published
 * ({@link Snapshot#wordsIn}). Runs in the transaction of the change; the draft's version moves on.
 */
@Component
class ReportWordsSwap {

    private final JdbcClient jdbc;

    ReportWordsSwap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(WordsLanguageChanged changed) {
        // Every right-hand side reads the row as it was, so each pair swaps where the second is given.
        jdbc.sql("""
                        update report_review_report
                        set title = coalesce(title_cy, title), title_cy = case when title_cy is null then null else title end,
                            project_impact = coalesce(words_cy ->> 'projectImpact', project_impact),
                            coproduction_impact = coalesce(words_cy ->> 'coproductionImpact', coproduction_impact),
                            what_worked = coalesce(words_cy ->> 'whatWorked', what_worked),
                            what_did_not = coalesce(words_cy ->> 'whatDidNot', what_did_not),
                            next_steps = coalesce(words_cy ->> 'nextSteps', next_steps),
                            easy_learned = coalesce(words_cy ->> 'easyLearned', easy_learned),
                            easy_next = coalesce(words_cy ->> 'easyNext', easy_next),
                            words_cy = nullif(jsonb_strip_nulls(jsonb_build_object(
                                'projectImpact', case when words_cy ->> 'projectImpact' is null then null else project_impact end,
                                'coproductionImpact', case when words_cy ->> 'coproductionImpact' is null then null else coproduction_impact end,
                                'whatWorked', case when words_cy ->> 'whatWorked' is null then null else what_worked end,
                                'whatDidNot', case when words_cy ->> 'whatDidNot' is null then null else what_did_not end,
                                'nextSteps', case when words_cy ->> 'nextSteps' is null then null else next_steps end,
                                'easyLearned', case when words_cy ->> 'easyLearned' is null then null else easy_learned end,
                                'easyNext', case when words_cy ->> 'easyNext' is null then null else easy_next end)), '{}'::jsonb),
                            version = version + 1, updated_at = now()
                        where organisation_id = :org and (title_cy is not null or words_cy is not null)
                        """)
                .param("org", changed.organisation().value())
                .update();
    }
}
