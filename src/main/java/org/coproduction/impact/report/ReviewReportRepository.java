package org.coproduction.impact.report;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Report drafts and their publications. Every query names the organisation. */
@Repository
class ReviewReportRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReviewReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String REPORT = """
            select r.id, r.project_id, r.round_id, r.kind, r.title, r.audience, r.project_impact, r.coproduction_impact, r.what_worked,
                   r.what_did_not, r.next_steps, r.easy_learned, r.easy_next, array_to_string(r.stories, ',') as stories, r.version,
                   r.updated_at, r.title_cy, r.words_cy::text as words_cy,
                   (select count(*) from report_publication p where p.organisation_id = r.organisation_id and p.report_id = r.id) as published,
                   (select max(p.published_at) from report_publication p
                    where p.organisation_id = r.organisation_id and p.report_id = r.id) as last_published_at
            from report_review_report r
            """;

    private record ReportRow(UUID id, UUID projectId, UUID roundId, String kind, String title, String audience, @Nullable String projectImpact,
            @Nullable String coproductionImpact, @Nullable String whatWorked, @Nullable String whatDidNot, @Nullable String nextSteps,
            @Nullable String easyLearned, @Nullable String easyNext, @Nullable String stories, int version, OffsetDateTime updatedAt,
            int published, @Nullable OffsetDateTime lastPublishedAt, @Nullable String titleCy, @Nullable String wordsCy) {

        ReviewReport report() {
            List<String> keys = stories == null || stories.isBlank() ? List.of() : Arrays.asList(stories.split(","));
            return new ReviewReport(id, projectId, roundId, ReportKind.valueOf(kind), title, ConsentUse.valueOf(audience),
                    new ReportWords(projectImpact, coproductionImpact, whatWorked, whatDidNot, nextSteps, easyLearned, easyNext), keys,
                    version, updatedAt, published, lastPublishedAt, titleCy,
                    wordsCy == null ? ReportWords.none() : JSON.readValue(wordsCy, ReportWords.class));
        }
    }

    List<ReviewReport> list(OrganisationId org, UUID projectId) {
        return jdbc.sql(REPORT + " where r.organisation_id = :org and r.project_id = :project order by r.created_at desc")
                .param("org", org.value())
                .param("project", projectId)
                .query(ReportRow.class)
                .list()
                .stream()
                .map(ReportRow::report)
                .toList();
    }

    /** Every report of the organisation published at least once, latest first (the project's name from the snapshot). */
    List<ReviewReport> published(OrganisationId org) {
        return jdbc.sql(REPORT + """
                         where r.organisation_id = :org
                           and exists (select 1 from report_publication p where p.organisation_id = r.organisation_id and p.report_id = r.id)
                         order by r.updated_at desc
                        """)
                .param("org", org.value())
                .query(ReportRow.class)
                .list()
                .stream()
                .map(ReportRow::report)
                .toList();
    }

    Optional<ReviewReport> find(OrganisationId org, UUID projectId, UUID reportId) {
        return jdbc.sql(REPORT + " where r.organisation_id = :org and r.project_id = :project and r.id = :id")
                .param("org", org.value())
                .param("project", projectId)
                .param("id", reportId)
                .query(ReportRow.class)
                .optional()
                .map(ReportRow::report);
    }

    UUID create(OrganisationId org, UUID projectId, UUID roundId, ReportKind kind, String title, ConsentUse audience, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into report_review_report (id, organisation_id, project_id, round_id, kind, title, audience, created_by, updated_by)
                        values (:id, :org, :project, :round, :kind, :title, :audience, :by, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("round", roundId)
                .param("kind", kind.name())
                .param("title", title)
                .param("audience", audience.name())
                .param("by", by.value())
                .update();
        return id;
    }

    /** Saves the draft seen at {@code version}; false when someone saved it since. */
    boolean update(OrganisationId org, UUID projectId, UUID reportId, int version, String title, ConsentUse audience, ReportWords w,
            List<String> stories, @Nullable String titleCy, ReportWords wordsCy, UserId by) {
        return jdbc.sql("""
                        update report_review_report
                        set title = :title, audience = :audience, project_impact = :pi, coproduction_impact = :ci, what_worked = :worked,
                            what_did_not = :didNot, next_steps = :next, easy_learned = :easyLearned, easy_next = :easyNext,
                            stories = string_to_array(:stories, ','), title_cy = :titleCy, words_cy = cast(:wordsCy as jsonb),
                            version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                        """)
                .param("title", title)
                .param("audience", audience.name())
                .param("pi", w.projectImpact())
                .param("ci", w.coproductionImpact())
                .param("worked", w.whatWorked())
                .param("didNot", w.whatDidNot())
                .param("next", w.nextSteps())
                .param("easyLearned", w.easyLearned())
                .param("easyNext", w.easyNext())
                .param("stories", String.join(",", stories))
                .param("titleCy", titleCy)
                .param("wordsCy", wordsCy.isEmpty() ? null : JSON.writeValueAsString(wordsCy))
                .param("by", by.value())
                .param("org", org.value())
                .param("project", projectId)
                .param("id", reportId)
                .param("version", version)
                .update() == 1;
    }

    /**
     * Publishes the snapshot as the next version of the report seen at {@code version} (the draft's
     * version moves on too, so two people publishing the same page at once publish once); empty when
     * the draft changed since.
     */
    Optional<Integer> publish(OrganisationId org, UUID projectId, UUID reportId, int version, Snapshot snapshot, UserId by) {
        int claimed = jdbc.sql("""
                        update report_review_report set version = version + 1
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("id", reportId)
                .param("version", version)
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from report_publication where organisation_id = :org and report_id = :id")
                .param("org", org.value())
                .param("id", reportId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into report_publication (id, organisation_id, report_id, number, audience, snapshot, published_by)
                        values (:id, :org, :report, :number, :audience, cast(:snapshot as jsonb), :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("report", reportId)
                .param("number", number)
                .param("audience", snapshot.audience().name())
                .param("snapshot", JSON.writeValueAsString(snapshot))
                .param("by", by.value())
                .update();
        return Optional.of(number);
    }

    private record PublicationRow(UUID id, UUID reportId, int number, OffsetDateTime publishedAt, @Nullable String publishedByName,
            String snapshot) {

        Publication publication() {
            return new Publication(id, reportId, number, publishedAt, publishedByName, JSON.readValue(snapshot, Snapshot.class));
        }
    }

    /** A published version of the report: {@code number}, or the latest when null. */
    Optional<Publication> publication(OrganisationId org, UUID reportId, @Nullable Integer number) {
        return jdbc.sql("""
                        select p.id, p.report_id, p.number, p.published_at, u.display_name as published_by_name, p.snapshot::text as snapshot
                        from report_publication p left join user_account u on u.id = p.published_by
                        where p.organisation_id = :org and p.report_id = :report and (cast(:number as integer) is null or p.number = :number)
                        order by p.number desc limit 1
                        """)
                .param("org", org.value())
                .param("report", reportId)
                .param("number", number)
                .query(PublicationRow.class)
                .optional()
                .map(PublicationRow::publication);
    }

    /** The report's published versions, latest first. */
    List<ShownReport.Version> versions(OrganisationId org, UUID reportId) {
        return jdbc.sql("""
                        select number, published_at from report_publication
                        where organisation_id = :org and report_id = :report order by number desc
                        """)
                .param("org", org.value())
                .param("report", reportId)
                .query(ShownReport.Version.class)
                .list();
    }
}
