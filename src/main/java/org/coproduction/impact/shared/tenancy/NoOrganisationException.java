package org.coproduction.impact.shared.tenancy;

/** The signed-in person belongs to no organisation yet, so there is no tenant data to show. */
public class NoOrganisationException extends RuntimeException {

    public NoOrganisationException() {
        super("no organisation");
    }
}
