package org.coproduction.impact.pathway;

import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;

/**
 * Says which outcomes have a way to check them. The pathway's own "how will we know?" answers are
 * one source; outcomes assessment plans (a later module) add theirs by implementing this.
 */
public interface CheckableOutcomes {

    Set<UUID> checkable(OrganisationId organisation, Pathway pathway);
}
