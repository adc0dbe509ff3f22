package org.coproduction.impact.shared.tenancy;

import java.util.Optional;

/**
 * How a public page that is reached by an unguessable token (a form's answering link) finds the one
 * organisation the token belongs to. {@link AccessInterceptor} asks, before such a page runs, and
 * limits the request to that organisation as the database's second wall sees it
 * ({@link OrganisationScope}): a public page then reads only what its token allows, even if one of
 * its queries forgot its organisation condition. A token that belongs to no organisation limits the
 * request to none, so such a page finds nothing at all.
 */
public interface TokenScope {

    /** The name of the path variable that carries the token, for example {@code formToken}. */
    String pathVariable();

    /** The organisation the token belongs to, looked up across organisations. */
    Optional<OrganisationId> organisationOf(String token);
}
