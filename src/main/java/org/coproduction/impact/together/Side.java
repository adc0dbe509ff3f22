package org.coproduction.impact.together;

import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;

/** Whose view an answer gives: the group's members, or staff (facilitators and admins). Never mixed. */
public enum Side {
    MEMBERS,
    STAFF;

    public static Side of(Tenant tenant) {
        return tenant.is(Role.MEMBER) ? MEMBERS : STAFF;
    }

    public String messageKey() {
        return switch (this) {
            case MEMBERS -> "together.side.members";
            case STAFF -> "together.side.staff";
        };
    }
}
