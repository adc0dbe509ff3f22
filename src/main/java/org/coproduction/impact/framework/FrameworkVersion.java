package org.coproduction.impact.framework;

import java.util.List;
import java.util.Optional;

/** One version of the framework with the text of every section, in the order of {@link Section}. */
public record FrameworkVersion(VersionSummary summary, List<SectionText> sections) {

    public FrameworkVersion {
        sections = List.copyOf(sections);
    }

    public Optional<SectionText> section(Section section) {
        return sections.stream().filter(s -> s.section() == section).findFirst();
    }

    /** The sections of one part, in order. */
    public List<SectionText> sections(Part part) {
        return sections.stream().filter(s -> s.section().part() == part).toList();
    }

    /** Whether any section has easy-read points (the easy-read summary is then worth showing). */
    public boolean hasEasyRead() {
        return sections.stream().anyMatch(s -> !s.easyReadPoints().isEmpty());
    }
}
