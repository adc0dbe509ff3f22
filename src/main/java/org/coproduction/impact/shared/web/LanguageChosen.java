package org.coproduction.impact.shared.web;

import org.coproduction.impact.shared.tenancy.UserId;

/** A signed-in person chose the language of the service ("en", "cy"): their account keeps it. */
public record LanguageChosen(UserId userId, String code) {}
