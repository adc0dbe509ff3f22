package org.coproduction.impact.shared.tenancy;

import java.util.List;

/**
 * Looks up a person's memberships for the tenancy layer. Implemented by the organisation module,
 * so that {@code shared} does not depend on it.
 */
public interface MembershipDirectory {

    /** The organisations the person belongs to, in name order. */
    List<Membership> membershipsOf(UserId userId);
}
