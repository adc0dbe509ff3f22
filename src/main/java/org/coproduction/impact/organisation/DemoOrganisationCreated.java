package org.coproduction.impact.organisation;

import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;

/** The demo organisation was just created; other modules add their part of the worked example. */
public record DemoOrganisationCreated(OrganisationId organisation, String name, Map<Role, UUID> people) {}
