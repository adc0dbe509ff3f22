package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.coproduction.impact.shared.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the tenancy layer worked out about the current request, kept as request attributes. */
public final class CurrentRequest {

    static final String TENANT = CurrentRequest.class.getName() + ".tenant";
    static final String MEMBERSHIPS = CurrentRequest.class.getName() + ".memberships";
    static final String OPERATOR = CurrentRequest.class.getName() + ".operator";
    static final String API_CLIENT = CurrentRequest.class.getName() + ".apiClient";
    static final String WORDS_LANGUAGES = CurrentRequest.class.getName() + ".wordsLanguages";
    private static final String WORDS_LANGUAGE = CurrentRequest.class.getName() + ".wordsLanguage";

    private record WordsLanguage(OrganisationId organisation, String language) {}

    private CurrentRequest() {}

    public static Optional<SignedInUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof SignedInUser u ? Optional.of(u) : Optional.empty();
    }

    public static @Nullable Tenant tenant(HttpServletRequest request) {
        return (Tenant) request.getAttribute(TENANT);
    }

    /** The API token this request brought, once the API's security filter has accepted it. */
    public static @Nullable ApiClient apiClient(HttpServletRequest request) {
        return (ApiClient) request.getAttribute(API_CLIENT);
    }

    /** Called by the API's security filter only, after checking the token. */
    public static void acceptApiClient(HttpServletRequest request, ApiClient client) {
        request.setAttribute(API_CLIENT, client);
    }

    public static boolean isOperator(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(OPERATOR));
    }

    /**
     * The language ("en" or "cy") the organisation this request works in writes its own words in:
     * the signed-in person's current organisation, or the organisation of the link a respondent
     * followed. English where the request works in no organisation. Read once a request.
     */
    @SuppressWarnings("unchecked")
    public static String wordsLanguage(@Nullable HttpServletRequest request) {
        OrganisationId organisation = OrganisationScope.current().orElse(null);
        if (request == null || organisation == null || organisation.equals(OrganisationScope.NONE)) {
            return "en";
        }
        if (request.getAttribute(WORDS_LANGUAGE) instanceof WordsLanguage known && known.organisation().equals(organisation)) {
            return known.language();
        }
        String language = memberships(request).stream()
                .filter(m -> m.organisationId().equals(organisation))
                .map(Membership::wordsLanguage)
                .findFirst()
                .orElseGet(() -> request.getAttribute(WORDS_LANGUAGES) instanceof java.util.function.Function<?, ?> directory
                        ? ((java.util.function.Function<OrganisationId, String>) directory).apply(organisation)
                        : "en");
        request.setAttribute(WORDS_LANGUAGE, new WordsLanguage(organisation, language));
        return language;
    }

    @SuppressWarnings("unchecked")
    public static List<Membership> memberships(HttpServletRequest request) {
        Object value = request.getAttribute(MEMBERSHIPS);
        return value == null ? List.of() : (List<Membership>) value;
    }
}
