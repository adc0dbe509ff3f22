package org.coproduction.impact.shared.tenancy;

/** A person's place in one organisation, as the tenancy layer sees it. */
public record Membership(OrganisationId organisationId, String organisationName, Role role, boolean suspended) {}
