package org.coproduction.impact.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A form's errors in the shape GOV.UK's error summary and inline error messages need: the message
 * for each field, in page order, and a link target for each. Built from a {@link BindingResult}
 * in one place, so no page builds its error markup by hand.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of());

    /** One line of the error summary: the message and the id of the field it links to. */
    public record Item(String href, String text) {}

    private final Map<String, String> byField;

    private FormErrors(Map<String, String> byField) {
        this.byField = byField;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(BindingResult result, MessageSource messages) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : "form";
            byField.putIfAbsent(field, messages.getMessage(error, LocaleContextHolder.getLocale()));
        }
        return new FormErrors(byField);
    }

    /** One error, for a check made outside Bean Validation. */
    public static FormErrors single(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    /** These errors and one more, unless that field already has one (the first error is the one shown). */
    public FormErrors plus(String field, String message) {
        if (byField.containsKey(field)) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(byField);
        more.put(field, message);
        return new FormErrors(more);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public @Nullable String of(String field) {
        return byField.get(field);
    }

    public List<Item> summary() {
        List<Item> items = new ArrayList<>();
        byField.forEach((field, text) -> items.add(new Item("#" + field, text)));
        return items;
    }
}
