package org.coproduction.impact.shared.tenancy;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking through the API: one organisation's API token, with the scopes its ADMIN chose.
 * Found from the {@code Authorization: Bearer} header by the API's security filter, never from an
 * id in the request, and the organisation whose rows the request may see.
 *
 * @param createdBy the ADMIN who made the token; null once that person has been erased
 */
public record ApiClient(UUID tokenId, OrganisationId organisationId, String organisationName, @Nullable UserId createdBy,
        Set<String> scopes) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }

    /**
     * The API reads through the same services as the pages. It reads as someone who runs projects
     * ({@link Role#FACILITATOR}: every project of the organisation, read only: the API has no
     * handler that changes anything), in the name of the ADMIN who made the token.
     */
    public Tenant asReader() {
        return new Tenant(createdBy != null ? createdBy : new UserId(tokenId), organisationId, organisationName, Role.FACILITATOR);
    }

    /** Published reports are read as a partner or funder reads them ({@link Role#VIEWER}): only what they may see. */
    public Tenant asReportReader() {
        return new Tenant(createdBy != null ? createdBy : new UserId(tokenId), organisationId, organisationName, Role.VIEWER);
    }
}
