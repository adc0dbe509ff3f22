package org.coproduction.impact.pathway;

import java.util.Optional;
import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * What a member of the project sees first when they open its page: today, the easy-read summary of
 * the latest published report. The pathway does not know about reports; the reports module (a later
 * one) answers this, in words ready to show.
 */
public interface MembersSeeFirst {

    /** Something for this person to see first on the project's page, or nothing. */
    Optional<Highlight> highlight(Tenant tenant, Project project);

    /** A heading, a short sentence, and a link to follow. */
    record Highlight(String heading, String text, String href, String linkText) {}
}
