package org.coproduction.impact.shared.tenancy;

import java.util.List;

/**
 * Looks up a person's memberships for the tenancy layer. Implemented by the organisation module,
 * so that {@code shared} does not depend on it.
 */
public interface MembershipDirectory {

    /** The organisations the person belongs to, in name order. */
    List<Membership> membershipsOf(UserId userId);

    /**
     * The language ("en" or "cy") the organisation writes its own words in, for a page that is not
     * one of the signed-in person's (a form's answering link). May be up to
     * {@code OrganisationService.WORDS_LANGUAGE_KEPT} old on another instance. English where the
     * directory keeps no language.
     */
    default String wordsLanguage(OrganisationId organisation) {
        return "en";
    }
}
