package org.coproduction.impact.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidencePictures;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The described photos attached to a recorded item (a photo, a case study, an activity), for reports. */
@Component
class RecordPictures implements EvidencePictures {

    private final RecordRepository records;
    private final MediaService media;

    RecordPictures(RecordRepository records, MediaService media) {
        this.records = records;
        this.media = media;
    }

    @Override
    public String source() {
        return RecordService.EVIDENCE_SOURCE;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Picture> pictures(OrganisationId organisation, UUID projectId, UUID itemId) {
        return records.item(organisation, projectId, itemId)
                .filter(item -> !item.archived())
                .map(item -> media.describedPhotos(organisation, item.mediaIds()).stream()
                        .map(f -> new Picture(f.id(), f.description()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Content> content(OrganisationId organisation, UUID projectId, UUID itemId, UUID pictureId) {
        Optional<MediaFile> file = records.item(organisation, projectId, itemId)
                .filter(item -> !item.archived() && item.mediaIds().contains(pictureId))
                .flatMap(item -> media.describedPhotos(organisation, List.of(pictureId)).stream().findFirst());
        return file.flatMap(f -> media.bytes(organisation, f.id()).map(bytes -> new Content(f.contentType(), bytes)));
    }
}
