package org.coproduction.impact.pathway;

import java.util.List;

/** A difference between two versions of a pathway, for people to read. */
public record Change(Kind kind, String itemKey, String title, List<FieldChange> fields) {

    public Change {
        fields = List.copyOf(fields);
    }

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED;

        public String messageKey() {
            return "pathway.history.change." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One field that changed: its label (a message key), and the text before and after. For a
     * choice (when, what kind), {@code before} and {@code after} are the choices' message keys, so
     * people read them in words ("Short-term"), never as stored ("SHORT").
     */
    public record FieldChange(String labelKey, String before, String after, boolean choice) {

        public FieldChange(String labelKey, String before, String after) {
            this(labelKey, before, after, false);
        }
    }
}
