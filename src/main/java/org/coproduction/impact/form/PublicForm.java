package org.coproduction.impact.form;

import org.coproduction.impact.shared.tenancy.OrganisationId;

/** A form reached through its public link, with the organisation it belongs to. No account needed. */
public record PublicForm(OrganisationId organisation, Form form) {}
