package org.coproduction.impact.shared.export;

import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where an {@link OrganisationExportPart} writes: one CSV file per table, and media files. */
public interface ExportSink {

    /** Starts {@code tables/<table>.csv} with this header; write rows to it, then close it. */
    TableWriter table(String table, List<String> header);

    /** Copies a media file's bytes to {@code files/<path>}. */
    void file(String path, InputStream bytes);

    /** The rows of one table, written as they come. */
    interface TableWriter extends AutoCloseable {

        void row(List<@Nullable String> cells);

        @Override
        void close();
    }
}
