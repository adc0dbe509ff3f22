/**
 * Feedback forms and surveys: built by facilitators from plain-language questions (rating scales,
 * before-and-after pairs, choices, text, numbers, dates, an optional "about you" block), each with
 * an easy-read version and the outcome it is evidence for; answered by anyone through a public
 * link, a QR code, a kiosk tablet or on paper. Versions keep every answer with the questions it was
 * given on; a one-time token per submission means nothing is counted twice.
 */
@ApplicationModule(displayName = "Forms and surveys", allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan"})
@NullMarked
package org.coproduction.impact.form;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
