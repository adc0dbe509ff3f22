package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.NotNull;
import org.coproduction.impact.shared.tenancy.Role;

record RoleForm(@NotNull(message = "{people.role.required}") Role role, int version) {}
