package org.coproduction.impact.shared.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public or any-signed-in handler ({@link PublicEndpoint}, {@link SignedIn}) that has to look
 * across organisations before it knows which one it is about: a joining code typed in, an email
 * address's work-account provider, a new organisation being made, a password reset link whose email
 * goes to each of the person's organisations. Every other such page is limited,
 * as the database's second wall sees it ({@link OrganisationScope}), to its link's organisation, or
 * the signed-in person's current one, or to none at all; so a query there that forgot its
 * organisation condition finds nothing of anyone else's. The reason is written for the reader, is
 * what the page's work is named as the service's own ({@link OrganisationScope#asTheService}), and
 * {@code RowLevelSecurityIntegrationTest} names every handler that carries it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcrossOrganisations {

    /** Why the page has to look across organisations, in a sentence. */
    String value();
}
