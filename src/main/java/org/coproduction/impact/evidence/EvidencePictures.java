package org.coproduction.impact.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;

/**
 * The photos of an item of evidence, for reports that show them beside a story. A module whose items
 * can carry photos implements this (the recorded-evidence module does); a report asks only for the
 * items it shows, after it has checked that the reader may read the report and that consent covers
 * its audience, so these methods check only that the photo belongs to the item.
 *
 * <p>Only photos with a text description are given: a photo without one cannot be used in a report,
 * because a reader who cannot see it would get nothing.
 */
public interface EvidencePictures {

    /** The source of the items this module answers for, as in {@link EvidenceItem#source()}. */
    String source();

    /** The item's described photos, in the order they were added; none if the item is not found. */
    List<Picture> pictures(OrganisationId organisation, UUID projectId, UUID itemId);

    /** The photo's bytes, if it is still one of the item's described photos. */
    Optional<Content> content(OrganisationId organisation, UUID projectId, UUID itemId, UUID pictureId);

    /** A photo and its text description (the alternative text for people who cannot see it). */
    record Picture(UUID id, String description) {}

    /** A photo's bytes and their type, to serve or to put into a document. */
    record Content(String contentType, byte[] bytes) {}
}
