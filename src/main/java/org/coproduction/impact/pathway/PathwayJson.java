package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link PathwayDocument}s. Reading is strict: a file that is not ours, is
 * malformed, refers to items that do not exist, goes round in a loop or is too big is refused with
 * plain-language problems, and nothing is imported.
 */
public final class PathwayJson {

    /** One thing wrong with an imported file, as a message key and its arguments. */
    public record Problem(String messageKey, List<String> args) {
        public Object[] messageArgs() {
            return args.toArray();
        }
    }

    /** Either the document, or what is wrong with the file. */
    public record Reading(@Nullable PathwayDocument document, List<Problem> problems) {
        public boolean ok() {
            return document != null && problems.isEmpty();
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PathwayJson() {}

    public static String write(PathwayDocument document) {
        return MAPPER.writeValueAsString(document);
    }

    /** Reads a revision the service itself wrote (no checks: it was valid when kept). */
    static PathwayDocument readKept(String json) {
        return MAPPER.readValue(json, PathwayDocument.class);
    }

    public static Reading read(String json) {
        PathwayDocument document;
        try {
            document = MAPPER.readValue(json, PathwayDocument.class);
        } catch (JacksonException e) {
            String hint = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            return new Reading(null, List.of(new Problem("pathway.import.error.not-json", List.of(hint.length() > 200 ? hint.substring(0, 200) : hint))));
        }
        if (document == null) {
            return new Reading(null, List.of(new Problem("pathway.import.error.not-ours", List.of())));
        }
        List<Problem> problems = validate(document);
        return new Reading(problems.isEmpty() ? document : null, problems);
    }

    static List<Problem> validate(PathwayDocument d) {
        List<Problem> problems = new ArrayList<>();
        if (!PathwayDocument.FORMAT.equals(d.format())) {
            problems.add(new Problem("pathway.import.error.not-ours", List.of()));
            return problems;
        }
        if (d.formatVersion() != PathwayDocument.VERSION) {
            problems.add(new Problem("pathway.import.error.version", List.of(String.valueOf(d.formatVersion()))));
            return problems;
        }
        tooLong(problems, "pathway.problem.label", d.problem(), PathwayLimits.LONG_TEXT);
        tooLong(problems, "pathway.project-impact.label", d.projectImpact(), PathwayLimits.LONG_TEXT);
        tooLong(problems, "pathway.coproduction-impact.label", d.coproductionImpact(), PathwayLimits.LONG_TEXT);
        if (d.outcomes().size() > PathwayLimits.MAX_OUTCOMES) {
            problems.add(new Problem("pathway.import.error.too-many-outcomes", List.of(String.valueOf(PathwayLimits.MAX_OUTCOMES))));
        }
        if (d.activities().size() > PathwayLimits.MAX_ACTIVITIES) {
            problems.add(new Problem("pathway.import.error.too-many-activities", List.of(String.valueOf(PathwayLimits.MAX_ACTIVITIES))));
        }
        if (d.statements().size() > PathwayLimits.MAX_STATEMENTS) {
            problems.add(new Problem("pathway.import.error.too-many-statements", List.of(String.valueOf(PathwayLimits.MAX_STATEMENTS))));
        }
        Set<String> keys = new HashSet<>();
        Set<String> outcomeKeys = new HashSet<>();
        for (PathwayDocument.OutcomeEntry o : d.outcomes()) {
            key(problems, keys, o.key());
            outcomeKeys.add(o.key());
            text(problems, "pathway.outcome.title.label", o.title(), PathwayLimits.TITLE);
            required(problems, "pathway.outcome.term.label", o.term());
            tooLong(problems, "pathway.outcome.how.label", o.howWeWillKnow(), PathwayLimits.HOW_WE_WILL_KNOW);
        }
        for (PathwayDocument.ActivityEntry a : d.activities()) {
            key(problems, keys, a.key());
            text(problems, "pathway.activity.title.label", a.title(), PathwayLimits.TITLE);
            required(problems, "pathway.activity.kind.label", a.kind());
            tooLong(problems, "pathway.activity.who.label", a.whoIsInvolved(), PathwayLimits.WHO);
            a.outcomes().stream().filter(k -> !outcomeKeys.contains(k)).forEach(k -> problems.add(unknown(k)));
        }
        for (PathwayDocument.StatementEntry s : d.statements()) {
            key(problems, keys, s.key());
            required(problems, "pathway.statement.kind.label", s.kind());
            text(problems, "pathway.statement.text.label", s.text(), PathwayLimits.STATEMENT);
            if (s.outcome() != null && !outcomeKeys.contains(s.outcome())) {
                problems.add(unknown(s.outcome()));
            }
        }
        for (PathwayDocument.OutcomeEntry o : d.outcomes()) {
            o.leadsTo().stream().filter(k -> !outcomeKeys.contains(k)).forEach(k -> problems.add(unknown(k)));
        }
        if (problems.isEmpty() && hasCycle(d)) {
            problems.add(new Problem("pathway.import.error.cycle", List.of()));
        }
        return problems.size() > 10 ? problems.subList(0, 10) : problems;
    }

    private static boolean hasCycle(PathwayDocument d) {
        Map<String, UUID> ids = new HashMap<>();
        d.outcomes().forEach(o -> ids.put(o.key(), UUID.nameUUIDFromBytes(o.key().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        List<Outcome> outcomes = d.outcomes().stream()
                .map(o -> new Outcome(ids.get(o.key()), o.title(), o.term(), o.leadsToImpact(),
                        o.leadsTo().stream().map(ids::get).toList(), null, 0, false))
                .toList();
        Pathway graph = new Pathway(UUID.randomUUID(), UUID.randomUUID(), null, null, null, 0, outcomes, List.of(), List.of());
        return !LogicCheck.cycles(graph).isEmpty();
    }

    private static void key(List<Problem> problems, Set<String> keys, @Nullable String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            problems.add(new Problem("pathway.import.error.key-missing", List.of()));
        } else if (!keys.add(key)) {
            problems.add(new Problem("pathway.import.error.key-twice", List.of(key)));
        }
    }

    private static void text(List<Problem> problems, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem("pathway.import.error.empty", List.of(field)));
        } else {
            tooLong(problems, field, value, max);
        }
    }

    private static void required(List<Problem> problems, String field, @Nullable Object value) {
        if (value == null) {
            problems.add(new Problem("pathway.import.error.empty", List.of(field)));
        }
    }

    private static void tooLong(List<Problem> problems, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem("pathway.import.error.too-long", List.of(field, String.valueOf(max))));
        }
    }

    private static Problem unknown(String key) {
        return new Problem("pathway.import.error.unknown-key", List.of(key));
    }
}
