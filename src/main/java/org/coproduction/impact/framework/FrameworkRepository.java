package org.coproduction.impact.framework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Framework versions and their sections. Every statement takes the organisation. */
@Repository
class FrameworkRepository {

    private final JdbcClient jdbc;

    FrameworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT_VERSION = """
            select v.id, v.number, v.status, b.number as based_on_number, v.created_at, c.display_name as created_by_name,
                   v.published_at, p.display_name as published_by_name, v.next_review_on
            from framework_version v
            left join framework_version b on b.id = v.based_on_id
            left join user_account c on c.id = v.created_by
            left join user_account p on p.id = v.published_by
            """;

    List<VersionSummary> versions(OrganisationId org) {
        return jdbc.sql(SELECT_VERSION + " where v.organisation_id = :org order by v.number desc")
                .param("org", org.value())
                .query(VersionSummary.class)
                .list();
    }

    Optional<VersionSummary> version(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT_VERSION + " where v.organisation_id = :org and v.id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(VersionSummary.class)
                .optional();
    }

    Optional<VersionSummary> latest(OrganisationId org, VersionStatus status) {
        return jdbc.sql(SELECT_VERSION + " where v.organisation_id = :org and v.status = :status order by v.number desc limit 1")
                .param("org", org.value())
                .param("status", status.name())
                .query(VersionSummary.class)
                .optional();
    }

    private record SectionRow(String sectionKey, String body, String easyRead, int lockVersion, OffsetDateTime updatedAt,
            @Nullable String updatedByName) {}

    /** The sections of a version, in the order of {@link Section}; any the version lacks are left out. */
    List<SectionText> sections(OrganisationId org, UUID versionId) {
        Map<String, SectionRow> rows = new java.util.HashMap<>();
        jdbc.sql("""
                        select s.section_key, s.body, s.easy_read, s.lock_version, s.updated_at, u.display_name as updated_by_name
                        from framework_section s
                        left join user_account u on u.id = s.updated_by
                        where s.organisation_id = :org and s.version_id = :version
                        """)
                .param("org", org.value())
                .param("version", versionId)
                .query(SectionRow.class)
                .list()
                .forEach(r -> rows.put(r.sectionKey(), r));
        return java.util.stream.Stream.of(Section.values())
                .filter(s -> rows.containsKey(s.slug()))
                .map(s -> {
                    SectionRow r = rows.get(s.slug());
                    return new SectionText(s, r.body(), r.easyRead(), r.lockVersion(), r.updatedAt(), r.updatedByName());
                })
                .toList();
    }

    Optional<SectionText> section(OrganisationId org, UUID versionId, Section section) {
        return sections(org, versionId).stream().filter(s -> s.section() == section).findFirst();
    }

    /**
     * Makes a new draft numbered after the organisation's last version, unless it already has a
     * draft (or someone made one at the same moment); then nothing is inserted and this is false.
     */
    boolean insertDraft(OrganisationId org, UUID id, @Nullable UUID basedOn, UserId by) {
        return jdbc.sql("""
                        insert into framework_version (id, organisation_id, number, status, based_on_id, created_by)
                        select :id, :org, coalesce(max(number), 0) + 1, 'DRAFT', :basedOn, :by
                        from framework_version where organisation_id = :org
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("org", org.value())
                        .param("basedOn", basedOn)
                        .param("by", by.value())
                        .update()
                == 1;
    }

    void insertSection(OrganisationId org, UUID versionId, Section section, String body, String easyRead, UserId by) {
        jdbc.sql("""
                        insert into framework_section (id, organisation_id, version_id, section_key, body, easy_read, updated_by)
                        values (:id, :org, :version, :key, :body, :easyRead, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("version", versionId)
                .param("key", section.slug())
                .param("body", body)
                .param("easyRead", easyRead)
                .param("by", by.value())
                .update();
    }

    /** Copies every section of one version into another (a new draft from the last published). */
    void copySections(OrganisationId org, UUID from, UUID to) {
        jdbc.sql("""
                        insert into framework_section (id, organisation_id, version_id, section_key, body, easy_read, updated_at, updated_by)
                        select gen_random_uuid(), organisation_id, :to, section_key, body, easy_read, updated_at, updated_by
                        from framework_section
                        where organisation_id = :org and version_id = :from
                        """)
                .param("org", org.value())
                .param("from", from)
                .param("to", to)
                .update();
    }

    /**
     * Locks the version's row until the end of the transaction and says whether it is a draft.
     * Publishing updates the same row, so a save and a publish never overlap.
     */
    Optional<VersionStatus> lockStatus(OrganisationId org, UUID versionId) {
        return jdbc.sql("select status from framework_version where organisation_id = :org and id = :id for share")
                .param("org", org.value())
                .param("id", versionId)
                .query(String.class)
                .optional()
                .map(VersionStatus::valueOf);
    }

    /** Saves a section if nobody saved it since {@code lockVersion}; false otherwise. */
    boolean updateSection(OrganisationId org, UUID versionId, Section section, int lockVersion, String body, String easyRead, UserId by) {
        return jdbc.sql("""
                        update framework_section
                        set body = :body, easy_read = :easyRead, lock_version = lock_version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and version_id = :version and section_key = :key and lock_version = :lock
                        """)
                        .param("body", body)
                        .param("easyRead", easyRead)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("version", versionId)
                        .param("key", section.slug())
                        .param("lock", lockVersion)
                        .update()
                == 1;
    }

    /** Publishes a draft; false if it is not a draft (any more). */
    boolean publish(OrganisationId org, UUID versionId, UserId by, OffsetDateTime at, LocalDate nextReview) {
        return jdbc.sql("""
                        update framework_version
                        set status = 'PUBLISHED', published_at = :at, published_by = :by, next_review_on = :review
                        where organisation_id = :org and id = :id and status = 'DRAFT'
                        """)
                        .param("at", at)
                        .param("by", by.value())
                        .param("review", nextReview)
                        .param("org", org.value())
                        .param("id", versionId)
                        .update()
                == 1;
    }

    boolean changeReviewDate(OrganisationId org, UUID versionId, LocalDate nextReview) {
        return jdbc.sql("""
                        update framework_version set next_review_on = :review
                        where organisation_id = :org and id = :id and status = 'PUBLISHED'
                        """)
                        .param("review", nextReview)
                        .param("org", org.value())
                        .param("id", versionId)
                        .update()
                == 1;
    }
}
