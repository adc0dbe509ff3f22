package org.coproduction.impact.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's answers to a form version, by field name (see {@link Question#fields()}), each a list
 * of values: one for most questions, several for multiple choice. Choices and scale points are
 * stored as their position (1 = the first), so a reworded label does not change past answers.
 */
public record Answers(Map<String, List<String>> values) {

    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_LONG_TEXT = 5000;
    public static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000");

    public Answers {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((field, v) -> {
            List<String> kept = v.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!kept.isEmpty()) {
                copy.put(field, kept);
            }
        });
        values = Map.copyOf(copy);
    }

    public static Answers none() {
        return new Answers(Map.of());
    }

    public List<String> get(String field) {
        return values.getOrDefault(field, List.of());
    }

    public String first(String field) {
        List<String> v = get(field);
        return v.isEmpty() ? "" : v.getFirst();
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** These answers with the given fields replaced (a page of the form saved). */
    public Answers with(Map<String, List<String>> page) {
        Map<String, List<String>> merged = new LinkedHashMap<>(values);
        merged.putAll(page);
        return new Answers(merged);
    }

    /**
     * What is wrong with the answers to the given questions: field name to message key. Unknown
     * fields are not listed here; see {@link #unknownFields(List)}.
     */
    public static Map<String, String> problems(List<Question> questions, Answers answers) {
        return problems(questions, answers, true);
    }

    /**
     * What is wrong with answers typed in from a paper copy: the same checks on each answer given,
     * but a question left blank is not a problem. "Must be answered" is a rule for people answering
     * online; a paper copy is typed in as it came back, gaps and all.
     */
    public static Map<String, String> transcriptionProblems(List<Question> questions, Answers answers) {
        return problems(questions, answers, false);
    }

    private static Map<String, String> problems(List<Question> questions, Answers answers, boolean requireAnswers) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Question q : questions) {
            for (String field : q.fields()) {
                List<String> given = answers.get(field);
                if (given.isEmpty()) {
                    if (requireAnswers && q.needsAnswer()) {
                        problems.put(field, q.type() == QuestionType.BEFORE_AFTER
                                ? (field.endsWith(".before") ? "form.answer.required.before" : "form.answer.required.after")
                                : "form.answer.required");
                    }
                    continue;
                }
                String problem = problem(q, field, given);
                if (problem != null) {
                    problems.put(field, problem);
                }
            }
        }
        return problems;
    }

    /** Field names that belong to no question of the version: a forged or outdated page. */
    public Set<String> unknownFields(List<Question> questions) {
        Set<String> known = new HashSet<>();
        questions.forEach(q -> known.addAll(q.fields()));
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(known);
        return unknown;
    }

    private static @org.jspecify.annotations.Nullable String problem(Question q, String field, List<String> given) {
        if (q.type() != QuestionType.MULTIPLE_CHOICE && given.size() > 1) {
            return "form.answer.choose-one";
        }
        String value = given.getFirst();
        return switch (q.type()) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE -> position(value, q.options().size()) ? null : "form.answer.choose-from-list";
            case MULTIPLE_CHOICE -> given.stream().allMatch(v -> position(v, q.options().size())) && new HashSet<>(given).size() == given.size()
                    ? null
                    : "form.answer.choose-from-list";
            case YES_NO -> value.equals("yes") || value.equals("no") ? null : "form.answer.choose-from-list";
            case NUMBER -> number(value);
            case SHORT_TEXT -> value.length() <= MAX_SHORT_TEXT ? null : "form.answer.too-long.short";
            case LONG_TEXT -> value.length() <= MAX_LONG_TEXT ? null : "form.answer.too-long.long";
            case DATE -> date(value);
            case ABOUT_YOU -> {
                String part = field.substring(field.lastIndexOf('.') + 1);
                yield AboutYou.fromSlug(part).map(about -> about.choices().contains(value)).orElse(false)
                        ? null
                        : "form.answer.choose-from-list";
            }
        };
    }

    private static boolean position(String value, int count) {
        if (value.length() > 3 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int n = Integer.parseInt(value);
        return n >= 1 && n <= count;
    }

    private static @org.jspecify.annotations.Nullable String number(String value) {
        if (value.length() > 20) {
            return "form.answer.number";
        }
        try {
            BigDecimal n = new BigDecimal(value.replace(",", ""));
            return n.abs().compareTo(MAX_NUMBER) < 0 ? null : "form.answer.number.too-big";
        } catch (NumberFormatException e) {
            return "form.answer.number";
        }
    }

    private static @org.jspecify.annotations.Nullable String date(String value) {
        try {
            LocalDate d = LocalDate.parse(value);
            return d.getYear() >= 1900 && d.getYear() <= LocalDate.now().getYear() + 5 ? null : "form.answer.date.range";
        } catch (DateTimeParseException e) {
            return "form.answer.date";
        }
    }
}
