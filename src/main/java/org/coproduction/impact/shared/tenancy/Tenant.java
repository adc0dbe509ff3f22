package org.coproduction.impact.shared.tenancy;

/**
 * Who is asking, in which organisation, with which role. Resolved from the signed-in person and
 * their chosen organisation on every request, never from a value in the request itself.
 */
public record Tenant(UserId userId, OrganisationId organisationId, String organisationName, Role role) {

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
