package org.coproduction.impact.shared.tenancy;

/** The current organisation has been suspended by the platform operator. */
public class OrganisationSuspendedException extends RuntimeException {

    public OrganisationSuspendedException() {
        super("organisation suspended");
    }
}
