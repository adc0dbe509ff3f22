package org.coproduction.impact.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviews of what the organisation already collects. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select r.id, r.name, r.what_and_why, r.used_for, r.how_collected, r.who_can_access, r.accessible, r.accessible_notes,
                   r.relevant_and_easy, r.relevant_notes, r.to_improve, r.to_keep, r.gap, r.gap_way_id, r.version, r.updated_at,
                   u.display_name as updated_by_name
            from evidence_review r
            left join user_account u on u.id = r.updated_by
            """;

    List<PracticeReview> list(OrganisationId org) {
        return jdbc.sql(SELECT + " where r.organisation_id = :org order by lower(r.name), r.id")
                .param("org", org.value())
                .query(PracticeReview.class)
                .list();
    }

    Optional<PracticeReview> find(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT + " where r.organisation_id = :org and r.id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(PracticeReview.class)
                .optional();
    }

    long count(OrganisationId org) {
        return jdbc.sql("select count(*) from evidence_review where organisation_id = :org")
                .param("org", org.value())
                .query(Long.class)
                .single();
    }

    UUID add(OrganisationId org, EvidenceService.ReviewAnswers a, UserId by) {
        UUID id = UUID.randomUUID();
        bind(jdbc.sql("""
                        insert into evidence_review (id, organisation_id, name, what_and_why, used_for, how_collected, who_can_access,
                               accessible, accessible_notes, relevant_and_easy, relevant_notes, to_improve, to_keep, gap, updated_by)
                        values (:id, :org, :name, :what, :used, :how, :who, :accessible, :accessibleNotes, :relevant, :relevantNotes,
                                :improve, :keep, :gap, :by)
                        """), a)
                .param("id", id)
                .param("org", org.value())
                .param("by", by.value())
                .update();
        return id;
    }

    boolean update(OrganisationId org, UUID id, int version, EvidenceService.ReviewAnswers a, UserId by) {
        return bind(jdbc.sql("""
                                update evidence_review set name = :name, what_and_why = :what, used_for = :used, how_collected = :how,
                                       who_can_access = :who, accessible = :accessible, accessible_notes = :accessibleNotes,
                                       relevant_and_easy = :relevant, relevant_notes = :relevantNotes, to_improve = :improve,
                                       to_keep = :keep, gap = :gap, version = version + 1, updated_at = now(), updated_by = :by
                                where organisation_id = :org and id = :id and version = :version
                                """), a)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Records that the review's gap became this way in the list. */
    void linkGap(OrganisationId org, UUID id, UUID wayId) {
        jdbc.sql("update evidence_review set gap_way_id = :way where organisation_id = :org and id = :id")
                .param("way", wayId)
                .param("org", org.value())
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, EvidenceService.ReviewAnswers a) {
        return spec.param("name", a.name())
                .param("what", a.whatAndWhy())
                .param("used", a.usedFor())
                .param("how", a.howCollected())
                .param("who", a.whoCanAccess())
                .param("accessible", name(a.accessible()))
                .param("accessibleNotes", a.accessibleNotes())
                .param("relevant", name(a.relevantAndEasy()))
                .param("relevantNotes", a.relevantNotes())
                .param("improve", a.toImprove())
                .param("keep", a.toKeep())
                .param("gap", a.gap());
    }

    private static @Nullable String name(@Nullable ReviewAnswer answer) {
        return answer == null ? null : answer.name();
    }
}
