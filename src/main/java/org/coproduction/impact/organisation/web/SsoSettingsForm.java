package org.coproduction.impact.organisation.web;

import org.jspecify.annotations.Nullable;

/** The single sign-on settings page, as typed: checked by {@link SsoSettingsController}. */
public record SsoSettingsForm(
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String domains,
        @Nullable String passwords,
        @Nullable String firstRole,
        int version) {}
