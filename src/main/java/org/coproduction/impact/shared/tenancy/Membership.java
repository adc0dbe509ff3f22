package org.coproduction.impact.shared.tenancy;

/**
 * A person's place in one organisation, as the tenancy layer sees it, with the language the
 * organisation writes its own words in ("en" or "cy").
 */
public record Membership(OrganisationId organisationId, String organisationName, Role role, boolean suspended, String wordsLanguage) {}
