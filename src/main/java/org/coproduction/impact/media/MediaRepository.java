package org.coproduction.impact.media;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Media files and their bytes. Every query names the organisation. */
@Repository
class MediaRepository {

    private static final String SELECT = """
            select id, project_id, filename, kind, content_type, size, description, published, uploaded_at, uploaded_by
            from media_file
            """;

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(OrganisationId org, UUID projectId, String filename, FileTypes.Type type, byte[] content, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into media_file (id, organisation_id, project_id, filename, kind, content_type, size, uploaded_by, updated_by)
                        values (:id, :org, :project, :filename, :kind, :type, :size, :by, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("filename", filename)
                .param("kind", type.kind().name())
                .param("type", type.contentType())
                .param("size", (long) content.length)
                .param("by", by.value())
                .update();
        jdbc.sql("insert into media_content (media_id, organisation_id, content) values (:id, :org, :content)")
                .param("id", id)
                .param("org", org.value())
                .param("content", content)
                .update();
        change(org, id, "STORED", null, by);
        return id;
    }

    Optional<MediaFile> find(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = :org and id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(MediaFile.class)
                .optional();
    }

    List<MediaFile> find(OrganisationId org, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where organisation_id = :org and id in (:ids)")
                .param("org", org.value())
                .param("ids", ids)
                .query(MediaFile.class)
                .list();
    }

    Optional<byte[]> content(OrganisationId org, UUID id) {
        return jdbc.sql("select content from media_content where organisation_id = :org and media_id = :id")
                .param("org", org.value())
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    boolean describe(OrganisationId org, UUID id, String description, UserId by) {
        boolean done = jdbc.sql("""
                        update media_file set description = :description, updated_at = now(), updated_by = :by
                        where organisation_id = :org and id = :id
                        """)
                .param("description", description)
                .param("by", by.value())
                .param("org", org.value())
                .param("id", id)
                .update() == 1;
        if (done) {
            change(org, id, "DESCRIBED", description, by);
        }
        return done;
    }

    boolean setPublished(OrganisationId org, UUID id, boolean published, UserId by) {
        boolean changed = jdbc.sql("""
                        update media_file set published = :published, updated_at = now(), updated_by = :by
                        where organisation_id = :org and id = :id and published <> :published
                        """)
                .param("published", published)
                .param("by", by.value())
                .param("org", org.value())
                .param("id", id)
                .update() == 1;
        if (changed) {
            change(org, id, published ? "PUBLISHED" : "UNPUBLISHED", null, by);
        }
        return changed;
    }

    private void change(OrganisationId org, UUID id, String action, @Nullable String description, UserId by) {
        jdbc.sql("""
                        insert into media_change (id, organisation_id, media_id, action, description, changed_by)
                        values (:change, :org, :id, :action, :description, :by)
                        """)
                .param("change", UUID.randomUUID())
                .param("org", org.value())
                .param("id", id)
                .param("action", action)
                .param("description", description)
                .param("by", by.value())
                .update();
    }
}
