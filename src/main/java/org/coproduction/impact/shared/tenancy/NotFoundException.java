package org.coproduction.impact.shared.tenancy;

/**
 * Nothing with that id in the current organisation. Rendered as a 404, also when the id belongs to
 * another organisation, so that ids reveal nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
