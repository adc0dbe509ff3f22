package org.coproduction.impact.pathway;

import org.coproduction.impact.shared.tenancy.WordsLanguageChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an organisation changes the language it writes in, a project's name and summary given in both
 * languages swap boxes: the second words (now in the main language) become the main ones, and the main
 * words the second. Words given in one language only stay where they are. Runs in the transaction of
 * the change; a project form opened before it is refused as changed (its version moves on).
 */
@Component
class ProjectWordsSwap {

    private final JdbcClient jdbc;

    ProjectWordsSwap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(WordsLanguageChanged changed) {
        jdbc.sql("""
                        update project
                        set name = coalesce(name_cy, name), name_cy = case when name_cy is null then null else name end,
                            summary = case when summary_cy is null then summary else summary_cy end,
                            summary_cy = case when summary_cy is null then null else summary end,
                            version = version + 1
                        where organisation_id = :org and (name_cy is not null or summary_cy is not null)
                        """)
                .param("org", changed.organisation().value())
                .update();
    }
}
