package org.coproduction.impact.shared.web;

import org.coproduction.impact.shared.tenancy.UserId;

/** A signed-in person switched easy read on or off; their account remembers it. */
public record EasyReadChosen(UserId userId, boolean on) {}
