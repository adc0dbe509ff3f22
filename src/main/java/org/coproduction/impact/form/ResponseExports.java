package org.coproduction.impact.form;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The first pieces of the response import (issue #13): which tool made an export, and how a rating
 * written by that tool becomes a point on our scale. Formats are described in
 * {@code src/test/resources/imports/README.md}.
 */
final class ResponseExports {

    /** The tools whose exported responses we read. */
    enum Tool {
        MICROSOFT_FORMS,
        GOOGLE_FORMS,
        SURVEYMONKEY
    }

    private ResponseExports() {}

    /** The tool, told apart by the columns each one always writes first; empty for anything else. */
    static Optional<Tool> detect(List<String> header) {
        List<String> h = header.stream().map(ResponseExports::clean).toList();
        if (h.size() >= 5 && h.subList(0, 5).equals(List.of("id", "start time", "completion time", "email", "name"))) {
            return Optional.of(Tool.MICROSOFT_FORMS);
        }
        if (h.contains("respondent id") && h.contains("start date") && h.contains("end date")) {
            return Optional.of(Tool.SURVEYMONKEY);
        }
        if (!h.isEmpty() && h.getFirst().equals("timestamp")) {
            return Optional.of(Tool.GOOGLE_FORMS);
        }
        return Optional.empty();
    }

    /**
     * A rating as a point 1..{@code scaleWords.size()}: a number ("4"), stars ("★★★★") or one of
     * the scale's words ("Strongly agree", any case). Empty when it is none of these or out of range.
     */
    static OptionalInt rating(String text, List<String> scaleWords) {
        String t = text.strip();
        int points = scaleWords.size();
        int value;
        if (!t.isEmpty() && t.chars().allMatch(c -> c == '★')) {
            value = t.length();
        } else if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 4) {
            value = Integer.parseInt(t);
        } else {
            value = 0;
            for (int i = 0; i < points; i++) {
                if (scaleWords.get(i).equalsIgnoreCase(t)) {
                    value = i + 1;
                }
            }
        }
        return value >= 1 && value <= points ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static String clean(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
