package org.coproduction.impact.api;

import java.util.List;

/** The scopes an ADMIN can give a token; each API handler names the one it needs ({@code @ApiScope}). */
public final class ApiScopes {

    public static final String PROJECTS = "read:projects";
    public static final String FORMS = "read:forms";
    public static final String RESULTS = "read:results";
    public static final String MEASURES = "read:measures";
    public static final String REPORTS = "read:reports";

    public static final List<String> ALL = List.of(PROJECTS, FORMS, RESULTS, MEASURES, REPORTS);

    private ApiScopes() {}

    /** The message key that says what a scope lets a token read. */
    public static String messageKey(String scope) {
        return "api.scope." + scope.substring("read:".length());
    }
}
