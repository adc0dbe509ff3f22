package org.coproduction.impact.form;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ready-made scales a facilitator can pick for a rating or a before-and-after question, so most
 * forms use a few familiar scales and answers read the same way from form to form.
 */
public enum ScalePreset {
    /** The scale on SCIE's activity feedback form. */
    POOR_TO_EXCELLENT("form.build.preset.poor-to-excellent", ScaleStyle.WORDS, "Poor", "Fair", "Good", "Excellent"),
    ONE_TO_FIVE("form.build.preset.one-to-five", ScaleStyle.NUMBERS, "1", "2", "3", "4", "5"),
    THREE_FACES("form.build.preset.three-faces", ScaleStyle.FACES, "Sad", "OK", "Happy"),
    NOT_AT_ALL_TO_COMPLETELY("form.build.preset.not-at-all-to-completely", ScaleStyle.WORDS, "Not at all", "A little", "Mostly",
            "Completely");

    private final String messageKey;
    private final ScaleStyle style;
    private final List<String> labels;

    ScalePreset(String messageKey, ScaleStyle style, String... labels) {
        this.messageKey = messageKey;
        this.style = style;
        this.labels = List.of(labels);
    }

    public String messageKey() {
        return messageKey;
    }

    public ScaleStyle style() {
        return style;
    }

    public List<String> labels() {
        return labels;
    }

    public static Optional<ScalePreset> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    /** The preset a question's scale matches exactly, if any. */
    public static Optional<ScalePreset> of(ScaleStyle style, List<String> labels) {
        return Arrays.stream(values()).filter(p -> p.style == style && p.labels.equals(labels)).findFirst();
    }
}
