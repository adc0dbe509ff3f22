package org.coproduction.impact.shared.security;

import java.util.Optional;
import org.coproduction.impact.shared.tenancy.ApiClient;

/**
 * Checks an API token from an {@code Authorization: Bearer} header. Implemented by the api module
 * (which keeps the tokens), so that {@code shared} does not depend on it.
 */
public interface ApiTokens {

    /** The token's client, if it exists, is not revoked and has not expired; records that it was used. */
    Optional<ApiClient> authenticate(String token);
}
