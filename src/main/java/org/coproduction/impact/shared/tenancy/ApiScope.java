package org.coproduction.impact.shared.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API handler ({@code /api/v1/**}): it needs an API token of the organisation (never a
 * signed-in session) whose scopes include {@link #value()}, such as {@code read:projects}. The
 * access interceptor answers 401 without a token and 403 without the scope, and limits the
 * request to the token's organisation, as it does for {@link RequiresRole}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiScope {
    String value();
}
