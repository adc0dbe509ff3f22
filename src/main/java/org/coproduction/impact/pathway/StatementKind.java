package org.coproduction.impact.pathway;

import java.util.Locale;

/** 'I' statements say what people with lived experience expect; 'We' statements what staff and partners will do. */
public enum StatementKind {
    I,
    WE;

    public String messageKey() {
        return "pathway.statement.kind." + name().toLowerCase(Locale.ROOT);
    }
}
