package org.coproduction.impact.shared.tenancy;

import java.util.UUID;

/** The id of an organisation (a tenant). Every tenant query takes one. */
public record OrganisationId(UUID value) {

    public static OrganisationId of(String value) {
        return new OrganisationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
