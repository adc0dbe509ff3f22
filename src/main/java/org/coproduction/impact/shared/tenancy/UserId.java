package org.coproduction.impact.shared.tenancy;

import java.util.UUID;

/** The id of a person's account. A person can belong to several organisations. */
public record UserId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
