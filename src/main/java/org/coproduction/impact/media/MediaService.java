package org.coproduction.impact.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and serves photographs, sound recordings and documents attached to a project's evidence.
 * Other modules keep the ids of their files and ask here for what is known about them.
 */
@Service
public class MediaService {

    /** The bytes of a file and what is known about it, for serving. */
    public record Content(MediaFile file, byte[] bytes) {}

    private final MediaRepository media;
    private final ProjectService projects;
    private final AuditLog audit;

    MediaService(MediaRepository media, ProjectService projects, AuditLog audit) {
        this.media = media;
        this.projects = projects;
        this.audit = audit;
    }

    /**
     * Checks the content (its first bytes, not its name) against the allow-list, limits its size,
     * removes a photo's metadata, and stores the bytes in the database. The person must be able to
     * see the project: another organisation's project is "not found".
     */
    @Transactional
    public StoreResult store(Tenant tenant, UUID projectId, String originalFilename, byte[] content) {
        projects.project(tenant, projectId);
        if (content.length == 0) {
            return new StoreResult.Refused("media.error.empty");
        }
        if (content.length > MediaLimits.MAX_BYTES) {
            return new StoreResult.Refused("media.error.too-big");
        }
        String filename = filename(originalFilename);
        Optional<FileTypes.Type> type = FileTypes.of(content, filename);
        if (type.isEmpty()) {
            return new StoreResult.Refused("media.error.type");
        }
        byte[] bytes = content;
        if (type.get().kind() == MediaKind.PHOTO) {
            PhotoCleaner.Cleaned cleaned = PhotoCleaner.clean(content, type.get().contentType());
            if (cleaned instanceof PhotoCleaner.Cleaned.Failed(String key)) {
                return new StoreResult.Refused(key);
            }
            bytes = ((PhotoCleaner.Cleaned.Done) cleaned).bytes();
        }
        UUID id = media.insert(tenant.organisationId(), projectId, filename, type.get(), bytes, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "media_file", id, type.get().contentType());
        return new StoreResult.Stored(media.find(tenant.organisationId(), id).orElseThrow());
    }

    /**
     * As {@link #store}, for a place that takes only a sound recording (a spoken reflection or view):
     * anything else the allow-list knows is refused before it is stored.
     */
    @Transactional
    public StoreResult storeAudio(Tenant tenant, UUID projectId, String originalFilename, byte[] content) {
        projects.project(tenant, projectId);
        if (content.length > 0 && content.length <= MediaLimits.MAX_BYTES) {
            Optional<FileTypes.Type> type = FileTypes.of(content, filename(originalFilename));
            if (type.isEmpty() || type.get().kind() != MediaKind.AUDIO) {
                return new StoreResult.Refused("media.error.not-audio");
            }
        }
        return store(tenant, projectId, originalFilename, content);
    }

    /** What is known about a file, if this person may see it (a VIEWER only once it is published). */
    public Optional<MediaFile> find(Tenant tenant, UUID mediaId) {
        return media.find(tenant.organisationId(), mediaId).filter(f -> visible(tenant, f));
    }

    /** The files with these ids that this person may see, in the order given; ids not found are left out. */
    public List<MediaFile> files(Tenant tenant, Collection<UUID> mediaIds) {
        Map<UUID, MediaFile> byId = media.find(tenant.organisationId(), List.copyOf(mediaIds)).stream()
                .filter(f -> visible(tenant, f))
                .collect(Collectors.toMap(MediaFile::id, Function.identity()));
        List<MediaFile> ordered = new ArrayList<>();
        for (UUID id : mediaIds) {
            MediaFile f = byId.get(id);
            if (f != null && !ordered.contains(f)) {
                ordered.add(f);
            }
        }
        return ordered;
    }

    /** The file and its bytes, for serving; "not found" for anyone who may not see it. */
    public Content content(Tenant tenant, UUID mediaId) {
        MediaFile file = find(tenant, mediaId).orElseThrow(() -> new NotFoundException("media"));
        byte[] bytes = media.content(tenant.organisationId(), mediaId).orElseThrow(() -> new NotFoundException("media"));
        return new Content(file, bytes);
    }

    /**
     * The described photos among these files, in the order given, for a caller that has checked itself
     * that the reader may see them (a published report showing a story with consent for its audience).
     */
    public List<MediaFile> describedPhotos(OrganisationId organisation, Collection<UUID> mediaIds) {
        Map<UUID, MediaFile> byId = media.find(organisation, List.copyOf(mediaIds)).stream()
                .filter(f -> f.isPhoto() && !f.needsDescription())
                .collect(Collectors.toMap(MediaFile::id, Function.identity()));
        return mediaIds.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The bytes of a file of the organisation, for the same callers as {@link #describedPhotos}. */
    public Optional<byte[]> bytes(OrganisationId organisation, UUID mediaId) {
        return media.content(organisation, mediaId);
    }

    /**
     * Saves the text description (alt text) of an image. Only facilitators and admins describe
     * files; false when the description is blank or too long (nothing changes).
     */
    @Transactional
    public boolean describe(Tenant tenant, UUID mediaId, String description) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("media");
        }
        media.find(tenant.organisationId(), mediaId).orElseThrow(() -> new NotFoundException("media"));
        String text = description.strip();
        if (text.isEmpty() || text.length() > MediaLimits.DESCRIPTION) {
            return false;
        }
        return media.describe(tenant.organisationId(), mediaId, text, tenant.userId());
    }

    /** Marks the file as belonging to an item published to VIEWERs (or no longer published). */
    @Transactional
    public void setPublished(Tenant tenant, UUID mediaId, boolean published) {
        media.find(tenant.organisationId(), mediaId).orElseThrow(() -> new NotFoundException("media"));
        media.setPublished(tenant.organisationId(), mediaId, published, tenant.userId());
    }

    /**
     * Facilitators and admins see every file of their organisation; viewers only published ones;
     * members published ones and the ones they added themselves. A member does not see other files of
     * their project: those belong to items only facilitators see (an activity's minutes, a comment
     * not yet published, a withdrawn consent), and the file's address must not open what the item's
     * page would not show.
     */
    private static boolean visible(Tenant tenant, MediaFile file) {
        return switch (tenant.role()) {
            case ADMIN, FACILITATOR -> true;
            case VIEWER -> file.published();
            case MEMBER -> file.published() || tenant.userId().value().equals(file.uploadedBy());
        };
    }

    /** The name as the person knew it, without any folder, control characters or excess length. */
    static String filename(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7F && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.length() > MediaLimits.FILENAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MediaLimits.FILENAME - ext.length()) + ext;
        }
        return name;
    }
}
