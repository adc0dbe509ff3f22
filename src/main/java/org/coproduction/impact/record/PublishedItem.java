package org.coproduction.impact.record;

import java.util.List;
import org.coproduction.impact.media.MediaFile;

/** A published item with the name of its project and its files, as a viewer reads it. */
public record PublishedItem(String projectName, RecordedItem item, List<MediaFile> files) {

    public PublishedItem {
        files = List.copyOf(files);
    }
}
