package org.coproduction.impact.shared.tenancy;

/**
 * An ADMIN changed the language the organisation writes its main words in ("en" or "cy"). Published
 * in the transaction that makes the change: each module that keeps words in two languages (a main
 * and a second, see {@code OwnWords}) swaps them in the same transaction, so words given in both
 * stay in the right boxes, and nothing is half done.
 */
public record WordsLanguageChanged(OrganisationId organisation, String language) {}
