package org.coproduction.impact.framework;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one version of the framework says in one section: the text (Markdown), its easy-read
 * points (one short sentence a line), and the lock version a save must name.
 */
public record SectionText(
        Section section,
        String body,
        String easyRead,
        int lockVersion,
        OffsetDateTime updatedAt,
        @Nullable String updatedByName) {

    /** The easy-read points, one a line, blank lines left out. */
    public List<String> easyReadPoints() {
        return easyRead.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
