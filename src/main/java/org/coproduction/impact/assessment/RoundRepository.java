package org.coproduction.impact.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Review rounds, members' views and judgements. Every query names the organisation. */
@Repository
class RoundRepository {

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ROUND = """
            select r.id, r.project_id, r.title, r.review_on, r.period_from, r.status, r.version, r.created_at, r.closed_at,
                   (select string_agg(x.outcome_id::text, ',' order by x.position) from review_round_outcome x
                    where x.organisation_id = r.organisation_id and x.round_id = r.id) as outcome_ids
            from review_round r
            """;

    private record RoundRow(UUID id, UUID projectId, String title, LocalDate reviewOn, @Nullable LocalDate periodFrom, String status,
            int version, OffsetDateTime createdAt, @Nullable OffsetDateTime closedAt, @Nullable String outcomeIds) {

        ReviewRound round() {
            List<UUID> ids = outcomeIds == null || outcomeIds.isBlank() ? List.of()
                    : Arrays.stream(outcomeIds.split(",")).map(UUID::fromString).toList();
            return new ReviewRound(id, projectId, title, reviewOn, periodFrom, RoundStatus.valueOf(status), version, ids, createdAt,
                    closedAt);
        }
    }

    /** The project's rounds, latest review day first. */
    List<ReviewRound> rounds(OrganisationId org, UUID projectId) {
        return jdbc.sql(ROUND + " where r.organisation_id = :org and r.project_id = :project order by r.review_on desc, r.created_at desc")
                .param("org", org.value())
                .param("project", projectId)
                .query(RoundRow.class)
                .list()
                .stream()
                .map(RoundRow::round)
                .toList();
    }

    /** The organisation's closed rounds whose review day falls between the two days, oldest first. */
    List<ReviewRound> closedBetween(OrganisationId org, LocalDate from, LocalDate to) {
        return jdbc.sql(ROUND + """
                         where r.organisation_id = :org and r.status = 'CLOSED' and r.review_on between :from and :to
                         order by r.review_on, r.created_at
                        """)
                .param("org", org.value())
                .param("from", from)
                .param("to", to)
                .query(RoundRow.class)
                .list()
                .stream()
                .map(RoundRow::round)
                .toList();
    }

    Optional<ReviewRound> round(OrganisationId org, UUID projectId, UUID roundId) {
        return jdbc.sql(ROUND + " where r.organisation_id = :org and r.project_id = :project and r.id = :id")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", roundId)
                .query(RoundRow.class)
                .optional()
                .map(RoundRow::round);
    }

    /** The latest review day of the project's rounds before {@code day}, if any. */
    Optional<LocalDate> previousReviewDay(OrganisationId org, UUID projectId, LocalDate day) {
        return jdbc.sql("""
                        select max(review_on) from review_round
                        where organisation_id = :org and project_id = :project and review_on < :day
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("day", day)
                .query(LocalDate.class)
                .optional();
    }

    UUID create(OrganisationId org, UUID projectId, String title, LocalDate reviewOn, @Nullable LocalDate periodFrom,
            List<UUID> outcomeIds, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into review_round (id, organisation_id, project_id, title, review_on, period_from, status, created_by)
                        values (:id, :org, :project, :title, :reviewOn, :from, 'OPEN', :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("title", title)
                .param("reviewOn", reviewOn)
                .param("from", periodFrom)
                .param("by", by.value())
                .update();
        for (int i = 0; i < outcomeIds.size(); i++) {
            jdbc.sql("""
                            insert into review_round_outcome (organisation_id, round_id, outcome_id, position)
                            values (:org, :round, :outcome, :position)
                            """)
                    .param("org", org.value())
                    .param("round", id)
                    .param("outcome", outcomeIds.get(i))
                    .param("position", i)
                    .update();
        }
        return id;
    }

    /** Closes an open round seen at {@code version}; false when it changed or closed since. */
    boolean close(OrganisationId org, UUID projectId, UUID roundId, int version, UserId by) {
        return jdbc.sql("""
                        update review_round set status = 'CLOSED', closed_at = now(), closed_by = :by, version = version + 1
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and status = 'OPEN'
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", roundId)
                .param("version", version)
                .param("by", by.value())
                .update() == 1;
    }

    // Members' views

    private static final String VIEW = """
            select v.outcome_id, v.user_id, u.display_name as member_name, v.view, v.sentence, v.given_at, v.updated_at, v.voice_media_id
            from review_member_view v join user_account u on u.id = v.user_id
            """;

    private record ViewRow(UUID outcomeId, UUID userId, String memberName, String view, @Nullable String sentence, OffsetDateTime givenAt,
            OffsetDateTime updatedAt, @Nullable UUID voiceMediaId) {

        MemberView memberView() {
            return new MemberView(outcomeId, userId, memberName, OwnView.valueOf(view), sentence, givenAt, updatedAt, voiceMediaId);
        }
    }

    /** Every member's view in the round, by outcome then name. */
    List<MemberView> views(OrganisationId org, UUID roundId) {
        return jdbc.sql(VIEW + " where v.organisation_id = :org and v.round_id = :round order by v.outcome_id, u.display_name, v.user_id")
                .param("org", org.value())
                .param("round", roundId)
                .query(ViewRow.class)
                .list()
                .stream()
                .map(ViewRow::memberView)
                .toList();
    }

    /** One member's own views in the round. */
    List<MemberView> viewsOf(OrganisationId org, UUID roundId, UserId member) {
        return jdbc.sql(VIEW + " where v.organisation_id = :org and v.round_id = :round and v.user_id = :user")
                .param("org", org.value())
                .param("round", roundId)
                .param("user", member.value())
                .query(ViewRow.class)
                .list()
                .stream()
                .map(ViewRow::memberView)
                .toList();
    }

    /**
     * Keeps the member's view of the outcome: the first one given, or a change to it. One row per member,
     * outcome and round, so the same form sent twice keeps one view. A new recording takes the place of
     * the one before; a change sent without one keeps it.
     */
    void saveView(OrganisationId org, UUID roundId, UUID outcomeId, UserId member, OwnView view, @Nullable String sentence,
            @Nullable UUID voiceMediaId) {
        jdbc.sql("""
                        insert into review_member_view (id, organisation_id, round_id, outcome_id, user_id, view, sentence, voice_media_id)
                        values (:id, :org, :round, :outcome, :user, :view, :sentence, :voice)
                        on conflict (round_id, outcome_id, user_id)
                        do update set view = excluded.view, sentence = excluded.sentence,
                                      voice_media_id = coalesce(excluded.voice_media_id, review_member_view.voice_media_id),
                                      updated_at = clock_timestamp()
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("round", roundId)
                .param("outcome", outcomeId)
                .param("user", member.value())
                .param("view", view.name())
                .param("sentence", sentence)
                .param("voice", voiceMediaId)
                .update();
    }

    // Judgements

    private static final String JUDGEMENT = """
            select j.round_id, j.outcome_id, j.judgement, j.reasons, j.next_steps, j.version, j.recorded_at, u.display_name as recorded_by_name
            from review_judgement j left join user_account u on u.id = j.recorded_by
            """;

    private record JudgementRow(UUID roundId, UUID outcomeId, String judgement, String reasons, @Nullable String nextSteps, int version,
            OffsetDateTime recordedAt, @Nullable String recordedByName) {

        OutcomeJudgement outcomeJudgement() {
            return new OutcomeJudgement(roundId, outcomeId, Judgement.valueOf(judgement), reasons, nextSteps, version, recordedAt,
                    recordedByName);
        }
    }

    List<OutcomeJudgement> judgements(OrganisationId org, UUID roundId) {
        return jdbc.sql(JUDGEMENT + " where j.organisation_id = :org and j.round_id = :round")
                .param("org", org.value())
                .param("round", roundId)
                .query(JudgementRow.class)
                .list()
                .stream()
                .map(JudgementRow::outcomeJudgement)
                .toList();
    }

    /** The outcome's judgements in the project's closed rounds, oldest review first. */
    List<OutcomeJudgement> closedJudgements(OrganisationId org, UUID projectId, UUID outcomeId) {
        return jdbc.sql(JUDGEMENT + """
                         join review_round r on r.id = j.round_id and r.organisation_id = j.organisation_id
                        where j.organisation_id = :org and r.project_id = :project and j.outcome_id = :outcome and r.status = 'CLOSED'
                        order by r.review_on, r.created_at
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("outcome", outcomeId)
                .query(JudgementRow.class)
                .list()
                .stream()
                .map(JudgementRow::outcomeJudgement)
                .toList();
    }

    /** One row per project with a closed round: its latest closed round and each judgement's count in it. */
    record LatestRow(UUID projectId, UUID roundId, String title, LocalDate reviewOn, @Nullable String judgement, int outcomes) {}

    List<LatestRow> latestClosed(OrganisationId org) {
        return jdbc.sql("""
                        with latest as (
                            select distinct on (r.project_id) r.project_id, r.id, r.title, r.review_on
                            from review_round r
                            where r.organisation_id = :org and r.status = 'CLOSED'
                            order by r.project_id, r.review_on desc, r.closed_at desc
                        )
                        select l.project_id, l.id as round_id, l.title, l.review_on, j.judgement, count(j.id) as outcomes
                        from latest l
                        left join review_judgement j on j.organisation_id = :org and j.round_id = l.id
                        group by l.project_id, l.id, l.title, l.review_on, j.judgement
                        """)
                .param("org", org.value())
                .query(LatestRow.class)
                .list();
    }

    /**
     * Records the judgement: a first one when {@code version} is -1, otherwise a change to the one seen at
     * {@code version}. False when someone else recorded or changed it since.
     */
    boolean saveJudgement(OrganisationId org, UUID roundId, UUID outcomeId, int version, Judgement judgement, String reasons,
            @Nullable String nextSteps, UserId by) {
        if (version < 0) {
            return jdbc.sql("""
                            insert into review_judgement (id, organisation_id, round_id, outcome_id, judgement, reasons, next_steps, recorded_by)
                            values (:id, :org, :round, :outcome, :judgement, :reasons, :next, :by)
                            on conflict (round_id, outcome_id) do nothing
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org.value())
                    .param("round", roundId)
                    .param("outcome", outcomeId)
                    .param("judgement", judgement.name())
                    .param("reasons", reasons)
                    .param("next", nextSteps)
                    .param("by", by.value())
                    .update() == 1;
        }
        return jdbc.sql("""
                        update review_judgement set judgement = :judgement, reasons = :reasons, next_steps = :next, recorded_by = :by,
                               recorded_at = clock_timestamp(), version = version + 1
                        where organisation_id = :org and round_id = :round and outcome_id = :outcome and version = :version
                        """)
                .param("org", org.value())
                .param("round", roundId)
                .param("outcome", outcomeId)
                .param("version", version)
                .param("judgement", judgement.name())
                .param("reasons", reasons)
                .param("next", nextSteps)
                .param("by", by.value())
                .update() == 1;
    }
}
