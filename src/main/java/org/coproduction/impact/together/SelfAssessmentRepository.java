package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statements, rounds, answers, ladder choices and actions of the self-assessment; scoped to one organisation. */
@Repository
class SelfAssessmentRepository {

    private final JdbcClient jdbc;

    SelfAssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Statements

    /** Copies the starter set for an organisation that has no statements yet; two first visits at once copy it once. */
    void seedIfEmpty(OrganisationId org) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('coproduction_statement:' || :org))").param("org", org.value().toString())
                .query(Object.class).single();
        int existing = jdbc.sql("select count(*) from coproduction_statement where organisation_id = :org").param("org", org.value())
                .query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        int position = 0;
        for (StarterStatements.Starter s : StarterStatements.inCurrentLanguage()) {
            jdbc.sql("""
                            insert into coproduction_statement (id, organisation_id, principle, words, easy_read, position)
                            values (:id, :org, :principle, :words, :easy, :position)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org.value())
                    .param("principle", s.principle().name())
                    .param("words", s.words())
                    .param("easy", s.easyRead())
                    .param("position", position++)
                    .update();
        }
    }

    List<Statement> statements(OrganisationId org) {
        return jdbc.sql("""
                        select id, principle, words, easy_read, position, version from coproduction_statement
                        where organisation_id = :org and archived_at is null
                        order by array_position(array['EQUALITY', 'DIVERSITY', 'ACCESSIBILITY', 'RECIPROCITY'], principle), position
                        """)
                .param("org", org.value())
                .query((rs, n) -> new Statement(rs.getObject("id", UUID.class), Principle.valueOf(rs.getString("principle")), rs.getString("words"),
                        rs.getString("easy_read"), rs.getInt("position"), rs.getInt("version")))
                .list();
    }

    boolean updateStatement(OrganisationId org, UUID id, int version, String words, String easyRead, UserId by) {
        return jdbc.sql("""
                        update coproduction_statement set words = :words, easy_read = :easy, version = version + 1, updated_at = now(),
                                                          updated_by = :by
                        where organisation_id = :org and id = :id and version = :version and archived_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("version", version)
                .param("words", words)
                .param("easy", easyRead)
                .param("by", by.value())
                .update() == 1;
    }

    UUID addStatement(OrganisationId org, Principle principle, String words, String easyRead, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into coproduction_statement (id, organisation_id, principle, words, easy_read, position, updated_by)
                        values (:id, :org, :principle, :words, :easy,
                                (select coalesce(max(position), -1) + 1 from coproduction_statement where organisation_id = :org), :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("principle", principle.name())
                .param("words", words)
                .param("easy", easyRead)
                .param("by", by.value())
                .update();
        return id;
    }

    boolean archiveStatement(OrganisationId org, UUID id, int version, UserId by) {
        return jdbc.sql("""
                        update coproduction_statement set archived_at = now(), updated_by = :by, version = version + 1
                        where organisation_id = :org and id = :id and version = :version and archived_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("version", version)
                .param("by", by.value())
                .update() == 1;
    }

    // Rounds

    /** A project's rounds, or the organisation's own ({@code projectId} null), oldest first. */
    List<SelfAssessment> rounds(OrganisationId org, @Nullable UUID projectId) {
        return jdbc.sql(projectId == null ? """
                        select id, project_id, title, opened_on from self_assessment
                        where organisation_id = :org and project_id is null order by opened_on, created_at
                        """ : """
                        select id, project_id, title, opened_on from self_assessment
                        where organisation_id = :org and project_id = :project order by opened_on, created_at
                        """)
                .param("org", org.value())
                .param("project", projectId == null ? UUID.randomUUID() : projectId)
                .query((rs, n) -> new SelfAssessment(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("title"),
                        rs.getObject("opened_on", LocalDate.class)))
                .list();
    }

    Optional<SelfAssessment> round(OrganisationId org, @Nullable UUID projectId, UUID id) {
        return rounds(org, projectId).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    UUID start(OrganisationId org, @Nullable UUID projectId, String title, LocalDate on, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into self_assessment (id, organisation_id, project_id, title, opened_on, created_by)
                        values (:id, :org, :project, :title, :on, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("title", title)
                .param("on", on)
                .param("by", by.value())
                .update();
        return id;
    }

    // Answers

    record Answer(UUID statementId, @Nullable Integer score, @Nullable String comment) {}

    Map<UUID, Answer> answersOf(OrganisationId org, UUID assessmentId, UserId user) {
        Map<UUID, Answer> answers = new HashMap<>();
        jdbc.sql("""
                        select statement_id, score, comment from self_assessment_answer
                        where organisation_id = :org and assessment_id = :assessment and user_id = :user
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .param("user", user.value())
                .query((rs, n) -> answers.put(rs.getObject(1, UUID.class),
                        new Answer(rs.getObject(1, UUID.class), (Integer) rs.getObject(2), rs.getString(3))))
                .list();
        return answers;
    }

    void saveAnswer(OrganisationId org, UUID assessmentId, UUID statementId, UserId user, Side side, @Nullable Integer score,
            @Nullable String comment) {
        jdbc.sql("""
                        insert into self_assessment_answer (organisation_id, assessment_id, statement_id, user_id, side, score, comment)
                        values (:org, :assessment, :statement, :user, :side, :score, :comment)
                        on conflict (assessment_id, statement_id, user_id)
                        do update set score = excluded.score, comment = excluded.comment, side = excluded.side, answered_at = now()
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .param("statement", statementId)
                .param("user", user.value())
                .param("side", side.name())
                .param("score", score)
                .param("comment", comment)
                .update();
    }

    Optional<Ladder.Choice> ladderOf(OrganisationId org, UUID assessmentId, UserId user) {
        return jdbc.sql("""
                        select side, rung, reasons from self_assessment_ladder
                        where organisation_id = :org and assessment_id = :assessment and user_id = :user
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .param("user", user.value())
                .query((rs, n) -> new Ladder.Choice(Side.valueOf(rs.getString(1)), Rung.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    void saveLadder(OrganisationId org, UUID assessmentId, UserId user, Side side, Rung rung, @Nullable String reasons) {
        jdbc.sql("""
                        insert into self_assessment_ladder (organisation_id, assessment_id, user_id, side, rung, reasons)
                        values (:org, :assessment, :user, :side, :rung, :reasons)
                        on conflict (assessment_id, user_id)
                        do update set rung = excluded.rung, reasons = excluded.reasons, side = excluded.side, answered_at = now()
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .param("user", user.value())
                .param("side", side.name())
                .param("rung", rung.name())
                .param("reasons", reasons)
                .update();
    }

    /** Every score of a round, with each statement's principle as it is now. */
    List<Comparison.Score> scores(OrganisationId org, UUID assessmentId) {
        return jdbc.sql("""
                        select a.statement_id, s.principle, a.side, a.score from self_assessment_answer a
                        join coproduction_statement s on s.id = a.statement_id
                        where a.organisation_id = :org and a.assessment_id = :assessment and a.score is not null
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .query((rs, n) -> new Comparison.Score(rs.getObject(1, UUID.class), Principle.valueOf(rs.getString(2)), Side.valueOf(rs.getString(3)),
                        rs.getInt(4)))
                .list();
    }

    record Comment(UUID statementId, Side side, String words) {}

    List<Comment> comments(OrganisationId org, UUID assessmentId) {
        return jdbc.sql("""
                        select statement_id, side, comment from self_assessment_answer
                        where organisation_id = :org and assessment_id = :assessment and comment is not null
                        order by answered_at
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .query((rs, n) -> new Comment(rs.getObject(1, UUID.class), Side.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    List<Ladder.Choice> ladder(OrganisationId org, UUID assessmentId) {
        return jdbc.sql("""
                        select side, rung, reasons from self_assessment_ladder
                        where organisation_id = :org and assessment_id = :assessment order by answered_at
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .query((rs, n) -> new Ladder.Choice(Side.valueOf(rs.getString(1)), Rung.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** How many people of each side have answered the round (a score, a comment or a step of the ladder). */
    Map<Side, Integer> respondents(OrganisationId org, UUID assessmentId) {
        Map<Side, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select side, count(distinct user_id) from (
                            select side, user_id from self_assessment_answer where organisation_id = :org and assessment_id = :assessment
                            union all
                            select side, user_id from self_assessment_ladder where organisation_id = :org and assessment_id = :assessment) x
                        group by side
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .query((rs, n) -> counts.put(Side.valueOf(rs.getString(1)), rs.getInt(2)))
                .list();
        return counts;
    }

    // Actions

    /** The round's weak areas already made tasks, each with the project whose tracker holds it. */
    Map<Principle, AssessmentResults.Action> actions(OrganisationId org, UUID assessmentId) {
        Map<Principle, AssessmentResults.Action> actions = new HashMap<>();
        jdbc.sql("""
                        select a.principle, a.task_id, coalesce(a.project_id, s.project_id) as project_id
                        from self_assessment_action a join self_assessment s on s.id = a.assessment_id
                        where a.organisation_id = :org and a.assessment_id = :assessment
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .query((rs, n) -> actions.put(Principle.valueOf(rs.getString(1)),
                        new AssessmentResults.Action(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))))
                .list();
        return actions;
    }

    /** Claims the principle's action for the round; false when someone already turned it into a task. */
    boolean claimAction(OrganisationId org, UUID assessmentId, Principle principle, UUID taskId, UUID projectId, UserId by) {
        return jdbc.sql("""
                        insert into self_assessment_action (organisation_id, assessment_id, principle, task_id, project_id, created_by)
                        values (:org, :assessment, :principle, :task, :project, :by)
                        on conflict (assessment_id, principle) do nothing
                        """)
                .param("org", org.value())
                .param("assessment", assessmentId)
                .param("principle", principle.name())
                .param("task", taskId)
                .param("project", projectId)
                .param("by", by.value())
                .update() == 1;
    }

    void lockRound(OrganisationId org, UUID assessmentId) {
        jdbc.sql("select id from self_assessment where organisation_id = :org and id = :id for update").param("org", org.value())
                .param("id", assessmentId).query(UUID.class).optional();
    }
}
