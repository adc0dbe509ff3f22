package org.coproduction.impact.plan;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.coproduction.impact.evidence.EvidenceType;

/**
 * A real-life example of a plan row that a facilitator can adopt and then change: an example
 * outcome, the type and form of evidence, the ways of collecting it (as keys of the starting list
 * of ways), and plain words for success. Its words live in messages.properties.
 */
public record Suggestion(String key, Theme theme, EvidenceType type, List<String> ways, List<String> keywords) {

    /** The kinds of change the examples are about. */
    public enum Theme {
        IMPROVING_COPRODUCTION,
        SKILLS_AND_AWARENESS,
        PEOPLE,
        STAFF,
        ORGANISATION,
        COMMUNITY;

        public String messageKey() {
            return "plan.suggestion.theme." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Suggestion {
        ways = List.copyOf(ways);
        keywords = List.copyOf(keywords);
    }

    public String outcomeKey() {
        return "plan.suggestion." + key + ".outcome";
    }

    public String formKey() {
        return "plan.suggestion." + key + ".form";
    }

    public String successKey() {
        return "plan.suggestion." + key + ".success";
    }

    public String howKey() {
        return "plan.suggestion." + key + ".how";
    }

    public String whenKey() {
        return "plan.suggestion." + key + ".when";
    }

    public String whoKey() {
        return "plan.suggestion." + key + ".who";
    }

    List<String> messageKeys() {
        return Stream.of(outcomeKey(), formKey(), successKey(), howKey(), whenKey(), whoKey()).toList();
    }
}
