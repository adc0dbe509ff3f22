package org.coproduction.impact.form;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts of a form's answers, as grouped in PostgreSQL (see {@code V0018__form_create_answer_counts.sql}
 * for the kinds): how many responses answered each question and field, chose each value, and
 * moved up, stayed or moved down on each before-and-after question.
 */
record Counts(Map<Key, Long> rows) {

    record Key(String kind, String name, String value) {}

    Counts {
        rows = Map.copyOf(rows);
    }

    static Counts none() {
        return new Counts(Map.of());
    }

    long get(String kind, String name, String value) {
        return rows.getOrDefault(new Key(kind, name, value), 0L);
    }

    long question(String key) {
        return get("q", key, "");
    }

    long field(String field) {
        return get("f", field, "");
    }

    long chose(String field, String value) {
        return get("v", field, value);
    }

    long moved(String question, String way) {
        return get("m", question, way);
    }

    /** Every value chosen in one field, with how many chose it. */
    Map<String, Long> values(String field) {
        Map<String, Long> values = new HashMap<>();
        rows.forEach((k, n) -> {
            if (k.kind().equals("v") && k.name().equals(field) && n > 0) {
                values.put(k.value(), n);
            }
        });
        return values;
    }

    Counts plus(Counts other) {
        Map<Key, Long> sum = new HashMap<>(rows);
        other.rows.forEach((k, n) -> sum.merge(k, n, Long::sum));
        return new Counts(sum);
    }
}
