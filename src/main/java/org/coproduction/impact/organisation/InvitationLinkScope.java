package org.coproduction.impact.organisation;

import java.util.Optional;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.TokenScope;
import org.springframework.stereotype.Component;

/**
 * An invitation's link ({@code /invite/{invitationToken}...}) reads only the organisation that sent
 * it, whoever follows it and whichever organisation they are working in: joining is then walled in
 * to the organisation being joined. A link that belongs to no invitation reads nothing.
 */
@Component
class InvitationLinkScope implements TokenScope {

    private final InvitationRepository invitations;

    InvitationLinkScope(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @Override
    public String pathVariable() {
        return "invitationToken";
    }

    @Override
    public Optional<OrganisationId> organisationOf(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return invitations.organisationOfToken(token);
    }
}
