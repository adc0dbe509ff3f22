package org.coproduction.impact.form;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.WordsLanguageChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an organisation changes the language it writes in, a form's words given in both languages swap
 * boxes (its title, introduction, and each question of every version: {@link Question#swapped}), so
 * the main words are the new language's; so do those of an XLSForm read but not yet confirmed. Keys
 * and choices keep their order, so answers already given read the same. Runs in the transaction of
 * the change; the form's version moves on, so a builder page opened before is refused as changed and
 * a respondent's send reads the form again.
 */
@Component
class FormWordsSwap {

    /** The versions with any second words in their questions. */
    private static final String HAS_SECOND = "jsonb_path_exists(questions, '$[*] ? (@.textCy != null || @.hintCy != null"
            + " || @.afterTextCy != null || @.easyReadTextCy != null || @.easyReadAfterTextCy != null || @.optionsCy.size() > 0)')";

    /** The title and introduction swapped where the second is given (every right-hand side reads the row as it was). */
    private static final String SWAP_TITLE_AND_INTRO = """
            title = coalesce(title_cy, title), title_cy = case when title_cy is null then null else title end,
            intro = case when intro_cy is null then intro else intro_cy end,
            intro_cy = case when intro_cy is null then null else intro end""";

    private final JdbcClient jdbc;

    FormWordsSwap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Version(UUID formId, int number, String questions) {}

    private record Waiting(UUID id, String questions) {}

    @EventListener
    void on(WordsLanguageChanged changed) {
        UUID org = changed.organisation().value();
        List<Version> versions = jdbc.sql("select form_id, number, questions::text from form_version where organisation_id = :org and " + HAS_SECOND)
                .param("org", org)
                .query((rs, n) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
                .list();
        for (Version v : versions) {
            jdbc.sql("update form_version set questions = cast(:questions as jsonb) where organisation_id = :org and form_id = :form and number = :number")
                    .param("questions", swapped(v.questions()))
                    .param("org", org)
                    .param("form", v.formId())
                    .param("number", v.number())
                    .update();
        }
        UUID[] swappedForms = versions.stream().map(Version::formId).distinct().toArray(UUID[]::new);
        jdbc.sql("update form set " + SWAP_TITLE_AND_INTRO + """
                        , version = version + 1, updated_at = now()
                        where organisation_id = :org and (title_cy is not null or intro_cy is not null or id = any(:forms))
                        """)
                .param("org", org)
                .param("forms", swappedForms)
                .update();
        // An XLSForm read but not yet confirmed makes its form with the words as they will be from now on.
        List<Waiting> waiting = jdbc.sql("select id, questions::text from form_import where organisation_id = :org and form_id is null")
                .param("org", org)
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        for (Waiting w : waiting) {
            jdbc.sql("update form_import set questions = cast(:questions as jsonb), " + SWAP_TITLE_AND_INTRO + " where organisation_id = :org and id = :id")
                    .param("questions", swapped(w.questions()))
                    .param("org", org)
                    .param("id", w.id())
                    .update();
        }
    }

    /** Questions as JSON, each {@link Question#swapped}. */
    private static String swapped(String questions) {
        return FormRepository.json(FormRepository.questions(questions).stream().map(Question::swapped).toList());
    }
}
