package org.coproduction.impact.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an ADMIN typed to make an API token: a name, the scopes ticked, and an optional last day. */
public record ApiTokenForm(@Nullable String name, @Nullable List<String> scopes, @Nullable String expiresDay,
        @Nullable String expiresMonth, @Nullable String expiresYear) {

    static ApiTokenForm empty() {
        return new ApiTokenForm(null, List.of(), null, null, null);
    }

    public List<String> chosen() {
        return scopes == null ? List.of() : scopes;
    }
}
