package org.coproduction.impact.organisation.web;

import org.jspecify.annotations.Nullable;

/** One kind of data's retention period as the settings page shows it: its field, words, value as typed and error. */
public record RetentionPeriod(String field, String messageKey, @Nullable String value, @Nullable String error) {}
