package org.coproduction.impact.framework;

import java.util.List;

/** What changed in one section between two versions: the text and the easy-read points, word by word. */
public record SectionChange(Section section, List<TextDiff.Piece> body, List<TextDiff.Piece> easyRead) {

    public SectionChange {
        body = List.copyOf(body);
        easyRead = List.copyOf(easyRead);
    }

    public boolean changed() {
        return TextDiff.changed(body) || TextDiff.changed(easyRead);
    }

    public boolean bodyChanged() {
        return TextDiff.changed(body);
    }

    public boolean easyReadChanged() {
        return TextDiff.changed(easyRead);
    }
}
